#include "cfar1d.h"
#include "simd.h"
#include "window.h"

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
  // The 1-D kernels work in float32: a scale that is 0 or +inf there has no meaning (and 0 x inf
  // would be NaN), so it must be a float32 number.
  if (a.scale < 0x1p-149 || a.scale > 3.4028234663852886e38) {
    char buf[160];
    snprintf(buf, sizeof buf, "scale must be within float32's range [1.4e-45, 3.4e38], got %.17g", a.scale);
    return Status::range(buf);
  }
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

// OS decides without finding the k-th smallest reference x(k): the cell is over kf * x(k) when
// at least k references x have kf * x below it. kf * x (float, NaN as +inf) does not decrease
// as x grows, since rounding is monotone, so the references that pass are the smallest ones:
// the count reaches k exactly when x(k) passes. One counting pass over the window per cell,
// vectorised across the cells of a block, instead of a sorted window (data-dependent moves
// that mispredict) or a search; the same decision as the twin's sort-and-pick, bit for bit.

inline float orderValue(float x) { return x != x ? INFINITY : x; }

// Both paths decide a block of cells at once: counted (at least k references pass) and over
// the floor; lanes l >= n are computed on padding and not written. The clutter map, when
// there is one, then clears the few detections under it (in runCfar1d).

// Float power: kx[i] = kf * x[i] for the row; per cell, the number of the 2T references with
// kx below the cell's power.
constexpr int kOsFloatBlock = 16;
LOOKOUT_CLONES uint32_t osBlockFloat(const float* kx, const float* p, int c0, int g, int T, int k, float mf, int n, uint8_t* __restrict o) {
  const f32x8 p0 = load8(p + c0), p1 = load8(p + c0 + 8);
  i32x8 n0 = {}, n1 = {};  // minus the counts: a true comparison is -1
  const float* a = kx + c0 - g - T;
  const float* b = kx + c0 + g + 1;
  for (int j = 0; j < T; ++j) {
    n0 += (load8(a + j) < p0) + (load8(b + j) < p0);
    n1 += (load8(a + j + 8) < p1) + (load8(b + j + 8) < p1);
  }
  const i32x8 d0 = (-n0 >= k) & (p0 > mf), d1 = (-n1 >= k) & (p1 > mf);
  uint32_t detections = 0;
  for (int l = 0; l < n; ++l) {
    const uint8_t d = static_cast<uint8_t>((l < 8 ? d0[l] : d1[l - 8]) & 1);
    o[l] = d;
    detections += d;
  }
  return detections;
}

// 8-bit codes through a table that keeps kf * power non-decreasing in the code: the references
// with kf * power below the cell's power are the codes up to lim (of the cell's code), so the
// count is a byte compare, 32 cells per block (one AVX2 or two SSE2 registers per reference).
// ok is 1 where the cell's code has such references and a power over the floor.
constexpr int kOsCodeBlock = 32;
inline uint32_t osDecideCodes(const uint8_t* codes, const uint8_t* __restrict lim, const uint8_t* __restrict ok, int c0, int g, int T, int k,
                              int n, uint8_t* __restrict o) {
  uint8_t cnt[kOsCodeBlock] = {0};
  for (int j = 0; j < T; ++j) {
    const uint8_t* __restrict a = codes + c0 - g - T + j;
    const uint8_t* __restrict b = codes + c0 + g + 1 + j;
    for (int l = 0; l < kOsCodeBlock; ++l) cnt[l] = static_cast<uint8_t>(cnt[l] + (a[l] <= lim[l]) + (b[l] <= lim[l]));
  }
  const uint8_t kk = static_cast<uint8_t>(k);
  uint8_t d[kOsCodeBlock];
  for (int l = 0; l < kOsCodeBlock; ++l) d[l] = static_cast<uint8_t>((cnt[l] >= kk) & ok[l]);
  uint32_t detections = 0;
  for (int l = 0; l < n; ++l) {
    o[l] = d[l];
    detections += d[l];
  }
  return detections;
}

// lim and ok of each cell looked up per code beforehand (limOfCell, okOfCell).
LOOKOUT_CLONES uint32_t osBlockCode(const uint8_t* codes, const uint8_t* limOfCell, const uint8_t* okOfCell, int c0, int g, int T, int k,
                                    int n, uint8_t* o) {
  return osDecideCodes(codes, limOfCell + c0, okOfCell + c0, c0, g, T, k, n, o);
}

// Log video, where the tables are a shift: lim = code - delta and ok = code >= okMin, computed
// in the block instead of looked up (the lookups cost more than the count).
LOOKOUT_CLONES uint32_t osBlockShift(const uint8_t* codes, uint8_t delta, uint8_t okMin, int c0, int g, int T, int k, int n, uint8_t* o) {
  uint8_t lim[kOsCodeBlock], ok[kOsCodeBlock];
  const uint8_t* __restrict cut = codes + c0;
  for (int l = 0; l < kOsCodeBlock; ++l) {
    lim[l] = static_cast<uint8_t>(cut[l] - delta);
    ok[l] = cut[l] >= okMin;
  }
  return osDecideCodes(codes, lim, ok, c0, g, T, k, n, o);
}

// Tables for the code path: lim[code] = the largest code v with kf * power(v) < power(code), and
// ok[code] = 1 when there is one and power(code) is over the floor mf. False when kf * power is
// not non-decreasing over the codes (a table out of order, NaN, or 0 x inf): then the float
// path decides. `shift` when lim is code - delta wherever ok, and ok is code >= okMin, as it is
// for log video: power(v) = c x 10^(v x dB per count / 10) makes kf * power(v) < power(code)
// a fixed offset in codes.
struct OsCodeTables {
  uint8_t lim[256], ok[256];
  bool shift;
  uint8_t delta, okMin;
};

bool osCodeTables(const float* lut, float kf, float mf, OsCodeTables* t) {
  float kx[256], pw[256];
  for (int v = 0; v < 256; ++v) {
    pw[v] = lut ? lut[v] : static_cast<float>(v);
    kx[v] = kf * pw[v];
    if (kx[v] != kx[v] || (v > 0 && !(kx[v] >= kx[v - 1]))) return false;
  }
  for (int code = 0; code < 256; ++code) {
    int q = 0;  // the codes v < q, and only those, have kx[v] < pw[code]
    for (int v = 0; v < 256; ++v) q += kx[v] < pw[code];
    t->lim[code] = static_cast<uint8_t>(q > 0 ? q - 1 : 0);
    t->ok[code] = (q > 0) & (pw[code] > mf);
  }
  int okMin = 256, delta = -1;
  t->shift = true;
  for (int code = 0; code < 256 && t->shift; ++code) {
    if (!t->ok[code]) {
      t->shift = okMin == 256;  // ok must be 0 below okMin and 1 from it on
      continue;
    }
    if (okMin == 256) {
      okMin = code;
      delta = code - t->lim[code];
    }
    t->shift = code - t->lim[code] == delta;
  }
  t->shift = t->shift && okMin < 256 && delta >= 0;
  t->delta = static_cast<uint8_t>(t->shift ? delta : 0);
  t->okMin = static_cast<uint8_t>(t->shift ? okMin : 0);
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
  // OS: kf * power of each cell of the row (float path), or the code tables (code path).
  float* const kxbuf = Wbuf;
  OsCodeTables tables{};
  const bool codeOs = plan.method == Cfar1dMethod::OS && in.type == Dtype::U8 && N <= 255 && osCodeTables(plan.lut, kf, mf, &tables);
  std::vector<uint8_t> padded, limOfCell, okOfCell;
  if (codeOs) {
    // Codes, limits and flags in buffers padded past the end, so the last block reads no
    // further (and reads defined bytes).
    padded.assign(static_cast<size_t>(cols) + kOsCodeBlock, 0);
    if (!tables.shift) {
      limOfCell.assign(static_cast<size_t>(cols) + kOsCodeBlock, 0);
      okOfCell.assign(static_cast<size_t>(cols) + kOsCodeBlock, 0);
    }
  }
  uint32_t detections = 0;
  if (first > last) {
    std::memset(out, 0, static_cast<size_t>(rows) * cols);
    return 0;
  }
  const int n = last - first + 1;
  for (int r = 0; r < rows; ++r) {
    const size_t off = static_cast<size_t>(r) * cols;
    uint8_t* __restrict o = out + off;
    const float* cm = plan.clutterMap ? plan.clutterMap + off : nullptr;
    uint32_t cnt = 0;
    // Every tested cell is written; the edges are not tested.
    std::memset(o, 0, first);
    std::memset(o + last + 1, 0, cols - last - 1);
    if (plan.method != Cfar1dMethod::OS) {
      powerRow(in, plan.lut, off, cols, pbuf);
      const float* sums = windowSums(pbuf, cols, T, Wbuf, blocks);
      cnt = compareRow(plan.method, sums + (first - g - T), sums + (first + g + 1), pbuf + first, cm ? cm + first : nullptr, kf, mf, csf, n, o + first);
      detections += cnt;
      continue;
    }
    if (codeOs) {
      const uint8_t* codes = static_cast<const uint8_t*>(in.data) + off;
      std::memcpy(padded.data(), codes, cols);
      if (tables.shift) {
        for (int c0 = first; c0 <= last; c0 += kOsCodeBlock)
          cnt += osBlockShift(padded.data(), tables.delta, tables.okMin, c0, g, T, plan.k, std::min(kOsCodeBlock, last - c0 + 1), o + c0);
      } else {
        for (int c = first; c <= last; ++c) {
          limOfCell[c] = tables.lim[codes[c]];
          okOfCell[c] = tables.ok[codes[c]];
        }
        for (int c0 = first; c0 <= last; c0 += kOsCodeBlock)
          cnt += osBlockCode(padded.data(), limOfCell.data(), okOfCell.data(), c0, g, T, plan.k, std::min(kOsCodeBlock, last - c0 + 1), o + c0);
      }
      if (cm) powerRow(in, plan.lut, off, cols, pbuf);
    } else {
      // The row and its kf * power padded with zeros past the end for the last block.
      powerRow(in, plan.lut, off, cols, pbuf);
      for (int i = 0; i < cols; ++i) kxbuf[i] = kf * orderValue(pbuf[i]);
      for (int i = cols; i < cols + kOsFloatBlock; ++i) pbuf[i] = kxbuf[i] = 0.0f;
      for (int c0 = first; c0 <= last; c0 += kOsFloatBlock)
        cnt += osBlockFloat(kxbuf, pbuf, c0, g, T, plan.k, mf, std::min(kOsFloatBlock, last - c0 + 1), o + c0);
    }
    // The clutter level clears the detections under it (a NaN level raises nothing, as in the
    // twin's `thr < ct`).
    if (cm) {
      for (int c = first; c <= last; ++c) {
        if (!o[c]) continue;
        const float ct = cm[c] * csf;
        if (ct == ct && !(pbuf[c] > ct)) {
          o[c] = 0;
          --cnt;
        }
      }
    }
    detections += cnt;
  }
  return detections;
}

}  // namespace lookout
