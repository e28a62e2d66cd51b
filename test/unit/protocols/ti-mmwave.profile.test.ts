import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfg } from '../../../agent/src/protocols/ti-mmwave/config-port.js';
import { tiProfileFromCfg, type TiRadarProfile } from '../../../agent/src/protocols/ti-mmwave/profile.js';
import { REPO_ROOT } from '../../helpers/paths.js';

describe('TI radar profile from a .cfg', () => {
  it('derives the sample profile\'s figures (the ones TI\'s visualizer prints: 0.044 m, 0.13 m/s, 1 m/s)', () => {
    const p = tiProfileFromCfg(parseCfg(readFileSync(join(REPO_ROOT, 'config', 'ti', 'xwr16xx_profile.cfg'), 'utf8'))) as TiRadarProfile;
    expect(p).toMatchObject({ numTx: 2, numRx: 4, numLoops: 16, rangeBins: 256, dopplerBins: 16, framePeriodMs: 100 });
    expect(p.rangeResolutionMetres).toBeCloseTo(0.0436, 4);
    expect(p.velocityResolutionMps).toBeCloseTo(0.125, 3);
    expect(p.maxVelocityMps).toBeCloseTo(1.0, 2);
    expect(p.guiMonitor).toEqual({ detectedObjects: 1, rangeProfile: 1, noiseProfile: 0, azimuthHeatmap: 0, rangeDopplerHeatmap: 0, stats: 1 });
  });

  it('names what is missing or malformed', () => {
    expect(tiProfileFromCfg(parseCfg('channelCfg 15 3 0\nprofileCfg 0 77 x'))).toEqual({ problems: ['line 2: profileCfg needs 14 numbers', 'no frameCfg line'] });
  });
});
