// Node-API bindings of the level detector and the hit-frequency clutter map. Both stay
// synchronous: a 16-spoke sector of 1024 cells takes about 10 us (bench detect), far below the
// ~1 ms where a worker thread pays for itself.
#include "level.h"

#include "../kernels/level.h"
#include "args.h"

namespace lookout {
namespace {

Napi::Value LevelDetect(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Video in;
  double rows, cols, level, hyst = 0;
  bool hasHyst = false;
  Napi::Object o;
  uint8_t* out;
  size_t outLength;
  if (!getVideo(env, info[0], "input", &in)) return env.Undefined();
  if (!getNumber(env, info[1], "rows", &rows) || !getNumber(env, info[2], "cols", &cols)) return env.Undefined();
  if (!getObject(env, info[3], "options", &o)) return env.Undefined();
  if (!getU8(env, info[4], "out", &out, &outLength)) return env.Undefined();
  if (!reqNumber(env, o, "level", &level) || !optNumber(env, o, "hysteresisLevel", &hyst, &hasHyst)) return env.Undefined();
  int64_t r, c;
  LevelPlan plan;
  if (!throwStatus(env, checkLevel(in, rows, cols, level, hasHyst, hyst, outLength, &r, &c, &plan))) return env.Undefined();
  return Napi::Number::New(env, runLevel(in, r, c, plan, out));
}

Napi::Value UpdateHitMap(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint8_t *map, *hits;
  size_t n, m;
  Napi::Object o;
  double tc, thr;
  if (!getU8(env, info[0], "map", &map, &n) || !getU8(env, info[1], "hits", &hits, &m)) return env.Undefined();
  if (!getObject(env, info[2], "options", &o)) return env.Undefined();
  if (!reqNumber(env, o, "timeConstantTurns", &tc) || !reqNumber(env, o, "threshold", &thr)) return env.Undefined();
  Napi::Value learn = o.Get("learn");
  if (env.IsExceptionPending()) return env.Undefined();
  if (!learn.IsUndefined() && !learn.IsBoolean()) return typeError(env, "learn must be a boolean"), env.Undefined();
  uint32_t* stats = nullptr;
  if (!info[3].IsUndefined() && !info[3].IsNull()) {
    if (!info[3].IsTypedArray() || info[3].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
      return typeError(env, "stats must be a Uint32Array"), env.Undefined();
    }
    auto a = info[3].As<Napi::Uint32Array>();
    if (a.ElementLength() < 1) return throwStatus(env, Status::range("stats needs at least 1 element")), env.Undefined();
    stats = a.Data();
  }
  HitMapPlan plan;
  if (!throwStatus(env, checkHitMap(n, m, tc, thr, &plan))) return env.Undefined();
  plan.learn = learn.IsUndefined() || learn.As<Napi::Boolean>().Value();
  return Napi::Number::New(env, runHitMap(map, hits, n, plan, stats));
}

}  // namespace

void registerLevel(Napi::Env env, Napi::Object exports) {
  exports.Set("levelDetect", Napi::Function::New(env, LevelDetect, "levelDetect"));
  exports.Set("updateHitMap", Napi::Function::New(env, UpdateHitMap, "updateHitMap"));
}

}  // namespace lookout
