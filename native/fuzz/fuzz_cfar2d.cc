// libFuzzer harness: the 2-D CFAR entry point.
#include "../src/kernels/cfar2d.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const double rows = fuzzNumber(fdp, 64), cols = fuzzNumber(fdp, 64);
  lookout::Cfar2dArgs a;
  a.method = static_cast<lookout::Cfar2dMethod>(fdp.ConsumeIntegralInRange<int>(0, 1));
  a.guardRange = fuzzNumber(fdp, 4);
  a.guardDoppler = fuzzNumber(fdp, 4);
  a.trainRange = fuzzNumber(fdp, 8);
  a.trainDoppler = fuzzNumber(fdp, 8);
  a.hasK = fdp.ConsumeBool();
  a.k = fuzzNumber(fdp, 300);
  a.scale = fuzzNumber(fdp, 20);
  a.minThreshold = fdp.ConsumeBool() ? 0 : fuzzNumber(fdp, 100);
  std::vector<float> lut = fuzzLut(fdp);
  a.lut = lut.empty() ? nullptr : lut.data();
  a.lutLength = lut.size();
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 4096);
  FuzzVideo v;
  fuzzVideo(fdp, n, &v);
  std::vector<uint8_t> out(fdp.ConsumeBool() ? n : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  int64_t r, c;
  lookout::Cfar2dPlan plan;
  if (!lookout::checkCfar2d(v.video, rows, cols, a, out.size(), &r, &c, &plan).ok()) return 0;
  const uint32_t d = lookout::runCfar2d(v.video, r, c, plan, out.data());
  uint32_t count = 0;
  for (uint8_t x : out) count += x;
  if (count != d) __builtin_trap();
  return 0;
}
