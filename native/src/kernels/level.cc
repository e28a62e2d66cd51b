#include "level.h"

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

Status checkHitMap(size_t mapLength, size_t hitsLength, double timeConstantTurns, double threshold, HitMapPlan* plan) {
  Status s = checkLength("hits", hitsLength, static_cast<int64_t>(mapLength));
  if (!s.ok()) return s;
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
  plan->weight16 = static_cast<int32_t>(std::floor(65536.0 / timeConstantTurns + 0.5));
  plan->threshold8 = static_cast<int32_t>(std::ceil(threshold * 255.0));
  return s;
}

LOOKOUT_CLONES uint32_t runHitMap(uint8_t* __restrict map, uint8_t* __restrict hits, size_t n, const HitMapPlan& plan, uint32_t* learnt) {
  uint32_t left = 0, known = 0;
  const int32_t w = plan.weight16, thr = plan.threshold8;
  for (size_t i = 0; i < n; ++i) {
    const int32_t s = map[i];
    const int32_t h = hits[i] != 0 ? 1 : 0;
    const int32_t isLearnt = s >= thr ? 1 : 0;
    known += static_cast<uint32_t>(isLearnt);
    const uint8_t keep = static_cast<uint8_t>(h & (isLearnt ^ 1));
    hits[i] = keep;
    left += keep;
    if (plan.learn) {
      const int32_t d = h * 255 - s;
      // Truncation toward zero (d x w fits in 24 bits), then at least one step toward the target.
      int32_t step = (d * w) / 65536;
      if (step == 0) step = (d > 0) - (d < 0);
      map[i] = static_cast<uint8_t>(s + step);
    }
  }
  if (learnt) *learnt += known;
  return left;
}

}  // namespace lookout
