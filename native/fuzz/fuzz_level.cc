// libFuzzer harness: the level detector (argument checks, then the kernel on what passes) and
// the hit-frequency clutter map over a few turns.
#include "../src/kernels/level.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const double rows = fuzzNumber(fdp, 8), cols = fuzzNumber(fdp, 300);
  const double level = fuzzNumber(fdp, 300);
  const bool hasHyst = fdp.ConsumeBool();
  const double hyst = fuzzNumber(fdp, 300);
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 4096);
  FuzzVideo v;
  fuzzVideo(fdp, n, &v);
  std::vector<uint8_t> out(fdp.ConsumeBool() ? n : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  int64_t r, c;
  lookout::LevelPlan plan;
  if (lookout::checkLevel(v.video, rows, cols, level, hasHyst, hyst, out.size(), &r, &c, &plan).ok()) {
    const uint32_t hits = lookout::runLevel(v.video, r, c, plan, out.data());
    uint32_t count = 0;
    for (uint8_t x : out) {
      if (x > 1) __builtin_trap();
      count += x;
    }
    if (count != hits) __builtin_trap();
  }
  std::vector<uint8_t> map(fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  for (auto& x : map) x = fdp.ConsumeIntegral<uint8_t>();
  std::vector<uint8_t> hits(fdp.ConsumeBool() ? map.size() : fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  lookout::HitMapPlan hp;
  if (!lookout::checkHitMap(map.size(), hits.size(), fuzzNumber(fdp, 300), fdp.ConsumeProbability<double>() * 1.2, &hp).ok()) return 0;
  const int turns = fdp.ConsumeIntegralInRange<int>(1, 8);
  for (int t = 0; t < turns; ++t) {
    for (auto& x : hits) x = fdp.ConsumeIntegral<uint8_t>();
    hp.learn = fdp.ConsumeBool();
    uint32_t learnt = 0;
    const uint32_t left = lookout::runHitMap(map.data(), hits.data(), map.size(), hp, &learnt);
    uint32_t count = 0;
    for (uint8_t x : hits) count += x;
    if (count != left || learnt > map.size()) __builtin_trap();
  }
  return 0;
}
