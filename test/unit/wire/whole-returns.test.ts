import { describe, expect, it } from 'vitest';
import { busyTurnPlots } from '../../../agent/src/sim/busy-turn.js';
import { lookout } from '../../../agent/src/wire/gen/lookout.js';
import { decodeRecord, encodeRecord, type LookoutRecord, type PlotsBody } from '../../../agent/src/wire/index.js';
import { PLOT_SIZE_CLASSES } from '../../../agent/src/wire/types.js';

/**
 * The whole-return plot fields (PlotBatch.area_dm2 = 18, size_class = 19): additive. A batch
 * whose plots carry them round-trips them; a batch without them has no such columns at all
 * (its bytes are the ones golden.test.ts pins), and decodes without the fields.
 */

const origin = { latitude: 43.2965, longitude: 5.3698 };
const head = { unit: 'unit-7', session: 3, seq: 42, timeMs: 1_790_000_000_123.456 };
const rec = (body: PlotsBody): LookoutRecord<'plots'> => ({ ...head, kind: 'plots', body });

describe('whole-return plot fields on the wire', () => {
  it('round-trip area (0.01 m²) and size class', () => {
    const plots = busyTurnPlots({ plots: 40 }).map((p, i) => ({ ...p, areaSquareMetres: 0.0731 * (1 + i * i), sizeClass: PLOT_SIZE_CLASSES[i % 4] }));
    const back = decodeRecord(encodeRecord(rec({ sensor: 'radar1', origin, plots })));
    if (back.kind !== 'plots') throw new Error('not plots');
    back.body.plots.forEach((p, i) => {
      expect(Math.abs(p.areaSquareMetres! - plots[i]!.areaSquareMetres)).toBeLessThanOrEqual(0.005 + 1e-12);
      expect(p.sizeClass).toBe(plots[i]!.sizeClass);
    });
  });

  it('batches without them carry no such columns and decode without the fields', () => {
    const plots = busyTurnPlots({ plots: 10 });
    const bytes = encodeRecord(rec({ sensor: 'radar1', origin, plots }));
    const env = lookout.v1.Envelope.decode(bytes);
    expect(env.plots!.areaDm2).toEqual([]);
    expect(env.plots!.sizeClass).toEqual([]);
    const back = decodeRecord(bytes);
    if (back.kind !== 'plots') throw new Error('not plots');
    for (const p of back.body.plots) {
      expect(p).not.toHaveProperty('areaSquareMetres');
      expect(p).not.toHaveProperty('sizeClass');
    }
    // Adding the fields only appends columns: every byte of the old batch's columns is kept.
    const withArea = encodeRecord(rec({ sensor: 'radar1', origin, plots: plots.map((p) => ({ ...p, areaSquareMetres: 3 })) }));
    expect(withArea.length).toBeGreaterThan(bytes.length);
  });
});
