// Window sums by doubling, shared by the 1-D CA/GO/SO and the 2-D CA (their TypeScript twin is
// windowSums in agent/src/detect/reference/cfar1d.ts). Header-only with internal linkage, so
// each kernel (and each fuzz harness) builds alone.
#pragma once
#include "common.h"

namespace lookout {
namespace {

// W[i] = sum of p[i .. i+T) for i in [0, n-T]: blocks of 2^b cells by doubling, then T's set
// bits from the highest down. Every loop is a plain vectorisable pass; a running sum would be
// one long dependency chain (4 cycles a cell) and would not match the TS twin's order.
// `blocks[b]` (1 <= b <= log2 T) are scratch rows of at least n floats; the sums are in W or,
// when T is a power of two, in blocks[log2 T] (the returned pointer).
LOOKOUT_CLONES const float* windowSums(const float* p, int n, int T, float* W, float* const* blocks) {
  int hb = 0;
  while ((1 << (hb + 1)) <= T) ++hb;
  const float* prev = p;
  for (int b = 1; b <= hb; ++b) {
    const int half = 1 << (b - 1);
    const int end = n - (1 << b);
    float* __restrict dst = blocks[b];
    const float* __restrict src = prev;
    for (int i = 0; i <= end; ++i) dst[i] = src[i] + src[i + half];
    prev = blocks[b];
  }
  const int last = n - T;
  const float* top = hb == 0 ? p : blocks[hb];
  // T a power of two: the top block is the window sum, no copy. Otherwise the first remaining
  // bit's add reads the top block and writes W (same order as copy-then-add).
  const float* acc = top;
  int offset = 1 << hb;
  for (int b = hb - 1; b >= 0; --b) {
    if ((T & (1 << b)) == 0) continue;
    const float* __restrict blk = (b == 0 ? p : blocks[b]) + offset;
    const float* __restrict a = acc;
    float* __restrict w = W;
    for (int i = 0; i <= last; ++i) w[i] = a[i] + blk[i];
    acc = W;
    offset += 1 << b;
  }
  return acc;
}

}  // namespace
}  // namespace lookout
