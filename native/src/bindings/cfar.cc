// Node-API bindings of the CFAR kernels (native/src/kernels/cfar1d.cc and cfar2d.cc).
#include "cfar.h"

#include "../kernels/cfar1d.h"
#include "../kernels/cfar2d.h"
#include "args.h"

namespace lookout {
namespace {

struct Cfar1dCall {
  Video in;
  int64_t rows = 0, cols = 0;
  Cfar1dPlan plan{};
  uint8_t* out = nullptr;
  KeepAlive keep;
};

bool parseCfar1d(const Napi::CallbackInfo& info, Cfar1dCall* call) {
  Napi::Env env = info.Env();
  double rows, cols;
  Napi::Object o;
  uint8_t* out;
  size_t outLength;
  if (!getVideo(env, info[0], "input", &call->in)) return false;
  if (!getNumber(env, info[1], "rows", &rows) || !getNumber(env, info[2], "cols", &cols)) return false;
  if (!getObject(env, info[3], "options", &o)) return false;
  if (!getU8(env, info[4], "out", &out, &outLength)) return false;
  std::string method;
  if (!getString(env, o, "method", &method)) return false;
  Cfar1dArgs a;
  if (method == "ca") a.method = Cfar1dMethod::CA;
  else if (method == "go") a.method = Cfar1dMethod::GO;
  else if (method == "so") a.method = Cfar1dMethod::SO;
  else if (method == "os") a.method = Cfar1dMethod::OS;
  else return throwStatus(env, Status::range("method must be one of ca, go, so, os, got \"" + method + "\""));
  bool present;
  if (!reqNumber(env, o, "guard", &a.guard) || !reqNumber(env, o, "train", &a.train)) return false;
  if (a.method == Cfar1dMethod::OS && !optNumber(env, o, "k", &a.k, &a.hasK)) return false;
  if (!reqNumber(env, o, "scale", &a.scale)) return false;
  if (!optNumber(env, o, "minThreshold", &a.minThreshold, &present)) return false;
  if (!present) a.minThreshold = 0;
  if (!optNumber(env, o, "clutterScale", &a.clutterScale, &present)) return false;
  if (!present) a.clutterScale = 1;
  float* lut;
  float* cm;
  Napi::Value lutValue, cmValue;
  if (!optF32(env, o, "lut", &lut, &a.lutLength, &lutValue)) return false;
  if (!optF32(env, o, "clutterMap", &cm, &a.clutterLength, &cmValue)) return false;
  a.lut = lut;
  a.clutterMap = cm;
  if (!throwStatus(env, checkCfar1d(call->in, rows, cols, a, outLength, &call->rows, &call->cols, &call->plan))) return false;
  call->out = out;
  call->keep.add(info[0]);
  call->keep.add(info[4]);
  if (lut) call->keep.add(lutValue);
  if (cm) call->keep.add(cmValue);
  return true;
}

Napi::Value Cfar1dSync(const Napi::CallbackInfo& info) {
  Cfar1dCall call;
  if (!parseCfar1d(info, &call)) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), runCfar1d(call.in, call.rows, call.cols, call.plan, call.out));
}

Napi::Value Cfar1dAsync(const Napi::CallbackInfo& info) {
  Cfar1dCall call;
  if (!parseCfar1d(info, &call)) return info.Env().Undefined();
  Video in = call.in;
  int64_t rows = call.rows, cols = call.cols;
  Cfar1dPlan plan = call.plan;
  uint8_t* out = call.out;
  return queuePromise(info.Env(), [=]() { return static_cast<double>(runCfar1d(in, rows, cols, plan, out)); }, std::move(call.keep));
}

struct Cfar2dCall {
  Video in;
  int64_t rows = 0, cols = 0;
  Cfar2dPlan plan{};
  uint8_t* out = nullptr;
  KeepAlive keep;
};

bool parseCfar2d(const Napi::CallbackInfo& info, Cfar2dCall* call) {
  Napi::Env env = info.Env();
  double rows, cols;
  Napi::Object o;
  uint8_t* out;
  size_t outLength;
  if (!getVideo(env, info[0], "input", &call->in)) return false;
  if (!getNumber(env, info[1], "rows", &rows) || !getNumber(env, info[2], "cols", &cols)) return false;
  if (!getObject(env, info[3], "options", &o)) return false;
  if (!getU8(env, info[4], "out", &out, &outLength)) return false;
  std::string method;
  if (!getString(env, o, "method", &method)) return false;
  Cfar2dArgs a;
  if (method == "ca") a.method = Cfar2dMethod::CA;
  else if (method == "os") a.method = Cfar2dMethod::OS;
  else return throwStatus(env, Status::range("method must be one of ca, os, got \"" + method + "\""));
  bool present;
  if (!reqNumber(env, o, "guardRange", &a.guardRange) || !reqNumber(env, o, "guardDoppler", &a.guardDoppler)) return false;
  if (!reqNumber(env, o, "trainRange", &a.trainRange) || !reqNumber(env, o, "trainDoppler", &a.trainDoppler)) return false;
  if (a.method == Cfar2dMethod::OS && !optNumber(env, o, "k", &a.k, &a.hasK)) return false;
  if (!reqNumber(env, o, "scale", &a.scale)) return false;
  if (!optNumber(env, o, "minThreshold", &a.minThreshold, &present)) return false;
  if (!present) a.minThreshold = 0;
  float* lut;
  Napi::Value lutValue;
  if (!optF32(env, o, "lut", &lut, &a.lutLength, &lutValue)) return false;
  a.lut = lut;
  if (!throwStatus(env, checkCfar2d(call->in, rows, cols, a, outLength, &call->rows, &call->cols, &call->plan))) return false;
  call->out = out;
  call->keep.add(info[0]);
  call->keep.add(info[4]);
  if (lut) call->keep.add(lutValue);
  return true;
}

Napi::Value Cfar2dSync(const Napi::CallbackInfo& info) {
  Cfar2dCall call;
  if (!parseCfar2d(info, &call)) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), runCfar2d(call.in, call.rows, call.cols, call.plan, call.out));
}

Napi::Value Cfar2dAsync(const Napi::CallbackInfo& info) {
  Cfar2dCall call;
  if (!parseCfar2d(info, &call)) return info.Env().Undefined();
  Video in = call.in;
  int64_t rows = call.rows, cols = call.cols;
  Cfar2dPlan plan = call.plan;
  uint8_t* out = call.out;
  return queuePromise(info.Env(), [=]() { return static_cast<double>(runCfar2d(in, rows, cols, plan, out)); }, std::move(call.keep));
}

}  // namespace

void registerCfar(Napi::Env env, Napi::Object exports) {
  exports.Set("cfar1d", Napi::Function::New(env, Cfar1dSync, "cfar1d"));
  exports.Set("cfar1dAsync", Napi::Function::New(env, Cfar1dAsync, "cfar1dAsync"));
  exports.Set("cfar2d", Napi::Function::New(env, Cfar2dSync, "cfar2d"));
  exports.Set("cfar2dAsync", Napi::Function::New(env, Cfar2dAsync, "cfar2dAsync"));
}

}  // namespace lookout
