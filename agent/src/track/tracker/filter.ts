/**
 * Constant-velocity Kalman filtering in a local east/north frame, and an IMM of two CV models
 * (quiet and manoeuvring) that share the state [east, north, vEast, vNorth].
 *
 * Covariances are row-major 4x4 arrays; measurements are positions with a full 2x2 covariance
 * given as [xx, xy, yy]. Process noise is continuous white acceleration with spectral density
 * q (m²/s³) per axis: Q = q [[dt³/3, dt²/2], [dt²/2, dt]].
 */

export type Vec4 = Float64Array;
export type Mat4 = Float64Array;

export interface Gaussian {
  x: Vec4;
  P: Mat4;
}

export function gaussian(x: ArrayLike<number>, P: ArrayLike<number>): Gaussian {
  if (x.length !== 4 || P.length !== 16) throw new TypeError('a CV state is 4 numbers and its covariance 16');
  return { x: Float64Array.from(x), P: Float64Array.from(P) };
}

export function cloneGaussian(g: Gaussian): Gaussian {
  return { x: g.x.slice(), P: g.P.slice() };
}

/** x ← F x, P ← F P Fᵀ + Q(dt) in place. */
export function predictCv(g: Gaussian, dt: number, q: number): void {
  const { x, P } = g;
  x[0] += dt * x[2];
  x[1] += dt * x[3];
  // P = [[A, B], [Bᵀ, C]] in 2x2 blocks; F P Fᵀ = [[A + dt(B + Bᵀ) + dt² C, B + dt C], [., C]].
  const dt2 = dt * dt;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const a = P[i * 4 + j];
      const b = P[i * 4 + j + 2];
      const bt = P[(i + 2) * 4 + j];
      const c = P[(i + 2) * 4 + j + 2];
      P[i * 4 + j] = a + dt * (b + bt) + dt2 * c;
      P[i * 4 + j + 2] = b + dt * c;
      P[(i + 2) * 4 + j] = bt + dt * c;
    }
  }
  const q11 = (q * dt2 * dt) / 3;
  const q12 = (q * dt2) / 2;
  const q22 = q * dt;
  P[0] += q11;
  P[5] += q11;
  P[2] += q12;
  P[8] += q12;
  P[7] += q12;
  P[13] += q12;
  P[10] += q22;
  P[15] += q22;
}

/**
 * Coordinated turn at a known rate ω (rad/s, positive clockwise: course increasing) in place:
 * the velocity turns by ωdt and the position follows the arc; the same white-acceleration Q as
 * the CV model. `tmp` is 16 numbers of scratch. ω = 0 is the CV model.
 */
export function predictCt(g: Gaussian, dt: number, q: number, omega: number, tmp: Float64Array): void {
  if (omega === 0) {
    predictCv(g, dt, q);
    return;
  }
  const { x, P } = g;
  const phi = omega * dt;
  const s = Math.sin(phi);
  const c = Math.cos(phi);
  const a = s / omega;
  const b = (1 - c) / omega;
  // F = [[1, 0, a, b], [0, 1, -b, a], [0, 0, c, s], [0, 0, -s, c]] on (east, north, vEast, vNorth).
  const ve = x[2];
  const vn = x[3];
  x[0] += a * ve + b * vn;
  x[1] += -b * ve + a * vn;
  x[2] = c * ve + s * vn;
  x[3] = -s * ve + c * vn;
  // tmp = F P (row by row), then P = tmp Fᵀ.
  for (let j = 0; j < 4; j++) {
    const p0 = P[j], p1 = P[4 + j], p2 = P[8 + j], p3 = P[12 + j];
    tmp[j] = p0 + a * p2 + b * p3;
    tmp[4 + j] = p1 - b * p2 + a * p3;
    tmp[8 + j] = c * p2 + s * p3;
    tmp[12 + j] = -s * p2 + c * p3;
  }
  for (let i = 0; i < 4; i++) {
    const t0 = tmp[i * 4], t1 = tmp[i * 4 + 1], t2 = tmp[i * 4 + 2], t3 = tmp[i * 4 + 3];
    P[i * 4] = t0 + a * t2 + b * t3;
    P[i * 4 + 1] = t1 - b * t2 + a * t3;
    P[i * 4 + 2] = c * t2 + s * t3;
    P[i * 4 + 3] = -s * t2 + c * t3;
  }
  const dt2 = dt * dt;
  const q11 = (q * dt2 * dt) / 3;
  const q12 = (q * dt2) / 2;
  const q22 = q * dt;
  P[0] += q11;
  P[5] += q11;
  P[2] += q12;
  P[8] += q12;
  P[7] += q12;
  P[13] += q12;
  P[10] += q22;
  P[15] += q22;
}

export interface Innovation {
  /** z − Hx. */
  dx: number;
  dy: number;
  /** S = H P Hᵀ + R as [xx, xy, yy], its inverse and determinant. */
  s: [number, number, number];
  sInv: [number, number, number];
  det: number;
  /** Mahalanobis distance squared. */
  d2: number;
}

export function innovation(g: Gaussian, zx: number, zy: number, r: readonly [number, number, number]): Innovation {
  const P = g.P;
  const sxx = P[0] + r[0];
  const sxy = P[1] + r[1];
  const syy = P[5] + r[2];
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) throw new RangeError('innovation covariance is not positive definite');
  const ixx = syy / det;
  const ixy = -sxy / det;
  const iyy = sxx / det;
  const dx = zx - g.x[0];
  const dy = zy - g.x[1];
  return { dx, dy, s: [sxx, sxy, syy], sInv: [ixx, ixy, iyy], det, d2: dx * dx * ixx + 2 * dx * dy * ixy + dy * dy * iyy };
}

/**
 * Mahalanobis distance² of a position measurement from a prediction, allocating nothing (the
 * gating loop runs it for every pair near a track); writes det S to `out[0]`.
 */
export function gateDistance2(g: Gaussian, zx: number, zy: number, r: readonly [number, number, number], out: Float64Array): number {
  const P = g.P;
  const sxx = P[0] + r[0];
  const sxy = P[1] + r[1];
  const syy = P[5] + r[2];
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) throw new RangeError('innovation covariance is not positive definite');
  out[0] = det;
  const dx = zx - g.x[0];
  const dy = zy - g.x[1];
  return (dx * dx * syy - 2 * dx * dy * sxy + dy * dy * sxx) / det;
}

/** Gaussian likelihood of an innovation: N(dz; 0, S). */
export function likelihood(inn: Innovation): number {
  return Math.exp(-0.5 * inn.d2) / (2 * Math.PI * Math.sqrt(inn.det));
}

/**
 * Kalman measurement update in place; returns the innovation. P ← P − K H P, kept symmetric
 * (the short form: in double precision with a position-only H it stays positive definite here,
 * and unlike the Joseph form it allocates nothing: the predict/update path was 25 % of a busy
 * scan's CPU, most of it garbage collection, before).
 */
export function updatePosition(g: Gaussian, zx: number, zy: number, r: readonly [number, number, number]): Innovation {
  const inn = innovation(g, zx, zy, r);
  const { x, P } = g;
  const [ixx, ixy, iyy] = inn.sInv;
  // K = P Hᵀ S⁻¹ (4x2) from the first two columns of P; H P is the first two rows.
  const k00 = P[0] * ixx + P[1] * ixy, k01 = P[0] * ixy + P[1] * iyy;
  const k10 = P[4] * ixx + P[5] * ixy, k11 = P[4] * ixy + P[5] * iyy;
  const k20 = P[8] * ixx + P[9] * ixy, k21 = P[8] * ixy + P[9] * iyy;
  const k30 = P[12] * ixx + P[13] * ixy, k31 = P[12] * ixy + P[13] * iyy;
  x[0] += k00 * inn.dx + k01 * inn.dy;
  x[1] += k10 * inn.dx + k11 * inn.dy;
  x[2] += k20 * inn.dx + k21 * inn.dy;
  x[3] += k30 * inn.dx + k31 * inn.dy;
  const h00 = P[0], h01 = P[1], h02 = P[2], h03 = P[3];
  const h10 = P[4], h11 = P[5], h12 = P[6], h13 = P[7];
  const ks = [k00, k01, k10, k11, k20, k21, k30, k31];
  const hp = [h00, h01, h02, h03, h10, h11, h12, h13];
  for (let i = 0; i < 4; i++) {
    const a = ks[i * 2];
    const b = ks[i * 2 + 1];
    for (let j = i; j < 4; j++) {
      const v = P[i * 4 + j] - a * hp[j] - b * hp[4 + j];
      P[i * 4 + j] = v;
      P[j * 4 + i] = v;
    }
  }
  return inn;
}

/**
 * The same update as `updatePosition`, allocating nothing (the IMM runs it once per model per
 * track per scan); returns the measurement's likelihood N(z; Hx, S) under the prior.
 */
export function updatePositionLikelihood(g: Gaussian, zx: number, zy: number, r: readonly [number, number, number]): number {
  const { x, P } = g;
  const sxx = P[0] + r[0];
  const sxy = P[1] + r[1];
  const syy = P[5] + r[2];
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) throw new RangeError('innovation covariance is not positive definite');
  const ixx = syy / det;
  const ixy = -sxy / det;
  const iyy = sxx / det;
  const dx = zx - x[0];
  const dy = zy - x[1];
  const d2 = dx * dx * ixx + 2 * dx * dy * ixy + dy * dy * iyy;
  // K = P Hᵀ S⁻¹ from the first two columns of P (taken before P changes), then
  // P ← P − K (H P) on the upper triangle, mirrored.
  const k00 = P[0] * ixx + P[1] * ixy, k01 = P[0] * ixy + P[1] * iyy;
  const k10 = P[4] * ixx + P[5] * ixy, k11 = P[4] * ixy + P[5] * iyy;
  const k20 = P[8] * ixx + P[9] * ixy, k21 = P[8] * ixy + P[9] * iyy;
  const k30 = P[12] * ixx + P[13] * ixy, k31 = P[12] * ixy + P[13] * iyy;
  x[0] += k00 * dx + k01 * dy;
  x[1] += k10 * dx + k11 * dy;
  x[2] += k20 * dx + k21 * dy;
  x[3] += k30 * dx + k31 * dy;
  const h0 = P[0], h1 = P[1], h2 = P[2], h3 = P[3];
  const g0 = P[4], g1 = P[5], g2 = P[6], g3 = P[7];
  const p00 = P[0] - k00 * h0 - k01 * g0;
  const p01 = P[1] - k00 * h1 - k01 * g1;
  const p02 = P[2] - k00 * h2 - k01 * g2;
  const p03 = P[3] - k00 * h3 - k01 * g3;
  const p11 = P[5] - k10 * h1 - k11 * g1;
  const p12 = P[6] - k10 * h2 - k11 * g2;
  const p13 = P[7] - k10 * h3 - k11 * g3;
  const p22 = P[10] - k20 * h2 - k21 * g2;
  const p23 = P[11] - k20 * h3 - k21 * g3;
  const p33 = P[15] - k30 * h3 - k31 * g3;
  P[0] = p00;
  P[1] = P[4] = p01;
  P[2] = P[8] = p02;
  P[3] = P[12] = p03;
  P[5] = p11;
  P[6] = P[9] = p12;
  P[7] = P[13] = p13;
  P[10] = p22;
  P[11] = P[14] = p23;
  P[15] = p33;
  return Math.exp(-0.5 * d2) / (2 * Math.PI * Math.sqrt(det));
}

export interface ImmModel {
  /** Spectral density of the white acceleration (m²/s³). */
  q: number;
  /** Mean time spent in the model before switching (s). */
  meanSojournSeconds: number;
  /** Coordinated turn at this rate, rad/s (positive clockwise); 0 or absent: constant velocity. */
  turnRateRadPerS?: number;
}

/**
 * Interacting multiple model filter over CV and fixed-rate coordinated-turn models that share
 * the state [east, north, vEast, vNorth]. The combined (moment-matched) estimate is kept
 * alongside the per-model ones.
 */
export class Imm {
  readonly modes: Gaussian[];
  mu: Float64Array;
  combined: Gaussian;
  private mixBuf: Gaussian[];
  private readonly scratch: Gaussian;
  private readonly cBuf: Float64Array;
  private readonly wBuf: Float64Array;
  private readonly fBuf = new Float64Array(16);
  private readonly tBuf: Float64Array;

  constructor(
    readonly models: readonly ImmModel[],
    initial: Gaussian,
    mu?: ArrayLike<number>,
  ) {
    if (models.length < 1) throw new TypeError('an IMM needs at least one model');
    this.modes = models.map(() => cloneGaussian(initial));
    this.mu = mu ? Float64Array.from(mu) : Float64Array.from(models.map((_, i) => (i === 0 ? 1 : 0)));
    if (this.mu.length !== models.length) throw new TypeError('one mode probability per model');
    this.combined = cloneGaussian(initial);
    this.mixBuf = models.map(() => cloneGaussian(initial));
    this.scratch = cloneGaussian(initial);
    this.cBuf = new Float64Array(models.length);
    this.wBuf = new Float64Array(models.length);
    this.tBuf = new Float64Array(models.length * models.length);
  }

  /** Switching probability π(i → j) over dt seconds (each model left at rate 1/sojourn). */
  transition(i: number, j: number, dt: number): number {
    const n = this.models.length;
    if (n === 1) return 1;
    const leave = 1 - Math.exp(-dt / this.models[i].meanSojournSeconds);
    return i === j ? 1 - leave : leave / (n - 1);
  }

  /** Mixing and prediction of every model by dt; returns the predicted mode probabilities c_j. */
  predict(dt: number): Float64Array {
    const n = this.models.length;
    const c = this.cBuf;
    // The switching matrix for this dt, worked out once (n exponentials, not 2n²).
    const T = this.tBuf;
    for (let i = 0; i < n; i++) {
      const leave = n === 1 ? 0 : 1 - Math.exp(-dt / this.models[i].meanSojournSeconds);
      for (let j = 0; j < n; j++) T[i * n + j] = i === j ? 1 - leave : leave / (n - 1);
    }
    c.fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) c[j] += T[i * n + j] * this.mu[i];
    const w = this.wBuf;
    for (let j = 0; j < n; j++) {
      const g = this.mixBuf[j];
      if (c[j] <= 0) {
        g.x.set(this.modes[j].x);
        g.P.set(this.modes[j].P);
        continue;
      }
      for (let i = 0; i < n; i++) w[i] = (T[i * n + j] * this.mu[i]) / c[j];
      mixInto(g, this.modes, w, n);
    }
    // The mixed estimates become the modes; the old mode buffers are the next mixing space.
    for (let j = 0; j < n; j++) {
      const old = this.modes[j];
      this.modes[j] = this.mixBuf[j]!;
      this.mixBuf[j] = old;
      predictCt(this.modes[j], dt, this.models[j].q, this.models[j].turnRateRadPerS ?? 0, this.fBuf);
    }
    this.mu.set(c);
    this.combine();
    return c;
  }

  /** Measurement update of every model; mode probabilities by their likelihoods. */
  update(zx: number, zy: number, r: readonly [number, number, number]): void {
    const n = this.models.length;
    const lik = this.wBuf;
    let total = 0;
    for (let j = 0; j < n; j++) {
      lik[j] = updatePositionLikelihood(this.modes[j], zx, zy, r) * this.mu[j];
      total += lik[j];
    }
    if (total > 0 && Number.isFinite(total)) for (let j = 0; j < n; j++) this.mu[j] = Math.max(lik[j] / total, 1e-9);
    let s = 0;
    for (let j = 0; j < n; j++) s += this.mu[j];
    for (let j = 0; j < n; j++) this.mu[j] /= s;
    this.combine();
  }

  private combine(): void {
    mixInto(this.combined, this.modes, this.mu, this.models.length);
  }

  /**
   * The combined estimate predicted by dt without changing the filter (for gating). The result
   * is this filter's scratch space: use it before the next peek.
   */
  peek(dt: number): Gaussian {
    const g = this.scratch;
    g.x.set(this.combined.x);
    g.P.set(this.combined.P);
    let q = 0;
    let w = 0;
    for (let j = 0; j < this.models.length; j++) {
      q += this.mu[j] * this.models[j].q;
      w += this.mu[j] * (this.models[j].turnRateRadPerS ?? 0);
    }
    // A mixture turning slower than 0.1°/s drifts a few centimetres from the straight line over
    // a scan (v ω dt² / 2): gate it as CV, a third of the arithmetic.
    predictCt(g, dt, q, Math.abs(w) < 0.002 ? 0 : w, this.fBuf);
    return g;
  }
}

/**
 * g ← the moment-matched mixture Σ w_i N(x_i, P_i) (weights summing to 1), unrolled over the
 * four states and the ten distinct covariance entries: the IMM mixes n models into n, then
 * combines them, once per track per scan.
 */
function mixInto(g: Gaussian, modes: readonly Gaussian[], w: ArrayLike<number>, n: number): void {
  let x0 = 0, x1 = 0, x2 = 0, x3 = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const xi = modes[i].x;
    x0 += wi * xi[0];
    x1 += wi * xi[1];
    x2 += wi * xi[2];
    x3 += wi * xi[3];
  }
  let p00 = 0, p01 = 0, p02 = 0, p03 = 0, p11 = 0, p12 = 0, p13 = 0, p22 = 0, p23 = 0, p33 = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const { x, P } = modes[i];
    const d0 = x[0] - x0, d1 = x[1] - x1, d2 = x[2] - x2, d3 = x[3] - x3;
    p00 += wi * (P[0] + d0 * d0);
    p01 += wi * (P[1] + d0 * d1);
    p02 += wi * (P[2] + d0 * d2);
    p03 += wi * (P[3] + d0 * d3);
    p11 += wi * (P[5] + d1 * d1);
    p12 += wi * (P[6] + d1 * d2);
    p13 += wi * (P[7] + d1 * d3);
    p22 += wi * (P[10] + d2 * d2);
    p23 += wi * (P[11] + d2 * d3);
    p33 += wi * (P[15] + d3 * d3);
  }
  const { x, P } = g;
  x[0] = x0;
  x[1] = x1;
  x[2] = x2;
  x[3] = x3;
  P[0] = p00;
  P[1] = P[4] = p01;
  P[2] = P[8] = p02;
  P[3] = P[12] = p03;
  P[5] = p11;
  P[6] = P[9] = p12;
  P[7] = P[13] = p13;
  P[10] = p22;
  P[11] = P[14] = p23;
  P[15] = p33;
}

/** Inverse of the chi-square CDF with 2 degrees of freedom (closed form). */
export function chi2Inv2(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('a gate probability is in (0, 1)');
  return -2 * Math.log(1 - p);
}
