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

// out[c] = 1 where `near` has a set cell in [c - d, c + d] (the TypeScript twin's running
// count > 0). The interior by doubling: cover[x] = OR near[x .. x + 2d] in log2(2d + 1) passes of
// cover[x] |= cover[x + w], each of which vectorises; the d cells at each end by running ORs.
LOOKOUT_CLONES void dilate(const uint8_t* __restrict near, int64_t cols, int64_t d, uint8_t* __restrict cover, uint8_t* __restrict out) {
  const int64_t W = 2 * d + 1;
  if (W >= cols) {
    // The window holds most of the spoke: running ORs from both ends.
    for (int64_t c = 0; c < cols; ++c) {
      uint8_t v = 0;
      const int64_t lo = c - d > 0 ? c - d : 0, hi = c + d < cols - 1 ? c + d : cols - 1;
      for (int64_t k = lo; k <= hi; ++k) v |= near[k];
      out[c] = v;
    }
    return;
  }
  for (int64_t c = 0; c < cols; ++c) cover[c] = near[c];
  int64_t w = 1;
  for (; 2 * w <= W; w *= 2) {
    for (int64_t c = 0; c + w < cols; ++c) cover[c] = static_cast<uint8_t>(cover[c] | cover[c + w]);
  }
  // cover[x] now spans w cells; one more pass with the remainder makes it W.
  if (w < W) {
    const int64_t r = W - w;
    for (int64_t c = 0; c + r < cols; ++c) cover[c] = static_cast<uint8_t>(cover[c] | cover[c + r]);
  }
  for (int64_t c = d; c + d < cols; ++c) out[c] = cover[c - d];
  uint8_t acc = 0;
  for (int64_t k = 0; k < d; ++k) acc |= near[k];
  for (int64_t c = 0; c < d; ++c) {
    acc |= near[c + d];
    out[c] = acc;
  }
  acc = 0;
  for (int64_t k = cols - d; k < cols; ++k) acc |= near[k];
  for (int64_t c = cols - 1; c >= cols - d; --c) {
    acc |= near[c - d];
    out[c] = acc;
  }
}

// Pass 1 of one spoke: 0 no hit, 1 a hit kept, 2 a hit near a learnt cell (cleared later).
LOOKOUT_CLONES uint32_t markRow(uint8_t* __restrict h, const uint8_t* __restrict learntNear, int64_t cols) {
  uint32_t left = 0;
  for (int64_t c = 0; c < cols; ++c) {
    const uint8_t hit = h[c] != 0;
    const uint8_t v = static_cast<uint8_t>(hit * (1 + learntNear[c]));
    h[c] = v;
    left += v == 1;
  }
  return left;
}

// Pass 2 of one spoke: learn whether a hit was within the spread; returns the learnt cells.
LOOKOUT_CLONES uint32_t learnRow(uint8_t* __restrict m, const uint8_t* __restrict hitNear, int64_t cols, int32_t w, int32_t thr, bool learn) {
  uint32_t known = 0;
  if (!learn) {
    for (int64_t c = 0; c < cols; ++c) known += m[c] >= thr;
    return known;
  }
  for (int64_t c = 0; c < cols; ++c) {
    const int32_t s = m[c];
    known += s >= thr;
    const int32_t d = hitNear[c] * 255 - s;
    // Truncation toward zero (d x w fits in 24 bits), then at least one step toward the target.
    int32_t step = (d * w) / 65536;
    step += (step == 0) * ((d > 0) - (d < 0));
    m[c] = static_cast<uint8_t>(s + step);
  }
  return known;
}

}  // namespace

namespace {

// count[c] += sign x (row[c] >= thr): a sliding window of rows kept as per-cell counts, so a
// spread over 2 x spreadSpokes + 1 spokes costs two row passes per spoke, not 2 x spreadSpokes + 1.
LOOKOUT_CLONES void addRow(uint16_t* __restrict count, const uint8_t* __restrict row, int64_t cols, uint8_t thr, int sign) {
  if (sign > 0) {
    for (int64_t c = 0; c < cols; ++c) count[c] = static_cast<uint16_t>(count[c] + (row[c] >= thr));
  } else {
    for (int64_t c = 0; c < cols; ++c) count[c] = static_cast<uint16_t>(count[c] - (row[c] >= thr));
  }
}

LOOKOUT_CLONES void nonZero(const uint16_t* __restrict count, int64_t cols, uint8_t* __restrict out) {
  for (int64_t c = 0; c < cols; ++c) out[c] = count[c] != 0;
}

// No spread: one fused pass per spoke (the learnt test reads the state before its update, as the
// two passes of the general case do).
LOOKOUT_CLONES void cellRow(uint8_t* __restrict m, uint8_t* __restrict h, int64_t cols, int32_t w, int32_t thr, bool learn, uint32_t* left,
                            uint32_t* known) {
  uint32_t l = 0, k = 0;
  for (int64_t c = 0; c < cols; ++c) {
    const int32_t s = m[c];
    const int32_t hit = h[c] != 0;
    const int32_t isLearnt = s >= thr;
    const uint8_t keep = static_cast<uint8_t>(hit & (isLearnt ^ 1));
    h[c] = keep;
    l += keep;
    k += static_cast<uint32_t>(isLearnt);
    if (learn) {
      const int32_t d = hit * 255 - s;
      int32_t step = (d * w) / 65536;
      step += (step == 0) * ((d > 0) - (d < 0));
      m[c] = static_cast<uint8_t>(s + step);
    }
  }
  *left += l;
  *known += k;
}

LOOKOUT_CLONES uint32_t keepRow(uint8_t* __restrict m, uint8_t* __restrict h, int64_t cols, int32_t thr) {
  uint32_t l = 0;
  for (int64_t c = 0; c < cols; ++c) {
    const uint8_t keep = static_cast<uint8_t>((h[c] != 0) & (m[c] < thr));
    h[c] = keep;
    l += keep;
  }
  return l;
}

}  // namespace

uint32_t runHitMap(uint8_t* map, uint8_t* hits, const HitMapPlan& plan, uint32_t* learnt) {
  const int64_t rows = plan.rows, cols = plan.cols, S = plan.spokesPerTurn, ds = plan.spreadSpokes, dc = plan.spreadCells;
  if (ds == 0 && dc == 0) {
    uint32_t left = 0, known = 0;
    for (int64_t r = 0; r < rows; ++r) {
      uint8_t* m = map + (plan.firstSpoke + r) * cols;
      uint8_t* h = hits + r * cols;
      // A spoke that did not arrive is neither learnt nor counted; its hits are still cleared.
      if (plan.present && !plan.present[r]) left += keepRow(m, h, cols, plan.threshold8);
      else cellRow(m, h, cols, plan.weight16, plan.threshold8, plan.learn, &left, &known);
    }
    if (learnt) *learnt += known;
    return left;
  }
  const uint8_t thr = static_cast<uint8_t>(plan.threshold8 > 255 ? 255 : plan.threshold8);
  std::vector<uint8_t> near(static_cast<size_t>(cols)), spread(static_cast<size_t>(cols));
  std::vector<uint8_t> cover(static_cast<size_t>(cols));
  std::vector<uint16_t> count(static_cast<size_t>(cols));
  const uint8_t* row = dc > 0 ? spread.data() : near.data();
  auto mapRow = [&](int64_t k) { return map + ((k % S + S) % S) * cols; };
  uint32_t left = 0, known = 0;
  // Pass 1: learnt cells in the window of spokes [r - ds, r + ds] (across north).
  for (int64_t k = plan.firstSpoke - ds; k <= plan.firstSpoke + ds; ++k) addRow(count.data(), mapRow(k), cols, thr, 1);
  for (int64_t r = 0; r < rows; ++r) {
    if (r > 0) {
      // The map rows of the window are read before this pass changes them (pass 2 comes after).
      addRow(count.data(), mapRow(plan.firstSpoke + r + ds), cols, thr, 1);
      addRow(count.data(), mapRow(plan.firstSpoke + r - 1 - ds), cols, thr, -1);
    }
    nonZero(count.data(), cols, near.data());
    if (dc > 0) dilate(near.data(), cols, dc, cover.data(), spread.data());
    left += markRow(hits + r * cols, row, cols);
  }
  // Pass 2: hits (kept or cleared) in the window of the call's spokes [r - ds, r + ds].
  std::fill(count.begin(), count.end(), 0);
  for (int64_t k = 0; k <= ds && k < rows; ++k) addRow(count.data(), hits + k * cols, cols, 1, 1);
  for (int64_t r = 0; r < rows; ++r) {
    if (r > 0) {
      if (r + ds < rows) addRow(count.data(), hits + (r + ds) * cols, cols, 1, 1);
      if (r - 1 - ds >= 0) addRow(count.data(), hits + (r - 1 - ds) * cols, cols, 1, -1);
    }
    if (plan.present && !plan.present[r]) continue;
    nonZero(count.data(), cols, near.data());
    if (dc > 0) dilate(near.data(), cols, dc, cover.data(), spread.data());
    known += learnRow(map + (plan.firstSpoke + r) * cols, row, cols, plan.weight16, plan.threshold8, plan.learn);
  }
  for (int64_t i = 0; i < rows * cols; ++i) hits[i] = hits[i] == 2 ? 0 : hits[i];
  if (learnt) *learnt += known;
  return left;
}

}  // namespace lookout
