// Reading JS arguments for the kernels: TypedArrays and numbers checked at the boundary, every
// misuse thrown as a TypeError or RangeError with a message (no C++ exceptions are enabled).
#pragma once
#include <napi.h>

#include <vector>

#include "../kernels/common.h"

namespace lookout {

inline bool throwStatus(Napi::Env env, const Status& s) {
  if (s.ok()) return true;
  if (s.kind == Status::Type) Napi::TypeError::New(env, s.message).ThrowAsJavaScriptException();
  else Napi::RangeError::New(env, s.message).ThrowAsJavaScriptException();
  return false;
}

inline bool typeError(Napi::Env env, const std::string& m) {
  Napi::TypeError::New(env, m).ThrowAsJavaScriptException();
  return false;
}

inline bool getVideo(Napi::Env env, Napi::Value v, const char* name, Video* out) {
  if (v.IsTypedArray()) {
    Napi::TypedArray ta = v.As<Napi::TypedArray>();
    switch (ta.TypedArrayType()) {
      case napi_uint8_array: {
        auto a = v.As<Napi::Uint8Array>();
        *out = Video{Dtype::U8, a.Data(), a.ElementLength()};
        return true;
      }
      case napi_uint16_array: {
        auto a = v.As<Napi::Uint16Array>();
        *out = Video{Dtype::U16, a.Data(), a.ElementLength()};
        return true;
      }
      case napi_float32_array: {
        auto a = v.As<Napi::Float32Array>();
        *out = Video{Dtype::F32, a.Data(), a.ElementLength()};
        return true;
      }
      default:
        break;
    }
  }
  return typeError(env, std::string(name) + " must be a Uint8Array, Uint16Array or Float32Array");
}

template <typename T, napi_typedarray_type K>
inline bool getTyped(Napi::Env env, Napi::Value v, const char* name, const char* typeName, T** data, size_t* length) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != K) {
    return typeError(env, std::string(name) + " must be a " + typeName);
  }
  auto a = v.As<Napi::TypedArrayOf<T>>();
  *data = a.Data();
  *length = a.ElementLength();
  return true;
}

inline bool getU8(Napi::Env env, Napi::Value v, const char* name, uint8_t** d, size_t* n) {
  return getTyped<uint8_t, napi_uint8_array>(env, v, name, "Uint8Array", d, n);
}
inline bool getF32(Napi::Env env, Napi::Value v, const char* name, float** d, size_t* n) {
  return getTyped<float, napi_float32_array>(env, v, name, "Float32Array", d, n);
}
inline bool getF64(Napi::Env env, Napi::Value v, const char* name, double** d, size_t* n) {
  return getTyped<double, napi_float64_array>(env, v, name, "Float64Array", d, n);
}

inline bool getNumber(Napi::Env env, Napi::Value v, const char* name, double* out) {
  if (!v.IsNumber()) return typeError(env, std::string(name) + " must be a number");
  *out = v.As<Napi::Number>().DoubleValue();
  return true;
}

inline bool getObject(Napi::Env env, Napi::Value v, const char* name, Napi::Object* out) {
  if (!v.IsObject() || v.IsNull()) return typeError(env, std::string(name) + " must be an object");
  *out = v.As<Napi::Object>();
  return true;
}

// An optional number property: absent (undefined or null) leaves *present false.
inline bool optNumber(Napi::Env env, Napi::Object o, const char* key, double* out, bool* present) {
  Napi::Value v = o.Get(key);
  if (env.IsExceptionPending()) return false;
  if (v.IsUndefined() || v.IsNull()) {
    *present = false;
    return true;
  }
  *present = true;
  return getNumber(env, v, key, out);
}

inline bool reqNumber(Napi::Env env, Napi::Object o, const char* key, double* out) {
  Napi::Value v = o.Get(key);
  if (env.IsExceptionPending()) return false;
  return getNumber(env, v, key, out);
}

// An optional Float32Array property; *ref keeps it alive for an async call.
inline bool optF32(Napi::Env env, Napi::Object o, const char* key, float** d, size_t* n, Napi::Value* keep) {
  Napi::Value v = o.Get(key);
  if (env.IsExceptionPending()) return false;
  if (v.IsUndefined() || v.IsNull()) {
    *d = nullptr;
    *n = 0;
    return true;
  }
  if (keep) *keep = v;
  return getF32(env, v, key, d, n);
}

inline bool getString(Napi::Env env, Napi::Object o, const char* key, std::string* out) {
  Napi::Value v = o.Get(key);
  if (env.IsExceptionPending()) return false;
  if (!v.IsString()) return typeError(env, std::string(key) + " must be a string");
  *out = v.As<Napi::String>().Utf8Value();
  return true;
}

// Keeps the JS values of an async call referenced until its promise settles.
class KeepAlive {
 public:
  void add(Napi::Value v) {
    if (v.IsObject()) refs_.push_back(Napi::Persistent(v.As<Napi::Object>()));
  }

 private:
  std::vector<Napi::ObjectReference> refs_;
};

// A promise-returning worker: Execute runs `work` on the thread pool and touches no JS value.
template <typename Work>
class PromiseWorker : public Napi::AsyncWorker {
 public:
  PromiseWorker(Napi::Env env, Work work, KeepAlive keep)
      : Napi::AsyncWorker(env, "lookout:detect"), deferred_(Napi::Promise::Deferred::New(env)), work_(std::move(work)), keep_(std::move(keep)) {}
  Napi::Promise Promise() { return deferred_.Promise(); }
  void Execute() override { result_ = work_(); }
  void OnOK() override { deferred_.Resolve(Napi::Number::New(Env(), result_)); }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  Work work_;
  KeepAlive keep_;
  double result_ = 0;
};

template <typename Work>
Napi::Value queuePromise(Napi::Env env, Work work, KeepAlive keep) {
  auto* w = new PromiseWorker<Work>(env, std::move(work), std::move(keep));
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

}  // namespace lookout
