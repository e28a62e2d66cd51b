// Node-API bindings of mask application and the clutter-map update (both fast enough to stay sync).
#include "mask.h"

#include "../kernels/mask.h"
#include "args.h"

namespace lookout {
namespace {

Napi::Value ApplyMask(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint8_t *det, *blank;
  size_t n, m;
  if (!getU8(env, info[0], "detections", &det, &n) || !getU8(env, info[1], "blank", &blank, &m)) return env.Undefined();
  if (!throwStatus(env, checkLength("blank", m, static_cast<int64_t>(n)))) return env.Undefined();
  return Napi::Number::New(env, applyMask(det, blank, n));
}

Napi::Value UpdateClutterMap(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  float* map;
  size_t n;
  Video in;
  double weight;
  float* lut = nullptr;
  size_t lutLength = 0;
  if (!getF32(env, info[0], "map", &map, &n) || !getVideo(env, info[1], "input", &in)) return env.Undefined();
  if (!info[2].IsNull() && !info[2].IsUndefined() && !getF32(env, info[2], "lut", &lut, &lutLength)) return env.Undefined();
  if (!getNumber(env, info[3], "weight", &weight)) return env.Undefined();
  if (!throwStatus(env, checkClutterUpdate(in, n, lut, lutLength, weight))) return env.Undefined();
  updateClutterMap(map, in, lut, static_cast<float>(weight));
  return env.Undefined();
}

}  // namespace

void registerMask(Napi::Env env, Napi::Object exports) {
  exports.Set("applyMask", Napi::Function::New(env, ApplyMask, "applyMask"));
  exports.Set("updateClutterMap", Napi::Function::New(env, UpdateClutterMap, "updateClutterMap"));
}

}  // namespace lookout
