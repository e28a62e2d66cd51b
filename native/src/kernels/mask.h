// Mask application and the clutter map's recursive mean; twins of agent/src/detect/reference/mask.ts.
#pragma once
#include "common.h"

namespace lookout {

// Clears detections where blank[i] != 0 (and makes the rest 0/1); returns the detections left.
uint32_t applyMask(uint8_t* detections, const uint8_t* blank, size_t n);

Status checkClutterUpdate(const Video& in, size_t mapLength, const float* lut, size_t lutLength, double weight);
// map[i] += weight x (power[i] - map[i]), float32.
void updateClutterMap(float* map, const Video& in, const float* lut, float weight);

}  // namespace lookout
