import type { CfgLine } from './config-port.js';

/**
 * What a .cfg makes the sensor measure, with TI's formulas (mmWave SDK user guide, and the
 * figures the Demo Visualizer prints in a .cfg's header):
 * - range bins = next power of two of numAdcSamples;
 * - range resolution = c * sampleRate / (2 * slope * numAdcSamples);
 * - Doppler bins = next power of two of numLoops; chirp time = (idle + rampEnd) x numTx;
 * - velocity resolution = c / (2 * f0 * chirpTime * DopplerBins); max velocity = c / (4 * f0 * chirpTime).
 * Consumers: the detector (bins and resolutions of the range-Doppler heatmap), the simulator
 * (to emit what a given .cfg would), and `sensor-config` output.
 */
export interface TiRadarProfile {
  startFreqGHz: number;
  numAdcSamples: number;
  sampleRateKsps: number;
  slopeMHzPerUs: number;
  idleTimeUs: number;
  rampEndTimeUs: number;
  numTx: number;
  numRx: number;
  numLoops: number;
  framePeriodMs: number;
  rangeBins: number;
  rangeResolutionMetres: number;
  /** rangeBins x rangeResolutionMetres: the far edge of the range profile. */
  rangeSpanMetres: number;
  dopplerBins: number;
  velocityResolutionMps: number;
  maxVelocityMps: number;
  /** guiMonitor flags (SDK 3.x order), when the .cfg has the line. */
  guiMonitor?: { detectedObjects: number; rangeProfile: number; noiseProfile: number; azimuthHeatmap: number; rangeDopplerHeatmap: number; stats: number };
}

const C = 299_792_458;

/**
 * Derives the profile from the commands of a .cfg (first profileCfg, channelCfg, frameCfg).
 * Returns a list of problems instead when a needed line is missing or malformed.
 */
export function tiProfileFromCfg(lines: readonly CfgLine[]): TiRadarProfile | { problems: string[] } {
  const problems: string[] = [];
  const find = (name: string, minArgs: number): number[] | undefined => {
    const line = lines.find((l) => l.command.split(/\s+/)[0] === name);
    if (!line) {
      problems.push(`no ${name} line`);
      return undefined;
    }
    const args = line.command.split(/\s+/).slice(1).map(Number);
    if (args.length < minArgs || args.slice(0, minArgs).some((v) => !Number.isFinite(v))) {
      problems.push(`line ${line.lineNumber}: ${name} needs ${minArgs} numbers`);
      return undefined;
    }
    return args;
  };
  const profile = find('profileCfg', 14);
  const channel = find('channelCfg', 2);
  const frame = find('frameCfg', 5);
  if (!profile || !channel || !frame) return { problems };
  const [, startFreqGHz, idleTimeUs, , rampEndTimeUs, , , slopeMHzPerUs, , numAdcSamples, sampleRateKsps] = profile as [number, number, number, number, number, number, number, number, number, number, number];
  const numRx = popcount(channel[0]);
  const numTx = popcount(channel[1]);
  const [chirpStart, chirpEnd, numLoops, , framePeriodMs] = frame as [number, number, number, number, number];
  if (!(slopeMHzPerUs > 0) || !(numAdcSamples > 0) || !(sampleRateKsps > 0) || !(numLoops > 0) || numTx === 0) {
    return { problems: ['profileCfg/channelCfg/frameCfg values must be positive'] };
  }
  const rangeBins = nextPow2(numAdcSamples);
  const rangeResolutionMetres = (C * sampleRateKsps * 1e3) / (2 * slopeMHzPerUs * 1e12 * numAdcSamples);
  const dopplerBins = nextPow2(numLoops);
  // Chirps per loop = chirpEnd - chirpStart + 1, one per TX in TDM-MIMO: the chirp repetition seen by one virtual antenna.
  const chirpsPerLoop = Math.max(1, chirpEnd - chirpStart + 1);
  const chirpTimeS = (idleTimeUs + rampEndTimeUs) * 1e-6 * chirpsPerLoop;
  const f0 = startFreqGHz * 1e9;
  const out: TiRadarProfile = {
    startFreqGHz, numAdcSamples, sampleRateKsps, slopeMHzPerUs, idleTimeUs, rampEndTimeUs, numTx, numRx, numLoops, framePeriodMs,
    rangeBins,
    rangeResolutionMetres,
    rangeSpanMetres: rangeBins * rangeResolutionMetres,
    dopplerBins,
    velocityResolutionMps: C / (2 * f0 * chirpTimeS * dopplerBins),
    maxVelocityMps: C / (4 * f0 * chirpTimeS),
  };
  const gui = lines.find((l) => l.command.split(/\s+/)[0] === 'guiMonitor');
  if (gui) {
    const g = gui.command.split(/\s+/).slice(1).map(Number);
    if (g.length >= 7) out.guiMonitor = { detectedObjects: g[1], rangeProfile: g[2], noiseProfile: g[3], azimuthHeatmap: g[4], rangeDopplerHeatmap: g[5], stats: g[6] };
  }
  return out;
}

function popcount(v: number): number {
  let n = 0;
  for (let x = v >>> 0; x !== 0; x &= x - 1) n++;
  return n;
}

function nextPow2(v: number): number {
  let p = 1;
  while (p < v) p *= 2;
  return p;
}
