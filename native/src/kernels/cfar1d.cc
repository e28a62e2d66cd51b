#include "cfar1d.h"

#include <algorithm>
#include <cstring>

namespace lookout {

Status checkCfar1d(const Video& in, double rows, double cols, const Cfar1dArgs& a, size_t outLength,
                   int64_t* r, int64_t* c, Cfar1dPlan* plan) {
  Status s = checkDims(rows, cols, r, c);
  if (!s.ok()) return s;
  if (!(s = checkLength("input", in.length, *r * *c)).ok()) return s;
  if (!(s = checkLength("out", outLength, *r * *c)).ok()) return s;
  int64_t guard = 0, train = 0, k = 0;
  if (!(s = checkInt("guard", a.guard, 0, 2147483647.0, &guard)).ok()) return s;
  if (!(s = checkInt("train", a.train, 1, 2147483647.0, &train)).ok()) return s;
  if (2 * (guard + train) + 1 > *c) {
    char buf[200];
    snprintf(buf, sizeof buf, "guard %lld and train %lld do not fit in %lld cells (need 2 x (guard + train) + 1 <= cols)",
             static_cast<long long>(guard), static_cast<long long>(train), static_cast<long long>(*c));
    return Status::range(buf);
  }
  if (a.method == Cfar1dMethod::OS) {
    if (!a.hasK) return Status::type("k must be a number");
    if (!(s = checkInt("k", a.k, 1, static_cast<double>(2 * train), &k)).ok()) return s;
  }
  if (!(s = checkPositive("scale", a.scale)).ok()) return s;
  if (!(s = checkLut(a.lut, a.lutLength, in.type)).ok()) return s;
  if (!(s = checkNonNegative("minThreshold", a.minThreshold)).ok()) return s;
  if (a.clutterMap && !(s = checkLength("clutterMap", a.clutterLength, *r * *c)).ok()) return s;
  if (!(s = checkNonNegative("clutterScale", a.clutterScale)).ok()) return s;
  plan->method = a.method;
  plan->guard = static_cast<int>(guard);
  plan->train = static_cast<int>(train);
  plan->k = static_cast<int>(k);
  double f = a.method == Cfar1dMethod::CA ? a.scale / (2.0 * static_cast<double>(train))
             : a.method == Cfar1dMethod::OS ? a.scale
                                            : a.scale / static_cast<double>(train);
  plan->factor = static_cast<float>(f);
  plan->minThreshold = static_cast<float>(a.minThreshold);
  plan->clutterScale = static_cast<float>(a.clutterScale);
  plan->lut = a.lut;
  plan->clutterMap = a.clutterMap;
  return Status{};
}

namespace {

// W[i] = sum of p[i .. i+T) for i in [0, n-T]: blocks of 2^b cells by doubling, then T's set
// bits from the highest down. Every loop is a plain vectorisable pass; a running sum would be
// one long dependency chain (4 cycles a cell) and would not match the TS twin's order.
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

// CA/GO/SO thresholds and comparisons for one row; returns the detections.
LOOKOUT_CLONES uint32_t compareRow(Cfar1dMethod method, const float* __restrict L, const float* __restrict R, const float* __restrict pc,
                                   const float* __restrict cm, float kf, float mf, float csf, int n, uint8_t* __restrict oc) {
  uint32_t cnt = 0;
  if (method == Cfar1dMethod::CA && !cm) {
    for (int i = 0; i < n; ++i) {
      float s = L[i] + R[i];
      float thr = s * kf;
      thr = thr < mf ? mf : thr;
      uint8_t d = pc[i] > thr;
      oc[i] = d;
      cnt += d;
    }
    return cnt;
  }
  for (int i = 0; i < n; ++i) {
    float thr;
    if (method == Cfar1dMethod::CA) {
      float s = L[i] + R[i];
      thr = s * kf;
    } else if (method == Cfar1dMethod::GO) {
      thr = (L[i] > R[i] ? L[i] : R[i]) * kf;
    } else {
      thr = (L[i] < R[i] ? L[i] : R[i]) * kf;
    }
    thr = thr < mf ? mf : thr;
    if (cm) {
      float ct = cm[i] * csf;
      thr = thr < ct ? ct : thr;
    }
    uint8_t d = pc[i] > thr;
    oc[i] = d;
    cnt += d;
  }
  return cnt;
}

// k-th smallest (1-based) reference code of each of `n` consecutive cells starting at `c0`,
// by a bitwise binary search on the code: the largest v with fewer than k references below it.
// Branchless and vectorised across 32 cells (one AVX2 or two SSE2 registers per reference);
// measured about 3x the sliding-histogram version on noise, whose pointer walks mispredict.
constexpr int kOsBlock = 32;
LOOKOUT_CLONES void kthCodes(const uint8_t* codes, int c0, int n, int g, int T, int k, uint8_t* result) {
  uint8_t res[kOsBlock] = {0};
  const uint8_t kk = static_cast<uint8_t>(k);
  for (int bit = 128; bit >= 1; bit >>= 1) {
    uint8_t cand[kOsBlock], cnt[kOsBlock] = {0};
    for (int l = 0; l < kOsBlock; ++l) cand[l] = static_cast<uint8_t>(res[l] | bit);
    for (int j = 0; j < T; ++j) {
      const uint8_t* a = codes + c0 - g - T + j;
      const uint8_t* b = codes + c0 + g + 1 + j;
      for (int l = 0; l < kOsBlock; ++l) cnt[l] = static_cast<uint8_t>(cnt[l] + (a[l] < cand[l]) + (b[l] < cand[l]));
    }
    for (int l = 0; l < kOsBlock; ++l) res[l] = cnt[l] < kk ? cand[l] : res[l];
  }
  for (int l = 0; l < n; ++l) result[l] = res[l];
}

inline float orderValue(float x) { return x != x ? INFINITY : x; }

// Moves x out of the sorted window and y into it, keeping it sorted: the positions are counts
// (branch-free, vectorisable) and the move a short copy, instead of a binary search and a
// data-dependent shifting loop that mispredicted on every cell (4 -> 16 Mcells/s on noise;
// a single merge pass for both updates measured slower still, 8 Mcells/s).
inline void replaceSorted(float* win, int n, float x, float y) {
  int i = 0, p = 0;
  for (int j = 0; j < n; ++j) {
    i += win[j] < x;
    p += win[j] < y;
  }
  if (i >= n) i = n - 1;  // unreachable for a consistent window; keeps any input memory-safe
  if (p > i) {
    for (int j = i; j < p - 1; ++j) win[j] = win[j + 1];
    win[p - 1] = y;
  } else {
    for (int j = i; j > p; --j) win[j] = win[j - 1];
    win[p] = y;
  }
}

// OS on float power (or a table that is not monotone) for one row: a sorted window of the N
// reference cells, two cells out and two in per step.
LOOKOUT_CLONES uint32_t osSortedRow(const float* pp, int first, int last, int g, int T, int k, float kf, float mf, float csf, const float* cm,
                                    float* w, uint8_t* o) {
  const int N = 2 * T;
  uint32_t cnt = 0;
  for (int j = 0; j < T; ++j) {
    w[j] = orderValue(pp[first - g - T + j]);
    w[T + j] = orderValue(pp[first + g + 1 + j]);
  }
  std::sort(w, w + N);
  for (int c = first;; ++c) {
    float thr = w[k - 1] * kf;
    thr = thr < mf ? mf : thr;
    if (cm) {
      float ct = cm[c] * csf;
      thr = thr < ct ? ct : thr;
    }
    uint8_t d = pp[c] > thr;
    o[c] = d;
    cnt += d;
    if (c == last) break;
    replaceSorted(w, N, orderValue(pp[c - g - T]), orderValue(pp[c - g]));
    replaceSorted(w, N, orderValue(pp[c + g + 1]), orderValue(pp[c + g + T + 1]));
  }
  return cnt;
}

bool monotoneLut(const float* lut) {
  if (lut[0] != lut[0]) return false;
  for (int i = 1; i < 256; ++i) if (!(lut[i] >= lut[i - 1])) return false;
  return true;
}

}  // namespace

uint32_t runCfar1d(const Video& in, int64_t rows64, int64_t cols64, const Cfar1dPlan& plan, uint8_t* out) {
  const int rows = static_cast<int>(rows64);
  const int cols = static_cast<int>(cols64);
  const int g = plan.guard, T = plan.train, N = 2 * T;
  const float kf = plan.factor, mf = plan.minThreshold, csf = plan.clutterScale;
  const int first = g + T, last = cols - g - T - 1;
  // One scratch block for the power row, the window sums and the doubling blocks, each array
  // 64 floats further than a multiple of the row so that no two start 4 KiB apart: with
  // 1024-cell rows, separate 4 KiB vectors made loads wait on unrelated stores (4K aliasing).
  int hb = 0;
  while ((1 << (hb + 1)) <= T) ++hb;
  const size_t stride = (static_cast<size_t>(cols) + 31) / 32 * 32 + 64 + 16;
  std::vector<float> scratch(stride * static_cast<size_t>(hb + 3));
  float* const pbuf = scratch.data();
  float* const Wbuf = scratch.data() + stride;
  float* blocks[32];
  for (int b = 0; b <= hb; ++b) blocks[b] = scratch.data() + stride * static_cast<size_t>(b + 2);
  std::vector<float> win(N);
  // OS on 8-bit codes with a monotone table (or none): the k-th smallest power is the power of
  // the k-th smallest code. The count fits a byte (N <= 255) for the block search.
  const bool codeOs = plan.method == Cfar1dMethod::OS && in.type == Dtype::U8 && N <= 255 && (!plan.lut || monotoneLut(plan.lut));
  std::vector<uint8_t> padded, kth;
  if (codeOs) {
    padded.assign(static_cast<size_t>(cols) + kOsBlock, 0);
    kth.assign(static_cast<size_t>(cols) + kOsBlock, 0);
  }
  uint32_t detections = 0;
  // CA/GO/SO write every tested cell and zero the edges row by row; OS paths start from zeros.
  if (plan.method == Cfar1dMethod::OS || first > last) std::memset(out, 0, static_cast<size_t>(rows) * cols);
  if (first > last) return 0;
  const int n = last - first + 1;
  for (int r = 0; r < rows; ++r) {
    const size_t off = static_cast<size_t>(r) * cols;
    uint8_t* __restrict o = out + off;
    const float* cm = plan.clutterMap ? plan.clutterMap + off : nullptr;
    uint32_t cnt = 0;
    if (plan.method != Cfar1dMethod::OS) {
      powerRow(in, plan.lut, off, cols, pbuf);
      const float* sums = windowSums(pbuf, cols, T, Wbuf, blocks);
      std::memset(o, 0, first);
      std::memset(o + last + 1, 0, cols - last - 1);
      cnt = compareRow(plan.method, sums + (first - g - T), sums + (first + g + 1), pbuf + first, cm ? cm + first : nullptr, kf, mf, csf, n, o + first);
    } else if (codeOs) {
      // Codes copied into a buffer padded past the end, so the last block reads no further.
      const uint8_t* codes = static_cast<const uint8_t*>(in.data) + off;
      std::memcpy(padded.data(), codes, cols);
      for (int c = first; c <= last; c += kOsBlock) kthCodes(padded.data(), c, std::min(kOsBlock, last - c + 1), g, T, plan.k, kth.data() + c);
      for (int c = first; c <= last; ++c) {
        const uint8_t code = kth[c];
        const float v = plan.lut ? plan.lut[code] : static_cast<float>(code);
        float thr = v * kf;
        thr = thr < mf ? mf : thr;
        if (cm) {
          float ct = cm[c] * csf;
          thr = thr < ct ? ct : thr;
        }
        const float pc = plan.lut ? plan.lut[codes[c]] : static_cast<float>(codes[c]);
        uint8_t d = pc > thr;
        o[c] = d;
        cnt += d;
      }
    } else {
      powerRow(in, plan.lut, off, cols, pbuf);
      cnt = osSortedRow(pbuf, first, last, g, T, plan.k, kf, mf, csf, cm, win.data(), o);
    }
    detections += cnt;
  }
  return detections;
}

}  // namespace lookout
