// 2-D CFAR (CA by separable window sums, OS by counting) on range-Doppler maps, wrap in Doppler; twin of
// agent/src/detect/reference/cfar2d.ts.
#pragma once
#include "common.h"

namespace lookout {

enum class Cfar2dMethod { CA, OS };

struct Cfar2dArgs {
  Cfar2dMethod method = Cfar2dMethod::CA;
  double guardRange = 0, guardDoppler = 0, trainRange = 1, trainDoppler = 1, k = 0, scale = 1, minThreshold = 0;
  bool hasK = false;
  const float* lut = nullptr;
  size_t lutLength = 0;
};

struct Cfar2dPlan {
  Cfar2dMethod method;
  int gr, gd, tr, td, k, n;
  double scale, minThreshold;
  const float* lut;
};

Status checkCfar2d(const Video& in, double rows, double cols, const Cfar2dArgs& a, size_t outLength,
                   int64_t* r, int64_t* c, Cfar2dPlan* plan);

uint32_t runCfar2d(const Video& in, int64_t rows, int64_t cols, const Cfar2dPlan& plan, uint8_t* out);

}  // namespace lookout
