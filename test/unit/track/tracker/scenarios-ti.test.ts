/**
 * The acceptance criteria on the TI mmWave scenarios (10 frames a second, 120 m, several
 * points per target, scored at a 10 m GOSPA cut-off), fixed site and a craft under way. Short
 * of the criteria: side by side, where the pair is one blob in angle for most of the run (both
 * trackers miss one boat there; the course is scored while the blob still stands for both).
 */
import { describeCriteria } from './scenario-criteria.js';

describeCriteria('ti-', {
  gospaRatio: { 'ti-side-by-side': 0.76, 'ti-side-by-side-moving': 0.76 },
  kinematics: { 'ti-side-by-side': { speedMps: 0.5, courseDegrees: 7.5 }, 'ti-side-by-side-moving': { speedMps: 0.5, courseDegrees: 12.5 } },
  // TCPA here is 2-6 s: 0.3 s of error is 10 %.
  cpaRelative: { 'ti-crossing': 0.11 },
});
