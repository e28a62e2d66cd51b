// libFuzzer harness: mask application and the clutter-map update.
#include "../src/kernels/mask.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 4096);
  std::vector<uint8_t> det(n), blank(n);
  for (auto& x : det) x = fdp.ConsumeIntegral<uint8_t>();
  for (auto& x : blank) x = fdp.ConsumeIntegral<uint8_t>();
  const uint32_t left = lookout::applyMask(det.data(), blank.data(), n);
  uint32_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (det[i] > 1 || (blank[i] && det[i])) __builtin_trap();
    count += det[i];
  }
  if (count != left) __builtin_trap();
  FuzzVideo v;
  fuzzVideo(fdp, fdp.ConsumeIntegralInRange<size_t>(0, 4096), &v);
  std::vector<float> map(fdp.ConsumeBool() ? v.video.length : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  std::vector<float> lut = fuzzLut(fdp);
  const double weight = fdp.ConsumeBool() ? fdp.ConsumeFloatingPoint<double>() : fdp.ConsumeProbability<double>();
  if (!lookout::checkClutterUpdate(v.video, map.size(), lut.empty() ? nullptr : lut.data(), lut.size(), weight).ok()) return 0;
  lookout::updateClutterMap(map.data(), v.video, lut.empty() ? nullptr : lut.data(), static_cast<float>(weight));
  return 0;
}
