// Helpers shared by the libFuzzer harnesses: numbers that are usually small and sometimes
// anything (NaN, negative, huge), so both the argument checks and the kernels get exercised.
#pragma once
#include <fuzzer/FuzzedDataProvider.h>

#include <cstring>
#include <cmath>
#include <vector>

#include "../src/kernels/common.h"

inline double fuzzNumber(FuzzedDataProvider& fdp, int smallMax) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 15)) {
    case 0:
      return fdp.ConsumeFloatingPoint<double>();
    case 1:
      return -static_cast<double>(fdp.ConsumeIntegralInRange<int>(0, 5));
    case 2:
      return fdp.ConsumeIntegralInRange<int>(0, smallMax) + 0.5;
    default:
      return fdp.ConsumeIntegralInRange<int>(0, smallMax);
  }
}

// Video of a fuzzed type and length, with its own storage.
struct FuzzVideo {
  lookout::Video video;
  std::vector<uint8_t> u8;
  std::vector<uint16_t> u16;
  std::vector<float> f32;
};

inline void fuzzVideo(FuzzedDataProvider& fdp, size_t n, FuzzVideo* v) {
  const int t = fdp.ConsumeIntegralInRange<int>(0, 2);
  if (t == 0) {
    v->u8.resize(n);
    for (auto& x : v->u8) x = fdp.ConsumeIntegral<uint8_t>();
    v->video = lookout::Video{lookout::Dtype::U8, v->u8.data(), n};
  } else if (t == 1) {
    v->u16.resize(n);
    for (auto& x : v->u16) x = fdp.ConsumeIntegral<uint16_t>();
    v->video = lookout::Video{lookout::Dtype::U16, v->u16.data(), n};
  } else {
    v->f32.resize(n);
    for (auto& x : v->f32) {
      uint32_t bits = fdp.ConsumeIntegral<uint32_t>();
      std::memcpy(&x, &bits, 4);  // any float: NaN, infinities, denormals, negatives
    }
    v->video = lookout::Video{lookout::Dtype::F32, v->f32.data(), n};
  }
}

// An optional LUT of 256 or 65536 entries (or a wrong length) with arbitrary floats.
inline std::vector<float> fuzzLut(FuzzedDataProvider& fdp) {
  std::vector<float> lut;
  switch (fdp.ConsumeIntegralInRange<int>(0, 3)) {
    case 1: lut.resize(256); break;
    case 2: lut.resize(65536); break;
    case 3: lut.resize(fdp.ConsumeIntegralInRange<int>(1, 300)); break;
    default: return lut;
  }
  // Linear, log video (power = 10^((code x dB per count - 24) / 10), as the agent builds it),
  // or any bits at all.
  const int shape = fdp.ConsumeIntegralInRange<int>(0, 2);
  const double dbPerCount = 0.05 + fdp.ConsumeIntegralInRange<int>(0, 100) * 0.01;
  for (size_t i = 0; i < lut.size(); ++i) {
    if (shape == 0) {
      lut[i] = static_cast<float>(i) * 0.5f;
    } else if (shape == 1) {
      lut[i] = static_cast<float>(std::pow(10.0, (static_cast<double>(i) * dbPerCount - 24.0) / 10.0));
    } else {
      uint32_t bits = fdp.ConsumeIntegral<uint32_t>();
      std::memcpy(&lut[i], &bits, 4);
    }
  }
  return lut;
}
