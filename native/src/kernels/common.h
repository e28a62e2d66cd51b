// Plain C++ shared by the kernels: no Node-API here, so the fuzz harnesses link the kernels alone.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

// Hot loops are compiled twice on x86-64 (baseline SSE2 and AVX2) and picked at load time by
// the CPU: portable binaries, no -march=native. Other targets get the plain loop.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(LOOKOUT_NO_CLONES)
#define LOOKOUT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LOOKOUT_CLONES
#endif

namespace lookout {

enum class Dtype { U8, U16, F32 };

// A view of the caller's video; the kernels never own or free it.
struct Video {
  Dtype type = Dtype::U8;
  const void* data = nullptr;
  size_t length = 0;
};

// The result of an argument check: ok, or the JS error class to throw and its message.
struct Status {
  enum Kind { Ok, Type, Range } kind = Ok;
  std::string message;
  bool ok() const { return kind == Ok; }
  static Status range(std::string m) { return Status{Range, std::move(m)}; }
  static Status type(std::string m) { return Status{Type, std::move(m)}; }
};

// Every number from JS arrives as a double; this checks it is an integer in [lo, hi].
inline Status checkInt(const char* name, double v, double lo, double hi, int64_t* out) {
  if (!std::isfinite(v) || v != std::floor(v) || v < lo || v > hi) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s must be an integer in [%.0f, %.0f], got %.17g", name, lo, hi, v);
    return Status::range(buf);
  }
  *out = static_cast<int64_t>(v);
  return Status{};
}

inline Status checkDims(double rows, double cols, int64_t* r, int64_t* c) {
  Status s = checkInt("rows", rows, 1, 2147483647.0, r);
  if (!s.ok()) return s;
  s = checkInt("cols", cols, 1, 2147483647.0, c);
  if (!s.ok()) return s;
  if (*r * *c > 2147483647LL) return Status::range("rows x cols must be < 2^31");
  return Status{};
}

inline Status checkLength(const char* name, size_t have, int64_t want) {
  if (static_cast<int64_t>(have) != want) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s has %zu elements, expected %lld", name, have, static_cast<long long>(want));
    return Status::range(buf);
  }
  return Status{};
}

inline Status checkLut(const float* lut, size_t lutLength, Dtype type) {
  if (lut == nullptr) return Status{};
  if (type == Dtype::F32) return Status::type("lut cannot be used with Float32Array video (already linear power)");
  size_t need = type == Dtype::U8 ? 256 : 65536;
  if (lutLength != need) {
    char buf[160];
    snprintf(buf, sizeof buf, "lut has %zu entries, expected %zu for %s video", lutLength, need,
             type == Dtype::U8 ? "Uint8Array" : "Uint16Array");
    return Status::range(buf);
  }
  return Status{};
}

inline Status checkNonNegative(const char* name, double v) {
  if (!std::isfinite(v) || v < 0) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s must be a finite number >= 0, got %.17g", name, v);
    return Status::range(buf);
  }
  return Status{};
}

inline Status checkPositive(const char* name, double v) {
  if (!std::isfinite(v) || v <= 0) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s must be a finite number > 0, got %.17g", name, v);
    return Status::range(buf);
  }
  return Status{};
}

// Linear power of `n` cells from offset `off` into p (float32), through the LUT if any.
inline void powerRow(const Video& v, const float* lut, size_t off, size_t n, float* p) {
  if (v.type == Dtype::U8) {
    const uint8_t* s = static_cast<const uint8_t*>(v.data) + off;
    if (lut) {
      // Four independent gathers per step: the table stays in L1 and the loop is load-bound.
      size_t i = 0;
      for (; i + 4 <= n; i += 4) {
        const float a = lut[s[i]], b = lut[s[i + 1]], c = lut[s[i + 2]], d = lut[s[i + 3]];
        p[i] = a;
        p[i + 1] = b;
        p[i + 2] = c;
        p[i + 3] = d;
      }
      for (; i < n; ++i) p[i] = lut[s[i]];
    }
    else for (size_t i = 0; i < n; ++i) p[i] = static_cast<float>(s[i]);
  } else if (v.type == Dtype::U16) {
    const uint16_t* s = static_cast<const uint16_t*>(v.data) + off;
    if (lut) for (size_t i = 0; i < n; ++i) p[i] = lut[s[i]];
    else for (size_t i = 0; i < n; ++i) p[i] = static_cast<float>(s[i]);
  } else {
    const float* s = static_cast<const float*>(v.data) + off;
    for (size_t i = 0; i < n; ++i) p[i] = s[i];
  }
}

inline float powerAt(const Video& v, const float* lut, size_t i) {
  if (v.type == Dtype::U8) {
    uint8_t x = static_cast<const uint8_t*>(v.data)[i];
    return lut ? lut[x] : static_cast<float>(x);
  }
  if (v.type == Dtype::U16) {
    uint16_t x = static_cast<const uint16_t*>(v.data)[i];
    return lut ? lut[x] : static_cast<float>(x);
  }
  return static_cast<const float*>(v.data)[i];
}

}  // namespace lookout
