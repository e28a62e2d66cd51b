import { encodeTiMmwaveFrame, TI_PLATFORM_XWR16XX, TI_SDK_3_4 } from '../protocols/ti-mmwave/encoder.js';
import type { TiRadarProfile } from '../protocols/ti-mmwave/profile.js';
import { TI_TLV_HEADER_BYTES, tiHeaderBytes, type TiPoint } from '../protocols/ti-mmwave/types.js';
import { destination } from '../track/geodesy.js';
import { Rng } from './rng.js';
import type { SimStep, SimulatedSensor, TruthRecord } from './types.js';

/** A target moving on a straight line in the sensor frame (x right, y forward along boresight, z up; metres, m/s). */
export interface TiSimTarget {
  x: number;
  y: number;
  z: number;
  vx: number;
  vy: number;
  vz: number;
  /** SNR of its detections at 10 m, dB; falls as 40 log10(range). Default 25. */
  snrDbAt10m?: number;
}

/**
 * Options of the simulated TI mmWave sensor (out-of-box demo, data port).
 *
 * @property seed           the same seed gives the same bytes (required)
 * @property startWallMs    wall-clock time of frame 0, ms since the epoch (default 0; `lookout sim` passes now)
 * @property periodMs       frame period, as frameCfg's period (default 100 ms)
 * @property heatmap        also send the range-Doppler heatmap, TLV 5 (default false)
 * @property noiseProfile   also send the noise profile, TLV 3 (default false)
 * @property targets        targets (default: three crossing the field of view at walking to drone
 *                          speeds, scaled to the range the bins cover)
 * @property rangeBins      range bins of the profile and heatmap (default 256)
 * @property rangeResolutionMetres  metres per range bin (default 0.1: 25.6 m maximum range)
 * @property dopplerBins    Doppler bins of the heatmap (default 16: with 256 range bins a heatmap
 *                          frame is 8 KiB, 82 KB/s at 10 Hz, inside a 921600-baud link's 92 KB/s)
 * @property velocityResolutionMps  m/s per Doppler bin (default 0.1)
 * @property fovDegrees     azimuth field of view, ± half of it about boresight (default 120)
 * @property detectionProbability  per target per frame (default 0.95)
 * @property falsePointsPerFrame   mean of the Poisson number of clutter points (default 0.5)
 * @property positionNoiseMetres   σ of the point position noise in x, y (z gets 1.5 σ) (default 0.03)
 * @property velocityNoiseMps      σ of the velocity noise (default 0.05)
 * @property sdkMajor       3: float points (default); 2: the SDK 1.x/2.x Q-format points
 * @property platform       header platform (default 0xA1642, IWR1642)
 * @property site           where the sensor is and where its boresight points, for truth lat/lon
 *                          (default 58.2124 N, 11.5475 E, boresight 0° true)
 * @property profile        what a .cfg configures (`tiProfileFromCfg`): supplies rangeBins,
 *                          rangeResolutionMetres, dopplerBins, velocityResolutionMps, periodMs, and
 *                          heatmap / noiseProfile from its guiMonitor line; explicit options win
 */
export interface TiMmwaveSimOptions {
  seed: number;
  startWallMs?: number;
  periodMs?: number;
  heatmap?: boolean;
  noiseProfile?: boolean;
  targets?: TiSimTarget[];
  rangeBins?: number;
  rangeResolutionMetres?: number;
  dopplerBins?: number;
  velocityResolutionMps?: number;
  fovDegrees?: number;
  detectionProbability?: number;
  falsePointsPerFrame?: number;
  positionNoiseMetres?: number;
  velocityNoiseMps?: number;
  sdkMajor?: 2 | 3;
  platform?: number;
  site?: { latitude: number; longitude: number; boresightDegrees: number };
  profile?: TiRadarProfile;
}

export const DEFAULT_TI_SIM_TARGETS: readonly TiSimTarget[] = [
  { x: -6, y: 12, z: 0.5, vx: 0.8, vy: 0, vz: 0 }, // crossing left to right
  { x: 2, y: 4, z: 0, vx: 0, vy: 0.6, vz: 0, snrDbAt10m: 30 }, // walking away
  { x: 5, y: 20, z: 3, vx: -0.5, vy: -0.9, vz: 0, snrDbAt10m: 20 }, // a small drone closing in
];

/** log2 magnitude in Q9, the profile's units: 1 dB = 512 / 6.02 counts. */
const Q9_PER_DB = 512 / (20 * Math.log10(2));
const NOISE_FLOOR_Q9 = 2100;
const NOISE_DB = 80;
/** The C674x DSP clock the header's timeCpuCycles counts (IWR1642). */
const CPU_HZ = 600e6;

/**
 * A TI mmWave sensor running the out-of-box demo: one data-port frame per period with detected
 * points (targets with noise and misses, plus clutter), side info, the range profile, and on
 * request the noise profile and range-Doppler heatmap; stats and temperatures like the firmware.
 * Truth: one record per target per frame (range, bearing from true north via the site's
 * boresight, lat/lon, and x, y, z, radial velocity in the sensor frame).
 */
export function createTiMmwaveSim(options: TiMmwaveSimOptions): SimulatedSensor {
  const o = resolve(options);
  const rng = new Rng(o.seed);
  const targets = o.targets.map((t) => ({ ...t }));
  let frame = 0;
  return {
    next(): SimStep {
      const timeS = (frame * o.periodMs) / 1000;
      const wallMs = o.startWallMs + frame * o.periodMs;
      if (frame > 0) moveTargets(targets, o.periodMs / 1000, o);
      const points: TiPoint[] = [];
      const truth: TruthRecord[] = [];
      const peaks: Array<{ range: number; velocity: number; snrDb: number }> = [];
      targets.forEach((t, i) => {
        const range = Math.hypot(t.x, t.y, t.z);
        const velocity = (t.x * t.vx + t.y * t.vy + t.z * t.vz) / range;
        const snrDb = (t.snrDbAt10m ?? 25) + 40 * Math.log10(10 / Math.max(range, 0.5));
        const azimuthDeg = (Math.atan2(t.x, t.y) * 180) / Math.PI;
        const bearingDegrees = (((o.site.boresightDegrees + azimuthDeg) % 360) + 360) % 360;
        const groundRange = Math.hypot(t.x, t.y);
        const pos = destination(o.site, bearingDegrees, groundRange);
        truth.push({ timeMs: wallMs, target: i + 1, rangeMetres: range, bearingDegrees, latitude: pos.latitude, longitude: pos.longitude, x: t.x, y: t.y, z: t.z, velocity });
        if (!inView(t, o)) return;
        peaks.push({ range, velocity, snrDb });
        if (rng.uniform() >= o.detectionProbability) return;
        const s = o.positionNoiseMetres;
        points.push(point(o, t.x + s * rng.gaussian(), t.y + s * rng.gaussian(), t.z + 1.5 * s * rng.gaussian(),
          velocity + o.velocityNoiseMps * rng.gaussian(), snrDb + rng.gaussian(), NOISE_DB + 0.5 * rng.gaussian()));
      });
      const clutter = poisson(rng, o.falsePointsPerFrame);
      for (let k = 0; k < clutter; k++) {
        const r = (0.1 + 0.9 * rng.uniform()) * o.maxRange;
        const az = ((rng.uniform() - 0.5) * o.fovDegrees * Math.PI) / 180;
        points.push(point(o, r * Math.sin(az), r * Math.cos(az), 0.3 * rng.gaussian(), 0.2 * rng.gaussian(), 10 + 2 * rng.uniform(), NOISE_DB + 0.5 * rng.gaussian()));
      }
      const rangeProfile = profile(rng, o, peaks);
      const bytes = encodeTiMmwaveFrame({
        version: o.sdkMajor === 3 ? TI_SDK_3_4 : 0x02010004,
        platform: o.platform,
        frameNumber: frame + 1,
        timeCpuCycles: Math.round(timeS * CPU_HZ) % 2 ** 32,
        subFrameNumber: 0,
        ...(o.sdkMajor === 2 ? { xyzQFormat: 9 } : {}),
        points,
        rangeProfile,
        ...(o.noiseProfile ? { noiseProfile: profile(rng, o, []) } : {}),
        ...(o.heatmap ? { rangeDopplerHeatmap: heatmap(rng, o, peaks) } : {}),
        stats: {
          interFrameProcessingTimeUs: 4200 + Math.round(300 * rng.uniform()),
          transmitOutputTimeUs: 8000 + 60 * points.length,
          interFrameProcessingMarginUs: 80_000,
          interChirpProcessingMarginUs: 6,
          activeFrameCpuLoadPct: 4,
          interFrameCpuLoadPct: 5,
        },
        temperatures: { validFlag: 0, timeMs: Math.round(timeS * 1000) % 2 ** 32, sensorsC: [46, 45, 46, 46, 48, 48, 49, 49, 46, 45] },
      });
      fillPadding(bytes, rng);
      frame++;
      return { timeS, bytes, truth };
    },
  };
}

type Resolved = Required<Omit<TiMmwaveSimOptions, 'site' | 'profile'>> & { site: NonNullable<TiMmwaveSimOptions['site']>; maxRange: number };

function resolve(options: TiMmwaveSimOptions): Resolved {
  if (!Number.isInteger(options?.seed)) throw new TypeError('createTiMmwaveSim needs an integer seed');
  const pr = options.profile;
  const r = {
    seed: options.seed,
    startWallMs: options.startWallMs ?? 0,
    periodMs: options.periodMs ?? pr?.framePeriodMs ?? 100,
    heatmap: options.heatmap ?? (pr?.guiMonitor ? pr.guiMonitor.rangeDopplerHeatmap !== 0 : false),
    noiseProfile: options.noiseProfile ?? (pr?.guiMonitor ? pr.guiMonitor.noiseProfile !== 0 : false),
    targets: options.targets ?? DEFAULT_TI_SIM_TARGETS.map((t) => ({ ...t })),
    rangeBins: options.rangeBins ?? pr?.rangeBins ?? 256,
    rangeResolutionMetres: options.rangeResolutionMetres ?? pr?.rangeResolutionMetres ?? 0.1,
    dopplerBins: options.dopplerBins ?? pr?.dopplerBins ?? 16,
    velocityResolutionMps: options.velocityResolutionMps ?? pr?.velocityResolutionMps ?? 0.1,
    fovDegrees: options.fovDegrees ?? 120,
    detectionProbability: options.detectionProbability ?? 0.95,
    falsePointsPerFrame: options.falsePointsPerFrame ?? 0.5,
    positionNoiseMetres: options.positionNoiseMetres ?? 0.03,
    velocityNoiseMps: options.velocityNoiseMps ?? 0.05,
    sdkMajor: options.sdkMajor ?? 3,
    platform: options.platform ?? TI_PLATFORM_XWR16XX,
    site: options.site ?? { latitude: 58.2124, longitude: 11.5475, boresightDegrees: 0 },
    maxRange: 0,
  };
  if (!(r.periodMs > 0)) throw new RangeError(`periodMs must be > 0, got ${r.periodMs}`);
  if (!Number.isInteger(r.rangeBins) || r.rangeBins < 8 || r.rangeBins > 4096) throw new RangeError(`rangeBins must be in 8..4096, got ${r.rangeBins}`);
  if (!Number.isInteger(r.dopplerBins) || r.dopplerBins < 2 || r.dopplerBins > 1024) throw new RangeError(`dopplerBins must be in 2..1024, got ${r.dopplerBins}`);
  if (!(r.rangeResolutionMetres > 0) || !(r.velocityResolutionMps > 0)) throw new RangeError('resolutions must be > 0');
  if (!(r.detectionProbability >= 0 && r.detectionProbability <= 1)) throw new RangeError('detectionProbability must be in 0..1');
  if (r.sdkMajor !== 2 && r.sdkMajor !== 3) throw new RangeError('sdkMajor must be 2 or 3');
  r.maxRange = r.rangeBins * r.rangeResolutionMetres;
  if (options.targets === undefined) {
    // The default targets are laid out for the default 25.6 m; keep them in view of any range.
    const k = r.maxRange / 25.6;
    r.targets = r.targets.map((t) => ({ ...t, x: t.x * k, y: t.y * k, z: t.z * k, vx: t.vx * k, vy: t.vy * k, vz: t.vz * k }));
  }
  return r;
}

function inView(t: TiSimTarget, o: Resolved): boolean {
  const range = Math.hypot(t.x, t.y, t.z);
  return t.y > 0 && range < o.maxRange && Math.abs((Math.atan2(t.x, t.y) * 180) / Math.PI) <= o.fovDegrees / 2;
}

/**
 * Straight lines; a target reaching the edge of the field of view (or 0.5 m from the sensor)
 * turns back along the same axis, so a long run keeps its targets in view.
 */
function moveTargets(targets: TiSimTarget[], dt: number, o: Resolved): void {
  const half = ((o.fovDegrees / 2) * Math.PI) / 180;
  for (const t of targets) {
    t.x += t.vx * dt;
    t.y += t.vy * dt;
    t.z += t.vz * dt;
    const range = Math.hypot(t.x, t.y, t.z);
    if (range > 0.95 * o.maxRange || t.y < 0.5) t.vy = t.y < 0.5 ? Math.abs(t.vy) : -Math.abs(t.vy);
    if (range > 0.95 * o.maxRange && Math.sign(t.x) === Math.sign(t.vx)) t.vx = -t.vx;
    if (Math.abs(Math.atan2(t.x, t.y)) > 0.95 * half) t.vx = -Math.sign(t.x) * Math.abs(t.vx);
  }
}

function point(o: Resolved, x: number, y: number, z: number, velocity: number, snrDb: number, noiseDb: number): TiPoint {
  // Side info travels in 0.1 dB steps; rounding here keeps encode → decode exact for tests.
  const p: TiPoint = { x, y, z, velocity, snrDb: Math.round(snrDb * 10) / 10, noiseDb: Math.round(noiseDb * 10) / 10 };
  if (o.sdkMajor === 2) {
    p.velocity = Number.NaN;
    p.rangeIdx = Math.min(o.rangeBins - 1, Math.round(Math.hypot(x, y, z) / o.rangeResolutionMetres));
    p.dopplerIdx = Math.round(velocity / o.velocityResolutionMps);
    p.peakVal = Math.min(0xffff, Math.round(10 ** (snrDb / 20) * 100));
  }
  return p;
}

function profile(rng: Rng, o: Resolved, peaks: Array<{ range: number; snrDb: number }>): Uint16Array {
  const a = new Float64Array(o.rangeBins);
  for (let i = 0; i < a.length; i++) a[i] = NOISE_FLOOR_Q9 + 60 * rng.gaussian();
  for (const p of peaks) addPeak(a, 1, p.range / o.rangeResolutionMetres, 0, p.snrDb);
  return toU16(a);
}

/** Range-major, Doppler bin 0 = zero velocity, negative velocities wrapped to the top bins (TI order). */
function heatmap(rng: Rng, o: Resolved, peaks: Array<{ range: number; velocity: number; snrDb: number }>): Uint16Array {
  const n = o.rangeBins * o.dopplerBins;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = NOISE_FLOOR_Q9 + 60 * rng.gaussian();
  for (const p of peaks) addPeak(a, o.dopplerBins, p.range / o.rangeResolutionMetres, p.velocity / o.velocityResolutionMps, p.snrDb);
  return toU16(a);
}

/** Adds a peak at fractional (range, Doppler) bin with a -4 dB neighbour on each side in range. */
function addPeak(a: Float64Array, dopplerBins: number, rangeBin: number, dopplerBin: number, snrDb: number): void {
  const rangeBins = a.length / dopplerBins;
  const r0 = Math.round(rangeBin);
  const d0 = ((Math.round(dopplerBin) % dopplerBins) + dopplerBins) % dopplerBins;
  for (const [dr, lossDb] of [[-1, 4], [0, 0], [1, 4]] as const) {
    const r = r0 + dr;
    if (r < 0 || r >= rangeBins) continue;
    const i = r * dopplerBins + d0;
    a[i] = Math.max(a[i], NOISE_FLOOR_Q9 + (snrDb - lossDb) * Q9_PER_DB);
  }
}

function toU16(a: Float64Array): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.max(0, Math.min(0xffff, Math.round(a[i])));
  return out;
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.uniform(); p > limit; p *= rng.uniform()) k++;
  return k;
}

/** The firmware leaves whatever was in memory in the padding: so does the simulator. */
function fillPadding(frame: Buffer, rng: Rng): void {
  const version = frame.readUInt32LE(8);
  const platform = frame.readUInt32LE(16);
  const numTLVs = frame.readUInt32LE(32);
  let p = tiHeaderBytes(version, platform);
  for (let i = 0; i < numTLVs; i++) p += TI_TLV_HEADER_BYTES + frame.readUInt32LE(p + 4);
  for (; p < frame.length; p++) frame[p] = rng.uint32() & 0xff;
}
