import { destination, normalizeDegrees } from '../track/geodesy.js';
import { Rng } from './rng.js';
import { quantizeLog, synthesizeSpokePower, type Echo } from './video.js';
import type { RadarScenario, SimTarget } from './scenario.js';
import type { TruthRecord } from './types.js';

/** One simulated spoke before it is put on the wire. */
export interface SimSpoke {
  /** Spoke index in the turn (0 at north) and turn counter from 0. */
  index: number;
  turn: number;
  /** Seconds since the start of the run. */
  timeS: number;
  /** Wall-clock ms of the spoke. */
  wallMs: number;
  /** Azimuth span in 1/65536 turn. */
  startAzimuth: number;
  endAzimuth: number;
  cells: Uint8Array;
  truth: TruthRecord[];
}

export interface RadarSimOptions {
  scenario: RadarScenario;
  seed: number;
  /** Wall clock of t = 0 (ms since epoch); fixed values make runs byte-identical. */
  startWallMs: number;
}

interface TargetState {
  target: SimTarget;
  east0: number;
  north0: number;
  ve: number;
  vn: number;
  /** Swerling 1: amplitude factor drawn once per turn. */
  fluctuation: number;
  fluctuationTurn: number;
}

const DEG = Math.PI / 180;

/**
 * A rotating radar: one spoke after another at the antenna's rate, noise plus targets on
 * straight lines, log-compressed to the scenario's video scale. Deterministic for a seed.
 */
export class RadarSim {
  private spoke = 0;
  private readonly rng: Rng;
  private readonly targetRng: Rng;
  private readonly power: Float32Array;
  private readonly targets: TargetState[];
  readonly spokePeriodS: number;

  constructor(private readonly options: RadarSimOptions) {
    const { antenna } = options.scenario;
    this.rng = new Rng(options.seed);
    this.targetRng = new Rng(options.seed ^ 0x5bd1e995);
    this.power = new Float32Array(antenna.cellsPerSpoke);
    this.spokePeriodS = 60 / antenna.rpm / antenna.spokesPerTurn;
    this.targets = options.scenario.targets.map((t) => ({
      target: t,
      east0: t.rangeMetres * Math.sin(t.bearingDegrees * DEG),
      north0: t.rangeMetres * Math.cos(t.bearingDegrees * DEG),
      ve: t.speedMetresPerSecond * Math.sin(t.courseDegrees * DEG),
      vn: t.speedMetresPerSecond * Math.cos(t.courseDegrees * DEG),
      fluctuation: 1,
      fluctuationTurn: -1,
    }));
  }

  get scenario(): RadarScenario {
    return this.options.scenario;
  }

  /** Range and true bearing of a target at `timeS` (flat local plane around the radar). */
  targetPolar(state: TargetState, timeS: number): { rangeMetres: number; bearingDegrees: number } {
    const e = state.east0 + state.ve * timeS;
    const n = state.north0 + state.vn * timeS;
    return { rangeMetres: Math.hypot(e, n), bearingDegrees: normalizeDegrees(Math.atan2(e, n) / DEG) };
  }

  next(): SimSpoke {
    const { antenna, video, radar } = this.options.scenario;
    const index = this.spoke % antenna.spokesPerTurn;
    const turn = Math.floor(this.spoke / antenna.spokesPerTurn);
    const timeS = this.spoke * this.spokePeriodS;
    const wallMs = this.options.startWallMs + timeS * 1000;
    const degPerSpoke = 360 / antenna.spokesPerTurn;
    const azCentre = (index + 0.5) * degPerSpoke;
    const echoes: Echo[] = [];
    const truth: TruthRecord[] = [];
    for (const state of this.targets) {
      const { rangeMetres, bearingDegrees } = this.targetPolar(state, timeS);
      if (state.target.swerling === 1 && state.fluctuationTurn !== turn) {
        state.fluctuation = this.targetRng.exponential(1);
        state.fluctuationTurn = turn;
      }
      echoes.push({ rangeMetres, azimuthDegrees: bearingDegrees, snr: 10 ** (state.target.snrDb / 10) * state.fluctuation });
      // Truth once per turn: on the spoke whose span holds the target's bearing.
      if (Math.floor(bearingDegrees / degPerSpoke) === index) {
        const pos = destination({ latitude: radar.latitude, longitude: radar.longitude }, bearingDegrees, rangeMetres);
        truth.push({
          timeMs: Math.round(wallMs),
          target: state.target.id,
          rangeMetres,
          bearingDegrees,
          latitude: pos.latitude,
          longitude: pos.longitude,
          turn,
        });
      }
    }
    synthesizeSpokePower(
      this.power,
      {
        azimuthDegrees: azCentre,
        beamwidthDegrees: antenna.beamwidthDegrees,
        rangeCellMetres: antenna.rangeCellMetres,
        startRangeCell: 0,
        echoes,
        ...(this.options.scenario.land?.length ? { land: this.options.scenario.land } : {}),
      },
      this.rng,
    );
    const cells = new Uint8Array(antenna.cellsPerSpoke);
    const processed = video.processed;
    if (processed) {
      // The radar's own threshold in codes, then optionally 16 levels (x 17) in 8-bit cells.
      const thresholdCode = Math.ceil((processed.thresholdDb - video.zeroCountDb) / video.dbPerCount);
      quantizeLog(this.power, video, video.bits, cells, thresholdCode);
      if (processed.fourBit && video.bits === 8) for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] >> 4) * 17;
    } else {
      quantizeLog(this.power, video, video.bits, cells);
    }
    this.spoke++;
    const startAzimuth = Math.round((index * 65536) / antenna.spokesPerTurn) & 0xffff;
    const endAzimuth = Math.round(((index + 1) * 65536) / antenna.spokesPerTurn) & 0xffff;
    return { index, turn, timeS, wallMs, startAzimuth, endAzimuth, cells, truth };
  }
}
