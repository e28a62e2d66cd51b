#include "cfar2d.h"

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

// Rows [r0, r1) of the summed-area table; four rows at a time so that their running sums
// (one serial chain each) overlap instead of waiting on each other. Same operations, in the
// same order per element, as the TypeScript twin.
LOOKOUT_CLONES void satRows(const float* p, int cols, int wd, const int* colOf, double* S, size_t stride, int r0, int r1) {
  int r = r0;
  for (; r + 4 <= r1; r += 4) {
    double acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
    const float* p0 = p + static_cast<size_t>(r) * cols;
    const float* p1 = p0 + cols;
    const float* p2 = p1 + cols;
    const float* p3 = p2 + cols;
    double* s0 = S + static_cast<size_t>(r) * stride + 1;
    double* s1 = s0 + stride;
    double* s2 = s1 + stride;
    double* s3 = s2 + stride;
    double* s4 = s3 + stride;
    for (int j = 0; j < wd; ++j) {
      const int c = colOf[j];
      acc0 = acc0 + static_cast<double>(p0[c]);
      acc1 = acc1 + static_cast<double>(p1[c]);
      acc2 = acc2 + static_cast<double>(p2[c]);
      acc3 = acc3 + static_cast<double>(p3[c]);
      s1[j] = s0[j] + acc0;
      s2[j] = s1[j] + acc1;
      s3[j] = s2[j] + acc2;
      s4[j] = s3[j] + acc3;
    }
  }
  for (; r < r1; ++r) {
    const float* pr = p + static_cast<size_t>(r) * cols;
    const double* above = S + static_cast<size_t>(r) * stride + 1;
    double* row = S + static_cast<size_t>(r + 1) * stride + 1;
    double acc = 0;
    for (int j = 0; j < wd; ++j) {
      acc = acc + static_cast<double>(pr[colOf[j]]);
      row[j] = above[j] + acc;
    }
  }
}

LOOKOUT_CLONES uint32_t caRow(const double* __restrict Sa, const double* __restrict Sb, const double* __restrict Sc, const double* __restrict Sd,
                              const float* __restrict pr, int cols, int wo, int td, int wi, double kd, double m, uint8_t* __restrict o) {
  uint32_t cnt = 0;
  for (int c = 0; c < cols; ++c) {
    const double outer = Sb[c + wo] - Sa[c + wo] - Sb[c] + Sa[c];
    const double inner = Sd[c + td + wi] - Sc[c + td + wi] - Sd[c + td] + Sc[c + td];
    double thr = kd * (outer - inner);
    thr = thr < m ? m : thr;
    uint8_t d = static_cast<double>(pr[c]) > thr;
    o[c] = d;
    cnt += d;
  }
  return cnt;
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
    // Summed-area table over the map padded by D columns on each side (Doppler wrap), float64
    // so that box sums of float32 power lose nothing that matters at these sizes.
    const int wd = cols + 2 * D;
    const size_t stride = static_cast<size_t>(wd) + 1;
    // Only row 0 and column 0 of the table need zeros; the rest is written before it is read
    // (zero-filling all of it cost as much as the CFAR on a 256 x 128 map).
    std::unique_ptr<double[]> table(new double[static_cast<size_t>(rows + 1) * stride]);
    double* S = table.get();
    for (size_t j = 0; j < stride; ++j) S[j] = 0.0;
    for (int r = 1; r <= rows; ++r) S[static_cast<size_t>(r) * stride] = 0.0;
    std::vector<int> colOf(wd);
    for (int j = 0; j < wd; ++j) {
      int c = (j - D) % cols;
      colOf[j] = c < 0 ? c + cols : c;
    }
    satRows(power, cols, wd, colOf.data(), S, stride, 0, rows);
    const double kd = plan.scale / plan.n;
    const int ho = gr + tr, wo = 2 * D + 1, hi = gr, wi = 2 * gd + 1;
    for (int r = r0; r <= r1; ++r) {
      const double* Sa = S + static_cast<size_t>(r - ho) * stride;
      const double* Sb = S + static_cast<size_t>(r + ho + 1) * stride;
      const double* Sc = S + static_cast<size_t>(r - hi) * stride;
      const double* Sd = S + static_cast<size_t>(r + hi + 1) * stride;
      detections += caRow(Sa, Sb, Sc, Sd, power + static_cast<size_t>(r) * cols, cols, wo, td, wi, kd, m, out + static_cast<size_t>(r) * cols);
    }
    return detections;
  }
  // OS: the map padded by D columns each side (Doppler wrap, NaN as +inf so the order is
  // total), then per cell the reference cells copied row segment by row segment and the k-th
  // picked by nth_element on floats (the power is float32, so this is the same value the TS
  // twin finds in float64).
  const int wd = cols + 2 * D;
  std::vector<float> padded(static_cast<size_t>(rows) * wd);
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < wd; ++j) {
      int c = (j - D) % cols;
      if (c < 0) c += cols;
      const float v = power[static_cast<size_t>(r) * cols + c];
      padded[static_cast<size_t>(r) * wd + j] = v != v ? INFINITY : v;
    }
  }
  std::vector<float> refs(plan.n);
  const int guardFrom = td, guardTo = td + 2 * gd;  // guard columns within the 2D+1 window
  for (int r = r0; r <= r1; ++r) {
    for (int c = 0; c < cols; ++c) {
      int n = 0;
      for (int rr = r - gr - tr; rr <= r + gr + tr; ++rr) {
        const float* seg = padded.data() + static_cast<size_t>(rr) * wd + c;  // window columns c-D .. c+D
        if (std::abs(rr - r) <= gr) {
          for (int j = 0; j < guardFrom; ++j) refs[n++] = seg[j];
          for (int j = guardTo + 1; j <= 2 * D; ++j) refs[n++] = seg[j];
        } else {
          for (int j = 0; j <= 2 * D; ++j) refs[n++] = seg[j];
        }
      }
      std::nth_element(refs.begin(), refs.begin() + (plan.k - 1), refs.begin() + n);
      double thr = plan.scale * static_cast<double>(refs[plan.k - 1]);
      thr = thr < m ? m : thr;
      if (static_cast<double>(power[static_cast<size_t>(r) * cols + c]) > thr) {
        out[static_cast<size_t>(r) * cols + c] = 1;
        ++detections;
      }
    }
  }
  return detections;
}

}  // namespace lookout
