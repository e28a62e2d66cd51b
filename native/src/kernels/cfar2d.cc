#include "cfar2d.h"
#include "simd.h"
#include "window.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace lookout {

Status checkCfar2d(const Video& in, double rows, double cols, const Cfar2dArgs& a, size_t outLength,
                   int64_t* r, int64_t* c, Cfar2dPlan* plan) {
  Status s = checkDims(rows, cols, r, c);
  if (!s.ok()) return s;
  if (!(s = checkLength("input", in.length, *r * *c)).ok()) return s;
  if (!(s = checkLength("out", outLength, *r * *c)).ok()) return s;
  int64_t gr = 0, gd = 0, tr = 0, td = 0, k = 0;
  const double big = 2147483647.0;
  if (!(s = checkInt("guardRange", a.guardRange, 0, big, &gr)).ok()) return s;
  if (!(s = checkInt("guardDoppler", a.guardDoppler, 0, big, &gd)).ok()) return s;
  if (!(s = checkInt("trainRange", a.trainRange, 0, big, &tr)).ok()) return s;
  if (!(s = checkInt("trainDoppler", a.trainDoppler, 0, big, &td)).ok()) return s;
  char buf[200];
  if (2 * (gr + tr) + 1 > *r) {
    snprintf(buf, sizeof buf, "guardRange %lld and trainRange %lld do not fit in %lld range bins (need 2 x (guard + train) + 1 <= rows)",
             static_cast<long long>(gr), static_cast<long long>(tr), static_cast<long long>(*r));
    return Status::range(buf);
  }
  if (2 * (gd + td) + 1 > *c) {
    snprintf(buf, sizeof buf, "guardDoppler %lld and trainDoppler %lld do not fit in %lld Doppler bins (need 2 x (guard + train) + 1 <= cols)",
             static_cast<long long>(gd), static_cast<long long>(td), static_cast<long long>(*c));
    return Status::range(buf);
  }
  if (*r * (*c + 2 * (gd + td)) > 2147483647LL) return Status::range("rows x (cols + 2 x (guardDoppler + trainDoppler)) must be < 2^31 (the map padded for the Doppler wrap)");
  const int64_t n = (2 * (gr + tr) + 1) * (2 * (gd + td) + 1) - (2 * gr + 1) * (2 * gd + 1);
  if (n < 1) return Status::range("trainRange and trainDoppler are both 0: no reference cells");
  if (a.method == Cfar2dMethod::OS) {
    if (!a.hasK) return Status::type("k must be a number");
    if (!(s = checkInt("k", a.k, 1, static_cast<double>(n), &k)).ok()) return s;
  }
  if (!(s = checkPositive("scale", a.scale)).ok()) return s;
  if (!(s = checkLut(a.lut, a.lutLength, in.type)).ok()) return s;
  if (!(s = checkNonNegative("minThreshold", a.minThreshold)).ok()) return s;
  *plan = Cfar2dPlan{a.method, static_cast<int>(gr), static_cast<int>(gd), static_cast<int>(tr), static_cast<int>(td),
                     static_cast<int>(k), static_cast<int>(n), a.scale, a.minThreshold, a.lut};
  return Status{};
}

namespace {

// thr[c] = kf x (outer - inner) for c in [0, hs): outer = the Doppler sums Ho of nOuter range
// bins added top down (from zero: 0 + x is x), inner likewise from Hi; all float32, in the
// twin's order. Rows are `stride` floats apart; hs is a multiple of 32.
LOOKOUT_CLONES void rangeThresholds(const float* Ho, const float* Hi, size_t stride, size_t hs, int nOuter, int nInner, float kf, float* thr) {
  for (size_t c0 = 0; c0 < hs; c0 += 32) {
    f32x8 o0 = {}, o1 = {}, o2 = {}, o3 = {}, i0 = {}, i1 = {}, i2 = {}, i3 = {};
    const float* h = Ho + c0;
    for (int i = 0; i < nOuter; ++i, h += stride) {
      o0 = o0 + load8(h);
      o1 = o1 + load8(h + 8);
      o2 = o2 + load8(h + 16);
      o3 = o3 + load8(h + 24);
    }
    h = Hi + c0;
    for (int i = 0; i < nInner; ++i, h += stride) {
      i0 = i0 + load8(h);
      i1 = i1 + load8(h + 8);
      i2 = i2 + load8(h + 16);
      i3 = i3 + load8(h + 24);
    }
    const f32x8 t0 = (o0 - i0) * kf, t1 = (o1 - i1) * kf, t2 = (o2 - i2) * kf, t3 = (o3 - i3) * kf;
    store8(thr + c0, t0);
    store8(thr + c0 + 8, t1);
    store8(thr + c0 + 16, t2);
    store8(thr + c0 + 24, t3);
  }
}

// A detection where the power is over the threshold and over the floor; `mf` is the float
// floor with (x > mf) exactly when (double)x > the configured floor.
LOOKOUT_CLONES uint32_t decideRow(const float* __restrict pc, const float* __restrict thr, float mf, int n, uint8_t* __restrict o) {
  uint32_t cnt = 0;
  for (int c = 0; c < n; ++c) {
    const uint8_t d = static_cast<uint8_t>((pc[c] > thr[c]) & (pc[c] > mf));
    o[c] = d;
    cnt += d;
  }
  return cnt;
}

// For the cells c0 .. c0 + kOs2dBlock - 1 of row r: how many of their reference cells have
// kx below the cell's power pc. Column j of the padded row holds the window column c - D + j.
constexpr int kOs2dBlock = 8;
LOOKOUT_CLONES void os2dCounts(const double* kx, size_t kstride, const double* __restrict pc, int r, int c0, int gr, int tr, int D,
                               int guardFrom, int guardTo, int32_t* counts) {
  const f64x4 p0 = load4(pc), p1 = load4(pc + 4);
  i64x4 n0 = {}, n1 = {};  // minus the counts: a true comparison is -1
  for (int rr = r - gr - tr; rr <= r + gr + tr; ++rr) {
    const double* seg = kx + static_cast<size_t>(rr) * kstride + c0;
    const bool guarded = (rr < r ? r - rr : rr - r) <= gr;
    // Columns [0, 2D], less the guard columns [guardFrom, guardTo] in the guard rows.
    const int end1 = guarded ? guardFrom : 2 * D + 1, from2 = guarded ? guardTo + 1 : 2 * D + 1;
    for (int j = 0; j < end1; ++j) {
      n0 += load4(seg + j) < p0;
      n1 += load4(seg + j + 4) < p1;
    }
    for (int j = from2; j <= 2 * D; ++j) {
      n0 += load4(seg + j) < p0;
      n1 += load4(seg + j + 4) < p1;
    }
  }
  for (int l = 0; l < 4; ++l) {
    counts[l] = static_cast<int32_t>(-n0[l]);
    counts[l + 4] = static_cast<int32_t>(-n1[l]);
  }
}

}  // namespace

uint32_t runCfar2d(const Video& in, int64_t rows64, int64_t cols64, const Cfar2dPlan& plan, uint8_t* out) {
  const int rows = static_cast<int>(rows64), cols = static_cast<int>(cols64);
  const int gr = plan.gr, gd = plan.gd, tr = plan.tr, td = plan.td;
  const int D = gd + td;
  const double m = plan.minThreshold;
  std::memset(out, 0, static_cast<size_t>(rows) * cols);
  const int r0 = gr + tr, r1 = rows - gr - tr - 1;
  uint32_t detections = 0;
  // Linear power: f32 video is used in place, codes go through the LUT (or are the power).
  std::vector<float> converted;
  const float* power = static_cast<const float*>(in.data);
  if (in.type != Dtype::F32) {
    converted.resize(static_cast<size_t>(rows) * cols);
    powerRow(in, plan.lut, 0, converted.size(), converted.data());
    power = converted.data();
  }
  if (plan.method == Cfar2dMethod::CA) {
    // Separable box sums in float32, as the 1-D CA sums: along Doppler, window sums of each row
    // padded by D columns each side for the wrap (outer 2D+1 columns, inner 2gd+1), by
    // doubling; along range, those sums added over the outer and inner range bins. O(log w + h)
    // per cell, and unlike a summed-area table of the whole map, no difference of two large
    // running totals, so a strong return only affects the windows it is in.
    const int wd = cols + 2 * D, wo = 2 * D + 1, wi = 2 * gd + 1;
    // The Doppler sums run on strips of whole padded rows of about 2048 floats, as one long
    // pass each (the sums that straddle two rows are computed and never used): short calls per
    // row cost more than the sums, and passes over the whole map spill out of L1.
    const int strip = std::max(1, 2048 / wd);
    const size_t sn = static_cast<size_t>(strip) * wd;
    // rangeThresholds reads whole blocks of 32 columns: up to hs columns into the last row, so
    // the sums end with defined floats past the map.
    const size_t hs = (static_cast<size_t>(cols) + 31) / 32 * 32;
    const size_t n = static_cast<size_t>(rows) * wd, len = n + hs + 32;
    int hb = 0;
    while ((1 << (hb + 1)) <= wo) ++hb;
    // Outer and inner sums of the whole map, the thresholds of a row, then for a strip: the
    // padded rows and the doubling blocks.
    std::unique_ptr<float[]> scratch(new float[2 * len + hs + sn * static_cast<size_t>(hb + 1)]);
    float* const Wo = scratch.get();
    float* const Wi = Wo + len;
    float* const thr = Wi + len;
    float* const pm = thr + hs;
    float* blocks[32];
    for (int b = 1; b <= hb; ++b) blocks[b] = pm + sn * static_cast<size_t>(b);
    for (int r0s = 0; r0s < rows; r0s += strip) {
      const int nr = std::min(strip, rows - r0s);
      const int m0 = nr * wd;
      for (int i = 0; i < nr; ++i) {
        const float* pr = power + static_cast<size_t>(r0s + i) * cols;
        float* row = pm + static_cast<size_t>(i) * wd;
        std::memcpy(row, pr + cols - D, sizeof(float) * D);
        std::memcpy(row + D, pr, sizeof(float) * cols);
        std::memcpy(row + D + cols, pr, sizeof(float) * D);
      }
      // Odd widths: the sums land in W, or for a width of one cell they are the row itself.
      float* wo0 = Wo + static_cast<size_t>(r0s) * wd;
      float* wi0 = Wi + static_cast<size_t>(r0s) * wd;
      const float* so = windowSums(pm, m0, wo, wo0, blocks);
      if (so != wo0) std::memcpy(wo0, so, sizeof(float) * (m0 - wo + 1));
      std::fill(wo0 + (m0 - wo + 1), wo0 + m0, 0.0f);
      const float* si = windowSums(pm + td, m0 - td, wi, wi0, blocks);
      if (si != wi0) std::memcpy(wi0, si, sizeof(float) * (m0 - td - wi + 1));
      std::fill(wi0 + (m0 - td - wi + 1), wi0 + m0, 0.0f);
    }
    std::fill(Wo + n, Wo + len, 0.0f);
    std::fill(Wi + n, Wi + len, 0.0f);
    const float kf = static_cast<float>(plan.scale / plan.n);
    // The largest float not above the floor: for a float x, x > mf exactly when x > m.
    float mf = static_cast<float>(m);
    if (static_cast<double>(mf) > m) mf = std::nextafter(mf, -INFINITY);
    const int ho = gr + tr;
    for (int r = r0; r <= r1; ++r) {
      rangeThresholds(Wo + static_cast<size_t>(r - ho) * wd, Wi + static_cast<size_t>(r - gr) * wd, wd, hs, 2 * ho + 1, 2 * gr + 1, kf, thr);
      detections += decideRow(power + static_cast<size_t>(r) * cols, thr, mf, cols, out + static_cast<size_t>(r) * cols);
    }
    return detections;
  }
  // OS, decided without finding the k-th smallest reference x(k) (as the 1-D OS does): the cell
  // is over scale * x(k) when at least k references have scale * x below it, since scale * x
  // (float64, NaN as +inf) does not decrease as x grows. The map is padded by D columns on
  // each side for the Doppler wrap, and by a block on the right so that the last block of a
  // row reads defined values; each block counts its window's references in one pass.
  const int wd = cols + 2 * D;
  const size_t kstride = static_cast<size_t>(wd) + kOs2dBlock;
  std::vector<double> kx(static_cast<size_t>(rows) * kstride, 0.0);
  for (int r = 0; r < rows; ++r) {
    const float* pr = power + static_cast<size_t>(r) * cols;
    double* row = kx.data() + static_cast<size_t>(r) * kstride;
    for (int j = 0; j < wd; ++j) {
      const int c = j < D ? j - D + cols : j - D < cols ? j - D : j - D - cols;
      const float v = pr[c];
      row[j] = plan.scale * static_cast<double>(v != v ? INFINITY : v);
    }
  }
  std::vector<double> pc(static_cast<size_t>(cols) + kOs2dBlock, 0.0);
  int32_t counts[kOs2dBlock];
  const int guardFrom = td, guardTo = td + 2 * gd;  // guard columns within the 2D+1 window
  for (int r = r0; r <= r1; ++r) {
    const float* pr = power + static_cast<size_t>(r) * cols;
    for (int c = 0; c < cols; ++c) pc[c] = static_cast<double>(pr[c]);
    for (int c0 = 0; c0 < cols; c0 += kOs2dBlock) {
      os2dCounts(kx.data(), kstride, pc.data() + c0, r, c0, gr, tr, D, guardFrom, guardTo, counts);
      const int n = std::min(kOs2dBlock, cols - c0);
      for (int l = 0; l < n; ++l) {
        const double p = pc[c0 + l];
        if (counts[l] >= plan.k && p > m) {
          out[static_cast<size_t>(r) * cols + c0 + l] = 1;
          ++detections;
        }
      }
    }
  }
  return detections;
}

}  // namespace lookout
