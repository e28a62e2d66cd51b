// Node-API bindings of plot extraction: a stateless whole-matrix call (sync and async) and a
// streaming PlotExtractor object for the scan assembler.
#include "extract.h"

#include <memory>

#include "../kernels/extract.h"
#include "args.h"

namespace lookout {
namespace {

bool parseSettings(Napi::Env env, Napi::Object o, ExtractSettings* s, float** lut, size_t* lutLength, Napi::Value* lutValue) {
  double mn = 1, mx = 0;
  bool hasMin, hasMax;
  if (!optNumber(env, o, "minCells", &mn, &hasMin) || !optNumber(env, o, "maxCells", &mx, &hasMax)) return false;
  if (!throwStatus(env, checkExtractSettings(mn, hasMin, mx, hasMax, s))) return false;
  double maxRows = 0;
  bool hasMaxRows;
  if (!optNumber(env, o, "maxRows", &maxRows, &hasMaxRows)) return false;
  if (!throwStatus(env, checkMaxRows(maxRows, hasMaxRows, s))) return false;
  if (!optF32(env, o, "lut", lut, lutLength, lutValue)) return false;
  if (*lut && *lutLength != 256 && *lutLength != 65536) {
    return throwStatus(env, Status::range("lut has " + std::to_string(*lutLength) + " entries, expected 256 or 65536"));
  }
  return true;
}

bool checkSafeRow(Napi::Env env, double v) {
  if (!(v >= 0 && v <= 9007199254740991.0 && v == std::floor(v))) {
    return throwStatus(env, Status::range("firstRow must be a non-negative safe integer"));
  }
  return true;
}

struct ExtractCall {
  uint8_t* mask = nullptr;
  Video video;
  int64_t rows = 0, cols = 0;
  ExtractSettings settings;
  const float* lut = nullptr;
  bool wrap = false;
  double* out = nullptr;
  size_t outPlots = 0;
  KeepAlive keep;
};

bool parseExtract(const Napi::CallbackInfo& info, ExtractCall* call) {
  Napi::Env env = info.Env();
  double rows, cols;
  size_t maskLength, outLength;
  Napi::Object o;
  if (!getNumber(env, info[2], "rows", &rows) || !getNumber(env, info[3], "cols", &cols)) return false;
  if (!throwStatus(env, checkDims(rows, cols, &call->rows, &call->cols))) return false;
  if (!getU8(env, info[0], "mask", &call->mask, &maskLength)) return false;
  if (!throwStatus(env, checkLength("mask", maskLength, call->rows * call->cols))) return false;
  if (!getVideo(env, info[1], "video", &call->video)) return false;
  if (!throwStatus(env, checkLength("video", call->video.length, call->rows * call->cols))) return false;
  if (!getObject(env, info[4], "options", &o)) return false;
  if (!getF64(env, info[5], "out", &call->out, &outLength)) return false;
  float* lut;
  size_t lutLength;
  Napi::Value lutValue;
  if (!parseSettings(env, o, &call->settings, &lut, &lutLength, &lutValue)) return false;
  if (!throwStatus(env, checkLut(lut, lutLength, call->video.type))) return false;
  Napi::Value wrap = o.Get("wrap");
  if (env.IsExceptionPending()) return false;
  call->wrap = wrap.IsBoolean() && wrap.As<Napi::Boolean>().Value();
  call->lut = lut;
  call->outPlots = outLength / kPlotStride;
  call->keep.add(info[0]);
  call->keep.add(info[1]);
  call->keep.add(info[5]);
  if (lut) call->keep.add(lutValue);
  return true;
}

double runExtract(const uint8_t* mask, const Video& video, int64_t rows, int64_t cols, ExtractSettings settings,
                  const float* lut, bool wrap, double* out, size_t outPlots) {
  PlotExtractorCore core(settings);
  core.setSink(out, outPlots);
  if (wrap) core.beginTurn();
  core.push(mask, video, lut, rows, cols, 0);
  if (wrap) core.finishTurn(rows);
  else core.flush();
  return static_cast<double>(core.sinkCount() + core.waiting());
}

Napi::Value ExtractSync(const Napi::CallbackInfo& info) {
  ExtractCall c;
  if (!parseExtract(info, &c)) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), runExtract(c.mask, c.video, c.rows, c.cols, c.settings, c.lut, c.wrap, c.out, c.outPlots));
}

Napi::Value ExtractAsync(const Napi::CallbackInfo& info) {
  ExtractCall c;
  if (!parseExtract(info, &c)) return info.Env().Undefined();
  const uint8_t* mask = c.mask;
  Video video = c.video;
  int64_t rows = c.rows, cols = c.cols;
  ExtractSettings settings = c.settings;
  const float* lut = c.lut;
  bool wrap = c.wrap;
  double* out = c.out;
  size_t outPlots = c.outPlots;
  return queuePromise(info.Env(), [=]() { return runExtract(mask, video, rows, cols, settings, lut, wrap, out, outPlots); }, std::move(c.keep));
}

class PlotExtractorWrap : public Napi::ObjectWrap<PlotExtractorWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "PlotExtractor",
                       {InstanceMethod<&PlotExtractorWrap::Push>("push"), InstanceMethod<&PlotExtractorWrap::Take>("take"),
                        InstanceMethod<&PlotExtractorWrap::Flush>("flush"), InstanceMethod<&PlotExtractorWrap::Reset>("reset"),
                        InstanceAccessor<&PlotExtractorWrap::Dropped>("dropped")});
  }

  explicit PlotExtractorWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<PlotExtractorWrap>(info) {
    Napi::Env env = info.Env();
    Napi::Object o;
    if (!getObject(env, info[0], "options", &o)) return;
    ExtractSettings s;
    float* lut;
    Napi::Value lutValue;
    if (!parseSettings(env, o, &s, &lut, &lutLength_, &lutValue)) return;
    if (lut) lut_ = Napi::Persistent(lutValue.As<Napi::Object>());
    core_ = std::make_unique<PlotExtractorCore>(s);
  }

 private:
  Napi::Value Push(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    double rows, cols, firstRow;
    int64_t r, c;
    uint8_t* mask;
    size_t maskLength;
    Video video;
    if (!getNumber(env, info[2], "rows", &rows) || !getNumber(env, info[3], "cols", &cols)) return env.Undefined();
    if (!throwStatus(env, checkDims(rows, cols, &r, &c))) return env.Undefined();
    if (!getU8(env, info[0], "mask", &mask, &maskLength)) return env.Undefined();
    if (!throwStatus(env, checkLength("mask", maskLength, r * c))) return env.Undefined();
    if (!getVideo(env, info[1], "video", &video)) return env.Undefined();
    if (!throwStatus(env, checkLength("video", video.length, r * c))) return env.Undefined();
    if (!getNumber(env, info[4], "firstRow", &firstRow) || !checkSafeRow(env, firstRow)) return env.Undefined();
    const float* lut = nullptr;
    if (!lut_.IsEmpty()) {
      Napi::Float32Array a = lut_.Value().As<Napi::Float32Array>();
      lut = a.Data();
      if (a.ElementLength() != lutLength_) return throwStatus(env, Status::range("lut changed length")), env.Undefined();
      if (!throwStatus(env, checkLut(lut, lutLength_, video.type))) return env.Undefined();
    }
    if (!core_) return env.Undefined();
    core_->push(mask, video, lut, r, c, firstRow);
    return Napi::Number::New(env, static_cast<double>(core_->waiting()));
  }

  Napi::Value Take(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    double* out;
    size_t n;
    if (!getF64(env, info[0], "out", &out, &n) || !core_) return env.Undefined();
    return Napi::Number::New(env, static_cast<double>(core_->take(out, n / kPlotStride)));
  }

  Napi::Value Flush(const Napi::CallbackInfo& info) {
    if (!core_) return info.Env().Undefined();
    core_->flush();
    return Napi::Number::New(info.Env(), static_cast<double>(core_->waiting()));
  }

  Napi::Value Reset(const Napi::CallbackInfo& info) {
    if (core_) core_->reset();
    return info.Env().Undefined();
  }

  Napi::Value Dropped(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), core_ ? core_->dropped() : 0);
  }

  std::unique_ptr<PlotExtractorCore> core_;
  Napi::ObjectReference lut_;
  size_t lutLength_ = 0;
};

}  // namespace

void registerExtract(Napi::Env env, Napi::Object exports) {
  exports.Set("extractPlots", Napi::Function::New(env, ExtractSync, "extractPlots"));
  exports.Set("extractPlotsAsync", Napi::Function::New(env, ExtractAsync, "extractPlotsAsync"));
  exports.Set("PlotExtractor", PlotExtractorWrap::Define(env));
}

}  // namespace lookout
