/**
 * Threshold factors from a design probability of false alarm, for a cell of exponential power
 * (square-law detected Gaussian noise) against reference cells of the same distribution.
 * A cell is a detection when its power exceeds factor x (the method's clutter estimate).
 */

function checkPfa(pfa: number): void {
  if (typeof pfa !== 'number') throw new TypeError('pfa must be a number');
  if (!(pfa > 0 && pfa < 1)) throw new RangeError(`pfa must be in (0, 1), got ${pfa}`);
}

function checkCount(name: string, n: number): void {
  if (typeof n !== 'number') throw new TypeError(`${name} must be a number`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be an integer >= 1, got ${n}`);
}

/** CA: Pfa = (1 + alpha/N)^-N on the mean of N cells, so alpha = N (Pfa^(-1/N) - 1). */
export function caAlpha(n: number, pfa: number): number {
  checkCount('N', n);
  checkPfa(pfa);
  return n * (Math.pow(pfa, -1 / n) - 1);
}

export function caPfa(n: number, alpha: number): number {
  return Math.pow(1 + alpha / n, -n);
}

/** SO: alpha on the smaller of two half-window means of n cells each. */
export function soPfa(n: number, alpha: number): number {
  // sum_{i=0}^{n-1} C(n+i-1, i) (2 + alpha/n)^-(n+i), terms built by recurrence in log space.
  const x = 2 + alpha / n;
  let logTerm = -n * Math.log(x);
  let sum = Math.exp(logTerm);
  for (let i = 1; i < n; i++) {
    logTerm += Math.log((n + i - 1) / i) - Math.log(x);
    sum += Math.exp(logTerm);
  }
  return 2 * sum;
}

/** GO: alpha on the larger of two half-window means of n cells each. */
export function goPfa(n: number, alpha: number): number {
  return 2 * Math.pow(1 + alpha / n, -n) - soPfa(n, alpha);
}

/** OS: T on the k-th smallest of N cells: Pfa = prod_{i=0}^{k-1} (N-i)/(N-i+T). */
export function osPfa(n: number, k: number, t: number): number {
  let logP = 0;
  for (let i = 0; i < k; i++) logP += Math.log((n - i) / (n - i + t));
  return Math.exp(logP);
}

/** Solves pfaOf(x) = pfa for x > 0 (pfaOf decreasing) by bisection on log Pfa. */
function solveDecreasing(pfaOf: (x: number) => number, pfa: number): number {
  const target = Math.log(pfa);
  let lo = 0;
  let hi = 1;
  while (Math.log(pfaOf(hi)) > target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) throw new RangeError(`no threshold factor reaches pfa ${pfa}`);
  }
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (Math.log(pfaOf(mid)) > target) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-13 * hi) break;
  }
  return 0.5 * (lo + hi);
}

export function soAlpha(n: number, pfa: number): number {
  checkCount('n', n);
  checkPfa(pfa);
  return solveDecreasing((a) => soPfa(n, a), pfa);
}

export function goAlpha(n: number, pfa: number): number {
  checkCount('n', n);
  checkPfa(pfa);
  // GO's Pfa is bounded below by... nothing at alpha = 0 it is 1; decreasing in alpha.
  return solveDecreasing((a) => goPfa(n, a), pfa);
}

export function osFactor(n: number, k: number, pfa: number): number {
  checkCount('N', n);
  checkCount('k', k);
  if (k > n) throw new RangeError(`k must be <= N (${n}), got ${k}`);
  checkPfa(pfa);
  return solveDecreasing((t) => osPfa(n, k, t), pfa);
}

/** The OS rank most texts use by default: k = round(3N/4). */
export function defaultOsRank(n: number): number {
  return Math.max(1, Math.min(n, Math.round((3 * n) / 4)));
}

export type ThresholdMethod = 'ca' | 'go' | 'so' | 'os';

/**
 * The factor the kernels take for a 1-D method: CA on the mean of N = 2 x train cells, GO/SO on
 * half-window means of n = train cells, OS on the k-th smallest of N.
 */
export function thresholdFactor(method: ThresholdMethod, train: number, pfa: number, k?: number): number {
  const n = 2 * train;
  switch (method) {
    case 'ca':
      return caAlpha(n, pfa);
    case 'go':
      return goAlpha(train, pfa);
    case 'so':
      return soAlpha(train, pfa);
    case 'os':
      return osFactor(n, k ?? defaultOsRank(n), pfa);
  }
}

/** Swerling 1 target under CA-CFAR: Pd = (1 + alpha / (N (1 + SNR)))^-N. */
export function swerling1CaPd(n: number, alpha: number, snr: number): number {
  return Math.pow(1 + alpha / (n * (1 + snr)), -n);
}
