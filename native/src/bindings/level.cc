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
  double rows, cols, first, tc, thr, sc = 0, ss = 0;
  bool has;
  if (!getU8(env, info[0], "map", &map, &n) || !getU8(env, info[1], "hits", &hits, &m)) return env.Undefined();
  if (!getNumber(env, info[2], "rows", &rows) || !getNumber(env, info[3], "cols", &cols)) return env.Undefined();
  if (!getObject(env, info[4], "options", &o)) return env.Undefined();
  if (!reqNumber(env, o, "timeConstantTurns", &tc) || !reqNumber(env, o, "threshold", &thr)) return env.Undefined();
  if (!reqNumber(env, o, "firstSpoke", &first)) return env.Undefined();
  if (!optNumber(env, o, "spreadCells", &sc, &has) || !optNumber(env, o, "spreadSpokes", &ss, &has)) return env.Undefined();
  Napi::Value learn = o.Get("learn");
  if (env.IsExceptionPending()) return env.Undefined();
  if (!learn.IsUndefined() && !learn.IsBoolean()) return typeError(env, "learn must be a boolean"), env.Undefined();
  Napi::Value pv = o.Get("present");
  if (env.IsExceptionPending()) return env.Undefined();
  uint8_t* present = nullptr;
  size_t presentLength = 0;
  const bool hasPresent = !pv.IsUndefined() && !pv.IsNull();
  if (hasPresent && !getU8(env, pv, "present", &present, &presentLength)) return env.Undefined();
  uint32_t* stats = nullptr;
  if (!info[5].IsUndefined() && !info[5].IsNull()) {
    if (!info[5].IsTypedArray() || info[5].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
      return typeError(env, "stats must be a Uint32Array"), env.Undefined();
    }
    auto a = info[5].As<Napi::Uint32Array>();
    if (a.ElementLength() < 1) return throwStatus(env, Status::range("stats needs at least 1 element")), env.Undefined();
    stats = a.Data();
  }
  HitMapPlan plan;
  if (!throwStatus(env, checkHitMap(n, m, rows, cols, first, tc, thr, sc, ss, presentLength, hasPresent, &plan))) return env.Undefined();
  plan.learn = learn.IsUndefined() || learn.As<Napi::Boolean>().Value();
  plan.present = present;
  return Napi::Number::New(env, runHitMap(map, hits, plan, stats));
}

}  // namespace

void registerLevel(Napi::Env env, Napi::Object exports) {
  exports.Set("levelDetect", Napi::Function::New(env, LevelDetect, "levelDetect"));
  exports.Set("updateHitMap", Napi::Function::New(env, UpdateHitMap, "updateHitMap"));
}

}  // namespace lookout
