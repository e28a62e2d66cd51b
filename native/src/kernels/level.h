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
  int64_t firstSpoke = 0, spokesPerTurn = 1, rows = 1, cols = 1;
  int64_t spreadCells = 0, spreadSpokes = 0;
  const uint8_t* present = nullptr;  // rows entries, or null: all
};

Status checkHitMap(size_t mapLength, size_t hitsLength, double rows, double cols, double firstSpoke, double timeConstantTurns, double threshold,
                   double spreadCells, double spreadSpokes, size_t presentLength, bool hasPresent, HitMapPlan* plan);
// One turn of the map over plan.rows spokes from plan.firstSpoke (map = spokesPerTurn x cols):
// hits within the spread of a learnt cell are cleared; then each present spoke's cells learn
// whether this turn had a hit within the spread of them (among the call's spokes):
// state += (target - state) x weight, truncated, at least one step toward the target.
// learnt[0] += learnt cells of the present spokes (before the update). Returns the hits left.
uint32_t runHitMap(uint8_t* map, uint8_t* hits, const HitMapPlan& plan, uint32_t* learnt);

}  // namespace lookout
