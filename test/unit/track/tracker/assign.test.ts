import { describe, expect, it } from 'vitest';
import { associate, assignmentCost, solveAssignment, solveGreedy, type GatedPair } from '../../../../agent/src/track/tracker/assign.js';
import { Rng } from '../../../../agent/src/sim/rng.js';

/** Every injective row → column map, by recursion: the oracle for small problems. */
function bruteForce(cost: ArrayLike<number>, rows: number, cols: number): number {
  let best = Infinity;
  const used = new Uint8Array(cols);
  const go = (i: number, acc: number): void => {
    if (i === rows) {
      best = Math.min(best, acc);
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      const c = cost[i * cols + j]!;
      if (!Number.isFinite(c)) continue;
      used[j] = 1;
      go(i + 1, acc + c);
      used[j] = 0;
    }
  };
  go(0, 0);
  return best;
}

describe('solveAssignment (Jonker-Volgenant)', () => {
  it('equals brute force on 2,000 random rectangular problems, with forbidden pairs and negative costs', () => {
    const rng = new Rng(12);
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const rows = 1 + Math.floor(rng.uniform() * 6);
      const cols = rows + Math.floor(rng.uniform() * 3);
      const cost = new Float64Array(rows * cols);
      for (let k = 0; k < cost.length; k++) {
        const u = rng.uniform();
        // Ties on purpose (integers), a few forbidden pairs, some negative costs.
        cost[k] = u < 0.2 ? Infinity : Math.floor(rng.uniform() * 20) - 5;
      }
      const best = bruteForce(cost, rows, cols);
      if (!Number.isFinite(best)) {
        expect(() => solveAssignment(cost, rows, cols)).toThrow(RangeError);
        continue;
      }
      const colOf = solveAssignment(cost, rows, cols);
      expect(new Set(colOf).size).toBe(rows);
      expect(assignmentCost(cost, cols, colOf)).toBeCloseTo(best, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses misuse', () => {
    expect(() => solveAssignment([1, 2, 3], 2, 2)).toThrow(TypeError);
    expect(() => solveAssignment([1, 2], 2, 1)).toThrow(RangeError);
    expect(solveAssignment([], 0, 0)).toHaveLength(0);
  });

  it('beats nearest-first where nearest-first is wrong', () => {
    // Track 0 is nearest to plot 0, but giving it to track 0 leaves track 1 a far plot.
    const cost = [1, 2, 2, 100];
    expect(assignmentCost(cost, 2, solveGreedy(cost, 2, 2))).toBe(101);
    expect(assignmentCost(cost, 2, solveAssignment(cost, 2, 2))).toBe(4);
  });
});

describe('associate (clusters with a missed column per track)', () => {
  it('equals brute force over tracks x (plots + missed) on random gated pairs', () => {
    const rng = new Rng(7);
    for (let n = 0; n < 500; n++) {
      const nTracks = 1 + Math.floor(rng.uniform() * 5);
      const nPlots = Math.floor(rng.uniform() * 6);
      const pairs: GatedPair[] = [];
      for (let t = 0; t < nTracks; t++) for (let p = 0; p < nPlots; p++) if (rng.uniform() < 0.4) pairs.push({ track: t, plot: p, cost: rng.uniform() * 10 });
      const miss = Float64Array.from({ length: nTracks }, () => 3 + rng.uniform() * 5);
      const plotOf = associate(nTracks, nPlots, pairs, miss);
      // Oracle: dense matrix with a missed column per track.
      const cols = nPlots + nTracks;
      const dense = new Float64Array(nTracks * cols).fill(Infinity);
      for (const p of pairs) dense[p.track * cols + p.plot] = p.cost;
      for (let t = 0; t < nTracks; t++) dense[t * cols + nPlots + t] = miss[t]!;
      const best = bruteForce(dense, nTracks, cols);
      let got = 0;
      const taken = new Set<number>();
      for (let t = 0; t < nTracks; t++) {
        const p = plotOf[t]!;
        if (p < 0) got += miss[t]!;
        else {
          expect(taken.has(p)).toBe(false);
          taken.add(p);
          got += pairs.find((q) => q.track === t && q.plot === p)!.cost;
        }
      }
      expect(got).toBeCloseTo(best, 9);
    }
  });

  it('misses a track whose only plot costs more than missing', () => {
    expect([...associate(1, 1, [{ track: 0, plot: 0, cost: 9 }], [5])]).toEqual([-1]);
    expect([...associate(1, 1, [{ track: 0, plot: 0, cost: 4 }], [5])]).toEqual([0]);
  });
});
