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
  const int64_t spokes = fdp.ConsumeIntegralInRange<int64_t>(1, 32), mcols = fdp.ConsumeIntegralInRange<int64_t>(1, 128);
  std::vector<uint8_t> map(static_cast<size_t>(spokes * mcols));
  for (auto& x : map) x = fdp.ConsumeIntegral<uint8_t>();
  const double hrows = fuzzNumber(fdp, 32), first = fuzzNumber(fdp, 32);
  std::vector<uint8_t> hits(fdp.ConsumeIntegralInRange<size_t>(0, 4096));
  std::vector<uint8_t> present(fdp.ConsumeIntegralInRange<size_t>(0, 40));
  for (auto& x : present) x = fdp.ConsumeIntegral<uint8_t>() & 1;
  const bool hasPresent = fdp.ConsumeBool();
  lookout::HitMapPlan hp;
  if (!lookout::checkHitMap(map.size(), hits.size(), hrows, static_cast<double>(mcols), first, fuzzNumber(fdp, 300), fdp.ConsumeProbability<double>() * 1.2,
                            fuzzNumber(fdp, 40), fuzzNumber(fdp, 10), present.size(), hasPresent, &hp).ok()) {
    return 0;
  }
  hp.present = hasPresent ? present.data() : nullptr;
  const int turns = fdp.ConsumeIntegralInRange<int>(1, 8);
  for (int t = 0; t < turns; ++t) {
    for (auto& x : hits) x = fdp.ConsumeIntegral<uint8_t>();
    hp.learn = fdp.ConsumeBool();
    uint32_t learnt = 0;
    const uint32_t left = lookout::runHitMap(map.data(), hits.data(), hp, &learnt);
    uint32_t count = 0;
    for (uint8_t x : hits) {
      if (x > 1) __builtin_trap();
      count += x;
    }
    if (count != left || learnt > map.size()) __builtin_trap();
  }
  return 0;
}
