// Eight 32-bit (or four 64-bit) lanes through the compiler's vector extension (g++ and clang, any target: one
// AVX2 register in the AVX2 clones, two SSE2 or NEON registers elsewhere), for loops whose
// plain form the auto-vectoriser keeps spilling to the stack. Used only inside functions of
// one translation unit, so the AVX ABI note GCC gives for returning them does not apply.
#pragma once
#include <cstdint>
#include <cstring>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace lookout {

typedef float f32x8 __attribute__((vector_size(32)));
typedef int32_t i32x8 __attribute__((vector_size(32)));
typedef double f64x4 __attribute__((vector_size(32)));
typedef int64_t i64x4 __attribute__((vector_size(32)));

inline f32x8 load8(const float* p) {
  f32x8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline void store8(float* p, f32x8 v) { std::memcpy(p, &v, sizeof v); }

inline f64x4 load4(const double* p) {
  f64x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace lookout
