// Streaming 8-connected plot extraction over (row = spoke, cell); twin of
// agent/src/detect/reference/extract.ts (same merge order, same float64 sums).
#pragma once
#include <vector>
#include "common.h"

namespace lookout {

constexpr int kPlotStride = 10;

struct ExtractSettings {
  const float* lut = nullptr;  // the table of the current call; may be null
  int64_t minCells = 1;
  int64_t maxCells = 2147483647;
  // Streaming only: a component spanning this many rows is closed as a plot and what continues
  // it starts a new one (a ring of returns round the whole turn would never close). 0 = never.
  int64_t maxRows = 0;
};

Status checkExtractSettings(double minCells, bool hasMin, double maxCells, bool hasMax, ExtractSettings* out);
Status checkMaxRows(double maxRows, bool has, ExtractSettings* out);

class PlotExtractorCore {
 public:
  explicit PlotExtractorCore(const ExtractSettings& s) : settings_(s) {}
  // rows of mask/video starting at absolute row firstRow; a jump in rows closes all.
  void push(const uint8_t* mask, const Video& video, const float* lut, int64_t rows, int64_t cols, double firstRow);
  size_t waiting() const { return pending_.size() / kPlotStride; }
  size_t take(double* out, size_t capacityPlots);
  void flush();
  void reset();
  void beginTurn() { holdFirst_ = true; }
  void finishTurn(int64_t rows);
  double dropped() const { return dropped_; }
  // Stateless use: plots go straight to `out` (up to capacity), the rest to the waiting list;
  // a turn's worth of plots then costs no allocation (measured: 14.7 -> see bench).
  void setSink(double* out, size_t capacityPlots) {
    sink_ = out;
    sinkCapacity_ = capacityPlots;
  }
  size_t sinkCount() const { return sinkCount_; }

 private:
  struct Comp {
    int64_t parent;
    double origin, lastRow, rowMin, rowMax;
    int64_t cellMin, cellMax;
    double sumW, sumWR, sumWC, sumR, sumC, peak, count;
    bool touchesFirst, wrapped, closed, held;
  };
  struct Run {
    int64_t start, end, label;
  };
  int64_t find(int64_t i);
  void merge(int64_t a, int64_t b, double shift);
  int64_t newComp(double row);
  void addRow(const uint8_t* mask, const Video& video, const float* lut, size_t off, int64_t cols, double row);
  void closeAll();
  void close(int64_t id);
  void cutLong(double row);
  void recycle();

  ExtractSettings settings_;
  std::vector<Comp> comps_;
  std::vector<int64_t> freeSlots_, released_, held_;
  std::vector<Run> prevRuns_, curRuns_, firstRuns_;
  bool haveFirst_ = false, holdFirst_ = false, haveNext_ = false;
  double nextRow_ = 0;
  std::vector<double> pending_;
  double dropped_ = 0;
  double* sink_ = nullptr;
  size_t sinkCapacity_ = 0, sinkCount_ = 0;
};

}  // namespace lookout
