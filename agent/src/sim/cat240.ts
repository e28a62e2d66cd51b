import { encodeCat240Video } from '../protocols/cat240/encoder.js';
import { SPEED_OF_LIGHT_M_PER_S } from '../protocols/cat240/types.js';
import { RadarSim } from './radar.js';
import type { RadarScenario } from './scenario.js';
import type { SimStep, SimulatedSensor } from './types.js';

export interface Cat240SimOptions {
  scenario: RadarScenario;
  seed: number;
  startWallMs: number;
}

/** A radar sending its video as ASTERIX CAT240: one video message per spoke (I041, I052). */
export function createCat240RadarSim(options: Cat240SimOptions): SimulatedSensor & { radar: RadarSim } {
  const radar = new RadarSim(options);
  const { antenna, video, radar: site } = options.scenario;
  const cellDurationFs = Math.round(((2 * antenna.rangeCellMetres) / SPEED_OF_LIGHT_M_PER_S) * 1e15);
  let msgIndex = 0;
  return {
    radar,
    next(): SimStep {
      const spoke = radar.next();
      const msSinceMidnight = ((spoke.wallMs % 86_400_000) + 86_400_000) % 86_400_000;
      const bytes = encodeCat240Video(
        {
          sac: site.sac,
          sic: site.sic,
          msgIndex: msgIndex,
          startAzimuth: spoke.startAzimuth,
          endAzimuth: spoke.endAzimuth,
          startRangeCell: 0,
          cellDurationFs,
          resolutionBits: video.bits,
          cells: spoke.cells,
          timeOfDaySeconds: Math.floor((msSinceMidnight / 1000) * 128) / 128,
        },
        { header: 'I041' },
      );
      msgIndex = (msgIndex + 1) >>> 0;
      return { timeS: spoke.timeS, bytes, truth: spoke.truth };
    },
  };
}
