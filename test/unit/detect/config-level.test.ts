import { describe, expect, it } from 'vitest';
import { clutterTimeConstant, detectionConfigSchema } from '../../../agent/src/detect/config.js';

/** The configuration rules of the level method, the hit map and the plot sizes, each with its key path. */
describe('detection config: level method, clutter map, plot sizes', () => {
  const paths = (v: unknown): string[] => {
    const r = detectionConfigSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('the level method needs its level; hysteresis must not exceed it; CFAR takes neither', () => {
    expect(paths({ method: 'level', level: 17 })).toEqual([]);
    expect(paths({ method: 'level', level: 51, hysteresisLevel: 17 })).toEqual([]);
    expect(paths({ method: 'level' })).toEqual(['level']);
    expect(paths({ method: 'level', level: 17, hysteresisLevel: 34 })).toEqual(['hysteresisLevel']);
    expect(paths({ method: 'ca', level: 17 })).toEqual(['level']);
    expect(paths({ method: 'level', level: 0 })).toEqual(['level']);
  });

  it('clutter map: threshold in (0, 1], the time constant under either name, spreads bounded', () => {
    const c = detectionConfigSchema.parse({ method: 'level', level: 17, clutterMap: { enabled: true } });
    expect(c.clutterMap).toMatchObject({ threshold: 0.3, spreadMetres: 7.5, spreadSpokes: 5, freeze: false });
    expect(clutterTimeConstant(c.clutterMap)).toBe(10);
    expect(clutterTimeConstant(detectionConfigSchema.parse({ clutterMap: { enabled: true, timeConstantTurns: 8 } }).clutterMap)).toBe(8);
    expect(clutterTimeConstant(detectionConfigSchema.parse({ clutterMap: { enabled: true, timeConstantScans: 12 } }).clutterMap)).toBe(12);
    expect(paths({ clutterMap: { threshold: 0 } })).toEqual(['clutterMap.threshold']);
    expect(paths({ clutterMap: { threshold: 1.5 } })).toEqual(['clutterMap.threshold']);
    expect(paths({ clutterMap: { spreadSpokes: 9 } })).toEqual(['clutterMap.spreadSpokes']);
    expect(paths({ clutterMap: { freeze: 'yes' } })).toEqual(['clutterMap.freeze']);
  });

  it('plot sizes: classes in order, max area above min area', () => {
    expect(paths({ plotSize: { smallMaxSquareMetres: 300, mediumMaxSquareMetres: 200 } })).toEqual(['plotSize.mediumMaxSquareMetres']);
    expect(paths({ plotSize: { minAreaSquareMetres: 10, maxAreaSquareMetres: 5 } })).toEqual(['plotSize.maxAreaSquareMetres']);
    expect(detectionConfigSchema.parse({}).plotSize).toMatchObject({ extendedSquareMetres: 2000, sendExtended: true });
  });
});
