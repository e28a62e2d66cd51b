import type { ReceiveTime } from '../io/types.js';
import type { PlotSizeClass } from '../wire/types.js';

/** One spoke of radar video handed to the detection stage (decoder-agnostic). */
export interface VideoSpoke {
  /** Azimuth at the start and end of the spoke, in 1/65536 of a turn. */
  startAzimuth: number;
  endAzimuth: number;
  /** Index of the first range cell in `cells`. */
  startRangeCell: number;
  rangeCellMetres: number;
  /** Raw video, one element per cell (log-compressed or linear, per the sensor's lookup table). */
  cells: Uint8Array | Uint16Array | Uint32Array | Float32Array;
  /** Bits per cell of the raw video (8 for the usual log video). */
  resolutionBits: number;
  rx: ReceiveTime;
}

/** A contact found in one turn of video: a connected group of detected cells. */
export interface Plot {
  /** Wall-clock ms of the spoke nearest the centroid. */
  timeMs: number;
  /** Turn counter of the scan assembler (increments when the antenna passes north). */
  scan: number;
  /** Power-weighted centroid. */
  rangeMetres: number;
  bearingDegrees: number;
  /** Extents of the group. */
  rangeExtentMetres: number;
  azimuthExtentDegrees: number;
  /** Linear power (after the lookup table). */
  peakPower: number;
  meanPower: number;
  cellCount: number;
  /** Area of the return on the water (sum of its polar cells), m². */
  areaSquareMetres?: number;
  /** Size class by area (detection.plotSize); extended: land, a jetty, a pontoon. */
  sizeClass?: PlotSizeClass;
}

export type { PlotSizeClass } from '../wire/types.js';

/** A plot with its position on the Earth. */
export interface GeoPlot extends Plot {
  latitude: number;
  longitude: number;
}
