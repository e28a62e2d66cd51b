#include "cfar2d.h"

#include <algorithm>
#include <cstring>
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

uint32_t runCfar2d(const Video& in, int64_t rows64, int64_t cols64, const Cfar2dPlan& plan, uint8_t* out) {
  const int rows = static_cast<int>(rows64), cols = static_cast<int>(cols64);
  const int gr = plan.gr, gd = plan.gd, tr = plan.tr, td = plan.td;
  const int D = gd + td;
  const double m = plan.minThreshold;
  std::memset(out, 0, static_cast<size_t>(rows) * cols);
  const int r0 = gr + tr, r1 = rows - gr - tr - 1;
  uint32_t detections = 0;
  std::vector<float> p(static_cast<size_t>(rows) * cols);
  powerRow(in, plan.lut, 0, p.size(), p.data());
  if (plan.method == Cfar2dMethod::CA) {
    // Summed-area table over the map padded by D columns on each side (Doppler wrap), float64
    // so that box sums of float32 power lose nothing that matters at these sizes.
    const int wd = cols + 2 * D;
    const size_t stride = static_cast<size_t>(wd) + 1;
    std::vector<double> S(static_cast<size_t>(rows + 1) * stride, 0.0);
    std::vector<int> colOf(wd);
    for (int j = 0; j < wd; ++j) {
      int c = (j - D) % cols;
      colOf[j] = c < 0 ? c + cols : c;
    }
    for (int r = 0; r < rows; ++r) {
      const float* pr = p.data() + static_cast<size_t>(r) * cols;
      const double* above = S.data() + static_cast<size_t>(r) * stride + 1;
      double* row = S.data() + static_cast<size_t>(r + 1) * stride + 1;
      double acc = 0;
      for (int j = 0; j < wd; ++j) {
        acc = acc + static_cast<double>(pr[colOf[j]]);
        row[j] = above[j] + acc;
      }
    }
    const double kd = plan.scale / plan.n;
    const int ho = gr + tr, wo = 2 * D + 1, hi = gr, wi = 2 * gd + 1;
    for (int r = r0; r <= r1; ++r) {
      const double* Sa = S.data() + static_cast<size_t>(r - ho) * stride;
      const double* Sb = S.data() + static_cast<size_t>(r + ho + 1) * stride;
      const double* Sc = S.data() + static_cast<size_t>(r - hi) * stride;
      const double* Sd = S.data() + static_cast<size_t>(r + hi + 1) * stride;
      const float* pr = p.data() + static_cast<size_t>(r) * cols;
      uint8_t* o = out + static_cast<size_t>(r) * cols;
      uint32_t cnt = 0;
      for (int c = 0; c < cols; ++c) {
        const double outer = Sb[c + wo] - Sa[c + wo] - Sb[c] + Sa[c];
        const int ja = c + td, jb = c + td + wi;
        const double inner = Sd[jb] - Sc[jb] - Sd[ja] + Sc[ja];
        double thr = kd * (outer - inner);
        thr = thr < m ? m : thr;
        uint8_t d = static_cast<double>(pr[c]) > thr;
        o[c] = d;
        cnt += d;
      }
      detections += cnt;
    }
    return detections;
  }
  std::vector<double> refs(plan.n);
  for (int r = r0; r <= r1; ++r) {
    for (int c = 0; c < cols; ++c) {
      int n = 0;
      for (int rr = r - gr - tr; rr <= r + gr + tr; ++rr) {
        const float* pr = p.data() + static_cast<size_t>(rr) * cols;
        for (int dc = -D; dc <= D; ++dc) {
          if (std::abs(rr - r) <= gr && std::abs(dc) <= gd) continue;
          int cc = (c + dc) % cols;
          if (cc < 0) cc += cols;
          const double v = pr[cc];
          refs[n++] = v != v ? INFINITY : v;
        }
      }
      std::nth_element(refs.begin(), refs.begin() + (plan.k - 1), refs.begin() + n);
      double thr = plan.scale * refs[plan.k - 1];
      thr = thr < m ? m : thr;
      if (static_cast<double>(p[static_cast<size_t>(r) * cols + c]) > thr) {
        out[static_cast<size_t>(r) * cols + c] = 1;
        ++detections;
      }
    }
  }
  return detections;
}

}  // namespace lookout
