#include "mask.h"

namespace lookout {

uint32_t applyMask(uint8_t* __restrict detections, const uint8_t* __restrict blank, size_t n) {
  uint32_t left = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t d = blank[i] != 0 ? 0 : detections[i] != 0 ? 1 : 0;
    detections[i] = d;
    left += d;
  }
  return left;
}

Status checkClutterUpdate(const Video& in, size_t mapLength, const float* lut, size_t lutLength, double weight) {
  Status s = checkLength("input", in.length, static_cast<int64_t>(mapLength));
  if (!s.ok()) return s;
  if (!(s = checkLut(lut, lutLength, in.type)).ok()) return s;
  if (!(s = checkPositive("weight", weight)).ok()) return s;
  if (weight > 1) {
    char buf[100];
    snprintf(buf, sizeof buf, "weight must be in (0, 1], got %.17g", weight);
    return Status::range(buf);
  }
  return s;
}

void updateClutterMap(float* __restrict map, const Video& in, const float* lut, float w) {
  const size_t n = in.length;
  constexpr size_t kBlock = 1024;
  float p[kBlock];
  for (size_t o = 0; o < n; o += kBlock) {
    const size_t m = n - o < kBlock ? n - o : kBlock;
    powerRow(in, lut, o, m, p);
    for (size_t i = 0; i < m; ++i) {
      float d = p[i] - map[o + i];
      d = d * w;
      map[o + i] = map[o + i] + d;
    }
  }
}

}  // namespace lookout
