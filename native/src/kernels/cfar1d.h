// 1-D CFAR along range (CA, GO, SO, OS) on rows of video; twin of agent/src/detect/reference/cfar1d.ts.
#pragma once
#include <vector>
#include "common.h"

namespace lookout {

enum class Cfar1dMethod { CA, GO, SO, OS };

// Raw arguments as they come from JS (numbers as doubles), checked by checkCfar1d.
struct Cfar1dArgs {
  Cfar1dMethod method = Cfar1dMethod::CA;
  double guard = 0, train = 1, k = 0, scale = 1, minThreshold = 0, clutterScale = 1;
  bool hasK = false;
  const float* lut = nullptr;
  size_t lutLength = 0;
  const float* clutterMap = nullptr;
  size_t clutterLength = 0;
};

struct Cfar1dPlan {
  Cfar1dMethod method;
  int guard, train, k;
  float factor, minThreshold, clutterScale;
  const float* lut;
  const float* clutterMap;
};

Status checkCfar1d(const Video& in, double rows, double cols, const Cfar1dArgs& a, size_t outLength,
                   int64_t* r, int64_t* c, Cfar1dPlan* plan);

// Writes out[i] = 1 for a detection, 0 otherwise (rows x cols); returns the detections.
uint32_t runCfar1d(const Video& in, int64_t rows, int64_t cols, const Cfar1dPlan& plan, uint8_t* out);

}  // namespace lookout
