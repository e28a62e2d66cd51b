// Detection for processed video (a radar that has already thresholded its own video) and its
// hit-frequency clutter map; twins of agent/src/detect/reference/level.ts.
#pragma once
#include "common.h"

namespace lookout {

struct LevelPlan {
  double level = 1;
  // Cells at or above this join a run that holds a cell at or above `level`; == level: none.
  double hysteresis = 1;
};

Status checkLevel(const Video& in, double rows, double cols, double level, bool hasHysteresis, double hysteresis, size_t outLength,
                  int64_t* r, int64_t* c, LevelPlan* plan);
// out[i] = 1 where the code is >= level, or >= hysteresis inside a run along the row (range)
// that reaches level; returns the hits.
uint32_t runLevel(const Video& in, int64_t rows, int64_t cols, const LevelPlan& plan, uint8_t* out);

struct HitMapPlan {
  // Weight of one turn in 1/65536 (round(65536 / timeConstantTurns)), and the learnt level in
  // 1/255 (ceil(threshold x 255)).
  int32_t weight16 = 6554;
  int32_t threshold8 = 77;
  bool learn = true;
};

Status checkHitMap(size_t mapLength, size_t hitsLength, double timeConstantTurns, double threshold, HitMapPlan* plan);
// Per cell, once per turn: a cell whose state is at or above the threshold is learnt and its
// hit is cleared; then (when learning) state += (hit ? 255 : 0 - state) x weight, moving at
// least one step toward the target. learnt[0] += learnt cells. Returns the hits left.
uint32_t runHitMap(uint8_t* map, uint8_t* hits, size_t n, const HitMapPlan& plan, uint32_t* learnt);

}  // namespace lookout
