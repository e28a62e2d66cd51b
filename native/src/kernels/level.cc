#include "level.h"

#include <algorithm>
#include <vector>

namespace lookout {

Status checkLevel(const Video& in, double rows, double cols, double level, bool hasHysteresis, double hysteresis, size_t outLength,
                  int64_t* r, int64_t* c, LevelPlan* plan) {
  Status s = checkDims(rows, cols, r, c);
  if (!s.ok()) return s;
  if (!(s = checkLength("input", in.length, *r * *c)).ok()) return s;
  if (!(s = checkLength("out", outLength, *r * *c)).ok()) return s;
  if (!(s = checkPositive("level", level)).ok()) return s;
  if (hasHysteresis) {
    if (!(s = checkPositive("hysteresisLevel", hysteresis)).ok()) return s;
    if (hysteresis > level) {
      char buf[160];
      snprintf(buf, sizeof buf, "hysteresisLevel %.17g must be <= level %.17g", hysteresis, level);
      return Status::range(buf);
    }
  }
  plan->level = level;
  plan->hysteresis = hasHysteresis ? hysteresis : level;
  return s;
}

namespace {

// Compare type: the code itself for integer video (a level between codes means the next code
// up), double for f32 power (what the TypeScript twin compares).
template <typename T, typename C>
LOOKOUT_CLONES uint32_t levelRows(const T* __restrict v, int64_t rows, int64_t cols, C level, C hyst, uint8_t* __restrict out) {
  uint32_t hits = 0;
  const size_t n = static_cast<size_t>(rows * cols);
  if (!(hyst < level)) {
    // Branch-free compare: the loop vectorises (this is the whole kernel without hysteresis).
    for (size_t i = 0; i < n; ++i) {
      const uint8_t h = static_cast<C>(v[i]) >= level ? 1 : 0;
      out[i] = h;
      hits += h;
    }
    return hits;
  }
  for (int64_t r = 0; r < rows; ++r) {
    const T* row = v + r * cols;
    uint8_t* o = out + r * cols;
    int64_t c = 0;
    while (c < cols) {
      if (!(static_cast<C>(row[c]) >= hyst)) {
        o[c++] = 0;
        continue;
      }
      const int64_t s = c;
      bool core = false;
      while (c < cols && static_cast<C>(row[c]) >= hyst) {
        core = core || static_cast<C>(row[c]) >= level;
        ++c;
      }
      const uint8_t h = core ? 1 : 0;
      for (int64_t x = s; x < c; ++x) o[x] = h;
      if (core) hits += static_cast<uint32_t>(c - s);
    }
  }
  return hits;
}

template <typename T>
uint32_t levelCodes(const T* v, int64_t rows, int64_t cols, const LevelPlan& plan, double maxCode, uint8_t* out) {
  if (plan.level > maxCode) {
    for (size_t i = 0; i < static_cast<size_t>(rows * cols); ++i) out[i] = 0;
    return 0;
  }
  return levelRows<T, T>(v, rows, cols, static_cast<T>(std::ceil(plan.level)), static_cast<T>(std::ceil(plan.hysteresis)), out);
}

}  // namespace

uint32_t runLevel(const Video& in, int64_t rows, int64_t cols, const LevelPlan& plan, uint8_t* out) {
  switch (in.type) {
    case Dtype::U8:
      return levelCodes(static_cast<const uint8_t*>(in.data), rows, cols, plan, 255, out);
    case Dtype::U16:
      return levelCodes(static_cast<const uint16_t*>(in.data), rows, cols, plan, 65535, out);
    case Dtype::F32:
      return levelRows<float, double>(static_cast<const float*>(in.data), rows, cols, plan.level, plan.hysteresis, out);
  }
  return 0;
}

Status checkHitMap(size_t mapLength, size_t hitsLength, double rows, double cols, double firstSpoke, double timeConstantTurns, double threshold,
                   double spreadCells, double spreadSpokes, size_t presentLength, bool hasPresent, HitMapPlan* plan) {
  Status s = checkDims(rows, cols, &plan->rows, &plan->cols);
  if (!s.ok()) return s;
  if (!(s = checkLength("hits", hitsLength, plan->rows * plan->cols)).ok()) return s;
  const size_t c = static_cast<size_t>(plan->cols);
  if (mapLength % c != 0 || mapLength < hitsLength) {
    char buf[160];
    snprintf(buf, sizeof buf, "map has %zu elements: not whole spokes of %lld cells covering %lld rows", mapLength, static_cast<long long>(plan->cols),
             static_cast<long long>(plan->rows));
    return Status::range(buf);
  }
  plan->spokesPerTurn = static_cast<int64_t>(mapLength / c);
  if (!std::isfinite(timeConstantTurns) || timeConstantTurns < 1 || timeConstantTurns > 10000) {
    char buf[120];
    snprintf(buf, sizeof buf, "timeConstantTurns must be in [1, 10000], got %.17g", timeConstantTurns);
    return Status::range(buf);
  }
  if (!std::isfinite(threshold) || threshold <= 0 || threshold > 1) {
    char buf[120];
    snprintf(buf, sizeof buf, "threshold must be in (0, 1], got %.17g", threshold);
    return Status::range(buf);
  }
  if (!(s = checkInt("firstSpoke", firstSpoke, 0, static_cast<double>(plan->spokesPerTurn - plan->rows), &plan->firstSpoke)).ok()) return s;
  if (!(s = checkInt("spreadCells", spreadCells, 0, 1024, &plan->spreadCells)).ok()) return s;
  if (!(s = checkInt("spreadSpokes", spreadSpokes, 0, 8, &plan->spreadSpokes)).ok()) return s;
  if (hasPresent && !(s = checkLength("present", presentLength, plan->rows)).ok()) return s;
  plan->weight16 = static_cast<int32_t>(std::floor(65536.0 / timeConstantTurns + 0.5));
  plan->threshold8 = static_cast<int32_t>(std::ceil(threshold * 255.0));
  return s;
}

namespace {

// Sliding count over [c - d, c + d] of a 0/1 row: fn(c, count) for every cell.
template <typename Fn>
inline void spread(const uint8_t* near, int64_t cols, int64_t d, Fn fn) {
  int64_t run = 0;
  for (int64_t c = 0; c < d && c < cols; ++c) run += near[c];
  for (int64_t c = 0; c < cols; ++c) {
    if (c + d < cols) run += near[c + d];
    if (c - d - 1 >= 0) run -= near[c - d - 1];
    fn(c, run);
  }
}

}  // namespace

uint32_t runHitMap(uint8_t* map, uint8_t* hits, const HitMapPlan& plan, uint32_t* learnt) {
  const int64_t rows = plan.rows, cols = plan.cols, S = plan.spokesPerTurn, ds = plan.spreadSpokes, dc = plan.spreadCells;
  const int32_t w = plan.weight16, thr = plan.threshold8;
  std::vector<uint8_t> near(static_cast<size_t>(cols));
  uint32_t left = 0, known = 0;
  // Pass 1: hits near learnt cells become 2 (a hit, cleared), the others stay 1.
  for (int64_t r = 0; r < rows; ++r) {
    std::fill(near.begin(), near.end(), 0);
    for (int64_t k = -ds; k <= ds; ++k) {
      const uint8_t* m = map + (((plan.firstSpoke + r + k) % S + S) % S) * cols;
      for (int64_t c = 0; c < cols; ++c) near[c] |= m[c] >= thr ? 1 : 0;
    }
    uint8_t* h = hits + r * cols;
    spread(near.data(), cols, dc, [&](int64_t c, int64_t run) {
      if (h[c] == 0) return;
      if (run == 0) {
        h[c] = 1;
        ++left;
      } else {
        h[c] = 2;
      }
    });
  }
  // Pass 2: learn, on the spokes that arrived, whether a hit was within the spread of each cell.
  for (int64_t r = 0; r < rows; ++r) {
    if (plan.present && !plan.present[r]) continue;
    std::fill(near.begin(), near.end(), 0);
    const int64_t r0 = r - ds < 0 ? 0 : r - ds, r1 = r + ds > rows - 1 ? rows - 1 : r + ds;
    for (int64_t k = r0; k <= r1; ++k) {
      const uint8_t* h = hits + k * cols;
      for (int64_t c = 0; c < cols; ++c) near[c] |= h[c] != 0 ? 1 : 0;
    }
    uint8_t* m = map + (plan.firstSpoke + r) * cols;
    spread(near.data(), cols, dc, [&](int64_t c, int64_t run) {
      const int32_t s = m[c];
      known += s >= thr ? 1 : 0;
      if (!plan.learn) return;
      const int32_t d = (run > 0 ? 255 : 0) - s;
      // Truncation toward zero (d x w fits in 24 bits), then at least one step toward the target.
      int32_t step = (d * w) / 65536;
      if (step == 0) step = (d > 0) - (d < 0);
      m[c] = static_cast<uint8_t>(s + step);
    });
  }
  for (int64_t i = 0; i < rows * cols; ++i) hits[i] = hits[i] == 2 ? 0 : hits[i];
  if (learnt) *learnt += known;
  return left;
}

}  // namespace lookout
