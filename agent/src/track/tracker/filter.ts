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
      const a = P[i * 4 + j]!;
      const b = P[i * 4 + j + 2]!;
      const bt = P[(i + 2) * 4 + j]!;
      const c = P[(i + 2) * 4 + j + 2]!;
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
  const sxx = P[0]! + r[0];
  const sxy = P[1]! + r[1];
  const syy = P[5]! + r[2];
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) throw new RangeError('innovation covariance is not positive definite');
  const ixx = syy / det;
  const ixy = -sxy / det;
  const iyy = sxx / det;
  const dx = zx - g.x[0]!;
  const dy = zy - g.x[1]!;
  return { dx, dy, s: [sxx, sxy, syy], sInv: [ixx, ixy, iyy], det, d2: dx * dx * ixx + 2 * dx * dy * ixy + dy * dy * iyy };
}

/** Gaussian likelihood of an innovation: N(dz; 0, S). */
export function likelihood(inn: Innovation): number {
  return Math.exp(-0.5 * inn.d2) / (2 * Math.PI * Math.sqrt(inn.det));
}

/** Kalman measurement update in place (Joseph form for the covariance); returns the innovation. */
export function updatePosition(g: Gaussian, zx: number, zy: number, r: readonly [number, number, number]): Innovation {
  const inn = innovation(g, zx, zy, r);
  const { x, P } = g;
  const [ixx, ixy, iyy] = inn.sInv;
  // K = P Hᵀ S⁻¹: 4x2 from the first two columns of P.
  const K = new Float64Array(8);
  for (let i = 0; i < 4; i++) {
    const p0 = P[i * 4]!;
    const p1 = P[i * 4 + 1]!;
    K[i * 2] = p0 * ixx + p1 * ixy;
    K[i * 2 + 1] = p0 * ixy + p1 * iyy;
  }
  for (let i = 0; i < 4; i++) x[i] += K[i * 2]! * inn.dx + K[i * 2 + 1]! * inn.dy;
  // Joseph: P = (I − KH) P (I − KH)ᵀ + K R Kᵀ.
  const A = new Float64Array(16); // I − KH
  for (let i = 0; i < 4; i++) {
    A[i * 4 + i] = 1;
    A[i * 4] -= K[i * 2]!;
    A[i * 4 + 1] -= K[i * 2 + 1]!;
  }
  const AP = new Float64Array(16);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += A[i * 4 + k]! * P[k * 4 + j]!;
    AP[i * 4 + j] = s;
  }
  for (let i = 0; i < 4; i++) for (let j = i; j < 4; j++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += AP[i * 4 + k]! * A[j * 4 + k]!;
    const ki0 = K[i * 2]!;
    const ki1 = K[i * 2 + 1]!;
    const kj0 = K[j * 2]!;
    const kj1 = K[j * 2 + 1]!;
    s += ki0 * (r[0] * kj0 + r[1] * kj1) + ki1 * (r[1] * kj0 + r[2] * kj1);
    P[i * 4 + j] = s;
    P[j * 4 + i] = s;
  }
  return inn;
}

export interface ImmModel {
  /** Spectral density of the white acceleration (m²/s³). */
  q: number;
  /** Mean time spent in the model before switching (s). */
  meanSojournSeconds: number;
}

/**
 * Interacting multiple model filter over CV models that differ only in process noise. The
 * combined (moment-matched) estimate is kept alongside the per-model ones.
 */
export class Imm {
  readonly modes: Gaussian[];
  mu: Float64Array;
  combined: Gaussian;

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
  }

  /** Switching probability π(i → j) over dt seconds (each model left at rate 1/sojourn). */
  transition(i: number, j: number, dt: number): number {
    const n = this.models.length;
    if (n === 1) return 1;
    const leave = 1 - Math.exp(-dt / this.models[i]!.meanSojournSeconds);
    return i === j ? 1 - leave : leave / (n - 1);
  }

  /** Mixing and prediction of every model by dt; returns the predicted mode probabilities c_j. */
  predict(dt: number): Float64Array {
    const n = this.models.length;
    const c = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) c[j] += this.transition(i, j, dt) * this.mu[i]!;
    const mixed: Gaussian[] = [];
    for (let j = 0; j < n; j++) {
      const g: Gaussian = { x: new Float64Array(4), P: new Float64Array(16) };
      if (c[j]! <= 0) {
        mixed.push(cloneGaussian(this.modes[j]!));
        continue;
      }
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) w[i] = (this.transition(i, j, dt) * this.mu[i]!) / c[j]!;
      for (let i = 0; i < n; i++) for (let k = 0; k < 4; k++) g.x[k] += w[i]! * this.modes[i]!.x[k]!;
      for (let i = 0; i < n; i++) {
        const mi = this.modes[i]!;
        for (let a = 0; a < 4; a++) {
          const da = mi.x[a]! - g.x[a]!;
          for (let b = 0; b < 4; b++) g.P[a * 4 + b] += w[i]! * (mi.P[a * 4 + b]! + da * (mi.x[b]! - g.x[b]!));
        }
      }
      mixed.push(g);
    }
    for (let j = 0; j < n; j++) {
      predictCv(mixed[j]!, dt, this.models[j]!.q);
      this.modes[j] = mixed[j]!;
    }
    this.mu = c;
    this.combine();
    return c;
  }

  /** Measurement update of every model; mode probabilities by their likelihoods. */
  update(zx: number, zy: number, r: readonly [number, number, number]): void {
    const n = this.models.length;
    const lik = new Float64Array(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const inn = updatePosition(this.modes[j]!, zx, zy, r);
      lik[j] = likelihood(inn) * this.mu[j]!;
      total += lik[j]!;
    }
    if (total > 0 && Number.isFinite(total)) for (let j = 0; j < n; j++) this.mu[j] = Math.max(lik[j]! / total, 1e-9);
    let s = 0;
    for (let j = 0; j < n; j++) s += this.mu[j]!;
    for (let j = 0; j < n; j++) this.mu[j] /= s;
    this.combine();
  }

  private combine(): void {
    const g = this.combined;
    g.x.fill(0);
    g.P.fill(0);
    const n = this.models.length;
    for (let j = 0; j < n; j++) for (let k = 0; k < 4; k++) g.x[k] += this.mu[j]! * this.modes[j]!.x[k]!;
    for (let j = 0; j < n; j++) {
      const m = this.modes[j]!;
      for (let a = 0; a < 4; a++) {
        const da = m.x[a]! - g.x[a]!;
        for (let b = 0; b < 4; b++) g.P[a * 4 + b] += this.mu[j]! * (m.P[a * 4 + b]! + da * (m.x[b]! - g.x[b]!));
      }
    }
  }

  /** The combined estimate predicted by dt without changing the filter (for gating). */
  peek(dt: number): Gaussian {
    const g = cloneGaussian(this.combined);
    let q = 0;
    for (let j = 0; j < this.models.length; j++) q += this.mu[j]! * this.models[j]!.q;
    predictCv(g, dt, q);
    return g;
  }
}

/** Inverse of the chi-square CDF with 2 degrees of freedom (closed form). */
export function chi2Inv2(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('a gate probability is in (0, 1)');
  return -2 * Math.log(1 - p);
}
