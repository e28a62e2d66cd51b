// libFuzzer harness: plot extraction, whole-matrix (with and without wrap) and streamed in
// sectors with row jumps, small take() buffers and flushes.
#include "../src/kernels/extract.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  lookout::ExtractSettings s;
  if (!lookout::checkExtractSettings(fuzzNumber(fdp, 5), fdp.ConsumeBool(), fuzzNumber(fdp, 500), fdp.ConsumeBool(), &s).ok()) return 0;
  lookout::ExtractSettings streamSettings = s;
  if (!lookout::checkMaxRows(fuzzNumber(fdp, 20), fdp.ConsumeBool(), &streamSettings).ok()) return 0;
  const int64_t rows = fdp.ConsumeIntegralInRange<int64_t>(1, 64);
  const int64_t cols = fdp.ConsumeIntegralInRange<int64_t>(1, 64);
  const size_t n = static_cast<size_t>(rows * cols);
  std::vector<uint8_t> mask(n);
  const uint8_t density = fdp.ConsumeIntegral<uint8_t>();
  for (auto& m : mask) m = fdp.ConsumeIntegral<uint8_t>() < density ? fdp.ConsumeIntegralInRange<uint8_t>(1, 255) : 0;
  FuzzVideo v;
  fuzzVideo(fdp, n, &v);
  std::vector<float> lut = fuzzLut(fdp);
  const float* l = nullptr;
  if (!lut.empty() && lookout::checkLut(lut.data(), lut.size(), v.video.type).ok()) l = lut.data();
  std::vector<double> out(lookout::kPlotStride * fdp.ConsumeIntegralInRange<size_t>(0, 64));
  const size_t cap = out.size() / lookout::kPlotStride;
  {
    lookout::PlotExtractorCore core(s);
    core.setSink(out.data(), cap);
    const bool wrap = fdp.ConsumeBool();
    if (wrap) core.beginTurn();
    core.push(mask.data(), v.video, l, rows, cols, 0);
    if (wrap) core.finishTurn(rows);
    else core.flush();
    const size_t total = core.sinkCount() + core.waiting();
    if (total > n) __builtin_trap();
    for (size_t i = 0; i < core.sinkCount(); ++i) {
      const double count = out[i * lookout::kPlotStride + 8];
      if (!(count >= 1 && count <= static_cast<double>(n))) __builtin_trap();
    }
  }
  lookout::PlotExtractorCore stream(streamSettings);
  double row = fdp.ConsumeIntegralInRange<int>(0, 1000);
  int64_t r = 0;
  while (r < rows) {
    const int64_t k = std::min<int64_t>(rows - r, fdp.ConsumeIntegralInRange<int64_t>(1, 9));
    lookout::Video part = v.video;
    const size_t elem = v.video.type == lookout::Dtype::U8 ? 1 : v.video.type == lookout::Dtype::U16 ? 2 : 4;
    part.data = static_cast<const uint8_t*>(v.video.data) + static_cast<size_t>(r * cols) * elem;
    part.length = static_cast<size_t>(k * cols);
    stream.push(mask.data() + r * cols, part, l, k, cols, row);
    row += static_cast<double>(k) + (fdp.ConsumeIntegralInRange<int>(0, 7) == 0 ? 3 : 0);
    r += k;
    if (fdp.ConsumeBool()) stream.take(out.data(), cap);
    if (fdp.ConsumeIntegralInRange<int>(0, 15) == 0) stream.reset();
  }
  stream.flush();
  while (cap > 0 && stream.take(out.data(), cap) > 0) {
  }
  return 0;
}
