#include "extract.h"

#include <algorithm>
#include <cstring>

namespace lookout {

Status checkExtractSettings(double minCells, bool hasMin, double maxCells, bool hasMax, ExtractSettings* out) {
  Status s;
  int64_t mn = 1, mx = 2147483647;
  if (hasMin && !(s = checkInt("minCells", minCells, 1, 2147483647.0, &mn)).ok()) return s;
  if (hasMax && !(s = checkInt("maxCells", maxCells, 1, 2147483647.0, &mx)).ok()) return s;
  if (mx < mn) {
    char buf[120];
    snprintf(buf, sizeof buf, "maxCells %lld is below minCells %lld", static_cast<long long>(mx), static_cast<long long>(mn));
    return Status::range(buf);
  }
  out->minCells = mn;
  out->maxCells = mx;
  return s;
}

Status checkMaxRows(double maxRows, bool has, ExtractSettings* out) {
  int64_t m = 0;
  if (has) {
    Status s = checkInt("maxRows", maxRows, 0, 2147483647.0, &m);
    if (!s.ok()) return s;
  }
  out->maxRows = m;
  return Status{};
}

int64_t PlotExtractorCore::find(int64_t i) {
  int64_t r = i;
  while (comps_[r].parent != r) r = comps_[r].parent;
  int64_t x = i;
  while (comps_[x].parent != r) {
    int64_t next = comps_[x].parent;
    comps_[x].parent = r;
    x = next;
  }
  return r;
}

void PlotExtractorCore::merge(int64_t a, int64_t b, double shift) {
  Comp& A = comps_[a];
  Comp& B = comps_[b];
  const double d = B.origin + shift - A.origin;
  A.sumW = A.sumW + B.sumW;
  A.sumWR = A.sumWR + (B.sumWR + d * B.sumW);
  A.sumWC = A.sumWC + B.sumWC;
  A.sumR = A.sumR + (B.sumR + d * B.count);
  A.sumC = A.sumC + B.sumC;
  A.count = A.count + B.count;
  if (B.peak > A.peak) A.peak = B.peak;
  if (B.rowMin + shift < A.rowMin) A.rowMin = B.rowMin + shift;
  if (B.rowMax + shift > A.rowMax) A.rowMax = B.rowMax + shift;
  if (B.cellMin < A.cellMin) A.cellMin = B.cellMin;
  if (B.cellMax > A.cellMax) A.cellMax = B.cellMax;
  if (B.lastRow > A.lastRow) A.lastRow = B.lastRow;
  A.touchesFirst = A.touchesFirst || B.touchesFirst;
  A.wrapped = A.wrapped || B.wrapped;
  B.parent = a;
  released_.push_back(b);
}

int64_t PlotExtractorCore::newComp(double row) {
  int64_t id;
  if (!freeSlots_.empty()) {
    id = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    id = static_cast<int64_t>(comps_.size());
    comps_.emplace_back();
  }
  comps_[id] = Comp{id, row, row, row, row, 2147483647, -1, 0, 0, 0, 0, 0, 0, 0, false, false, false, false};
  return id;
}

void PlotExtractorCore::addRow(const uint8_t* mask, const Video& video, const float* lut, size_t off, int64_t cols, double row) {
  curRuns_.clear();
  const std::vector<Run>& prev = prevRuns_;
  size_t j0 = 0;
  int64_t c = 0;
  const uint8_t* m = mask + off;
  while (c < cols) {
    if (m[c] == 0) {
      // Detections are sparse (~1 %): skip eight empty cells at a time.
      while (c + 8 <= cols) {
        uint64_t w;
        std::memcpy(&w, m + c, 8);
        if (w != 0) break;
        c += 8;
      }
      while (c < cols && m[c] == 0) ++c;
      if (c >= cols) break;
    }
    const int64_t s = c;
    while (c < cols && m[c] != 0) ++c;
    const int64_t e = c - 1;
    while (j0 < prev.size() && prev[j0].end < s - 1) ++j0;
    int64_t label = -1;
    for (size_t j = j0; j < prev.size() && prev[j].start <= e + 1; ++j) {
      const int64_t r = find(prev[j].label);
      if (label < 0) label = r;
      else if (r != label) merge(label, r, 0);
    }
    if (label < 0) label = newComp(row);
    Comp& comp = comps_[label];
    const double dr = row - comp.origin;
    for (int64_t x = s; x <= e; ++x) {
      const double v = powerAt(video, lut, off + static_cast<size_t>(x));
      const double w = v > 0 ? v : 0;
      const double xc = static_cast<double>(x) + 0.5;
      comp.sumW = comp.sumW + w;
      comp.sumWR = comp.sumWR + w * dr;
      comp.sumWC = comp.sumWC + w * xc;
      comp.sumR = comp.sumR + dr;
      comp.sumC = comp.sumC + xc;
      if (w > comp.peak) comp.peak = w;
    }
    comp.count += static_cast<double>(e - s + 1);
    if (s < comp.cellMin) comp.cellMin = s;
    if (e > comp.cellMax) comp.cellMax = e;
    if (row > comp.rowMax) comp.rowMax = row;
    comp.lastRow = row;
    curRuns_.push_back(Run{s, e, label});
  }
  for (Run& run : curRuns_) run.label = find(run.label);
  if (holdFirst_ && !haveFirst_) {
    firstRuns_ = curRuns_;
    haveFirst_ = true;
    for (const Run& run : curRuns_) comps_[run.label].touchesFirst = true;
  } else if (haveFirst_) {
    for (Run& run : firstRuns_) run.label = find(run.label);
  }
  for (const Run& run : prev) {
    const int64_t r = find(run.label);
    const Comp& comp = comps_[r];
    if (comp.lastRow < row && !comp.closed && !comp.held) close(r);
  }
  if (settings_.maxRows > 0 && !holdFirst_) cutLong(row);
  prevRuns_.swap(curRuns_);
  recycle();
}

void PlotExtractorCore::cutLong(double row) {
  const double span = static_cast<double>(settings_.maxRows);
  for (size_t i = 0; i < curRuns_.size(); ++i) {
    const int64_t r = curRuns_[i].label;
    Comp& comp = comps_[r];
    if (comp.closed || row - comp.rowMin + 1 < span) continue;
    close(r);
    // What continues it from the next row on is a new component, empty so far.
    const int64_t fresh = newComp(row + 1);
    comps_[fresh].lastRow = row;
    for (size_t j = i; j < curRuns_.size(); ++j) {
      if (curRuns_[j].label == r) curRuns_[j].label = fresh;
    }
  }
}

void PlotExtractorCore::recycle() {
  freeSlots_.insert(freeSlots_.end(), released_.begin(), released_.end());
  released_.clear();
}

void PlotExtractorCore::close(int64_t id) {
  Comp& c = comps_[id];
  if (holdFirst_ && c.touchesFirst) {
    c.held = true;
    held_.push_back(id);
    return;
  }
  c.closed = true;
  released_.push_back(id);
  // The empty remainder of a component cut by maxRows that nothing continued.
  if (c.count == 0) return;
  if (c.count < static_cast<double>(settings_.minCells) || c.count > static_cast<double>(settings_.maxCells)) {
    dropped_ += 1;
    return;
  }
  const bool weighted = c.sumW > 0;
  const double rec[kPlotStride] = {
      c.origin + (weighted ? c.sumWR / c.sumW : c.sumR / c.count),
      weighted ? c.sumWC / c.sumW : c.sumC / c.count,
      c.rowMin,
      c.rowMax,
      static_cast<double>(c.cellMin),
      static_cast<double>(c.cellMax),
      c.peak,
      c.sumW,
      c.count,
      c.sumC,
  };
  if (sink_ && sinkCount_ < sinkCapacity_ && pending_.empty()) {
    std::copy(rec, rec + kPlotStride, sink_ + sinkCount_ * kPlotStride);
    ++sinkCount_;
    return;
  }
  pending_.insert(pending_.end(), rec, rec + kPlotStride);
}

void PlotExtractorCore::closeAll() {
  for (const Run& run : prevRuns_) {
    const int64_t r = find(run.label);
    const Comp& comp = comps_[r];
    if (!comp.closed && !comp.held) close(r);
  }
  prevRuns_.clear();
  recycle();
}

void PlotExtractorCore::push(const uint8_t* mask, const Video& video, const float* lut, int64_t rows, int64_t cols, double firstRow) {
  if (haveNext_ && firstRow != nextRow_) closeAll();
  for (int64_t r = 0; r < rows; ++r) addRow(mask, video, lut, static_cast<size_t>(r * cols), cols, firstRow + static_cast<double>(r));
  nextRow_ = firstRow + static_cast<double>(rows);
  haveNext_ = true;
}

size_t PlotExtractorCore::take(double* out, size_t capacityPlots) {
  const size_t n = std::min(capacityPlots, waiting());
  std::copy(pending_.begin(), pending_.begin() + n * kPlotStride, out);
  pending_.erase(pending_.begin(), pending_.begin() + n * kPlotStride);
  return n;
}

void PlotExtractorCore::flush() {
  closeAll();
  haveNext_ = false;
}

void PlotExtractorCore::reset() {
  comps_.clear();
  freeSlots_.clear();
  released_.clear();
  held_.clear();
  prevRuns_.clear();
  firstRuns_.clear();
  haveFirst_ = holdFirst_ = haveNext_ = false;
  pending_.clear();
}

void PlotExtractorCore::finishTurn(int64_t rows) {
  if (haveFirst_ && rows >= 3) {
    size_t j0 = 0;
    const std::vector<Run>& first = firstRuns_;
    for (const Run& run : prevRuns_) {
      while (j0 < first.size() && first[j0].end < run.start - 1) ++j0;
      for (size_t j = j0; j < first.size() && first[j].start <= run.end + 1; ++j) {
        const int64_t a = find(run.label);
        const int64_t b = find(first[j].label);
        if (a == b) continue;
        const double shift = comps_[a].touchesFirst && !comps_[a].wrapped ? 0 : static_cast<double>(rows);
        merge(a, b, shift);
        comps_[a].wrapped = true;
      }
    }
  }
  holdFirst_ = false;
  for (int64_t h : held_) comps_[h].held = false;
  closeAll();
  for (int64_t h : held_) {
    const Comp& c = comps_[h];
    if (c.parent == h && !c.closed) close(h);
  }
  held_.clear();
  recycle();
  firstRuns_.clear();
  haveFirst_ = false;
  haveNext_ = false;
}

}  // namespace lookout
