// libFuzzer harness: the 1-D CFAR entry point (argument checks, then the kernel on what passes).
#include "../src/kernels/cfar1d.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const double rows = fuzzNumber(fdp, 8), cols = fuzzNumber(fdp, 300);
  lookout::Cfar1dArgs a;
  a.method = static_cast<lookout::Cfar1dMethod>(fdp.ConsumeIntegralInRange<int>(0, 3));
  a.guard = fuzzNumber(fdp, 10);
  a.train = fuzzNumber(fdp, 40);
  a.hasK = fdp.ConsumeBool();
  a.k = fuzzNumber(fdp, 80);
  a.scale = fuzzNumber(fdp, 20);
  a.minThreshold = fdp.ConsumeBool() ? 0 : fuzzNumber(fdp, 100);
  a.clutterScale = fuzzNumber(fdp, 4);
  std::vector<float> lut = fuzzLut(fdp);
  a.lut = lut.empty() ? nullptr : lut.data();
  a.lutLength = lut.size();
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 4096);
  std::vector<float> clutter;
  if (fdp.ConsumeBool()) {
    clutter.resize(fdp.ConsumeBool() ? n : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
    for (auto& x : clutter) x = static_cast<float>(fdp.ConsumeIntegral<uint8_t>());
    a.clutterMap = clutter.data();
    a.clutterLength = clutter.size();
  }
  FuzzVideo v;
  fuzzVideo(fdp, n, &v);
  std::vector<uint8_t> out(fdp.ConsumeBool() ? n : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  int64_t r, c;
  lookout::Cfar1dPlan plan;
  if (!lookout::checkCfar1d(v.video, rows, cols, a, out.size(), &r, &c, &plan).ok()) return 0;
  const uint32_t d = lookout::runCfar1d(v.video, r, c, plan, out.data());
  uint32_t count = 0;
  for (uint8_t x : out) count += x;
  if (count != d) __builtin_trap();
  return 0;
}
