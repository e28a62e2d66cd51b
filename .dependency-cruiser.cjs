// The floors of DESIGN.md, low to high: a file imports only from its own floor or below.
// `npm run lint` fails on an upward import.
const FLOORS = [
  ['errors', 'wire'],
  ['io', 'protocols'],
  ['detect', 'track'],
  ['outbox'],
  ['publish', 'hub'],
  ['config', 'sensors', 'ops', 'control', 'sim'],
  ['main'],
  ['cli', 'bench'],
];
const re = (names) => `^agent/src/(${names.join('|')})(/|\\.ts$)`;

module.exports = {
  forbidden: FLOORS.slice(0, -1).map((floor, i) => ({
    name: `floor-${i}-up`,
    comment: `${floor.join(', ')} may not import from a higher floor (${FLOORS.slice(i + 1).flat().join(', ')})`,
    severity: 'error',
    from: { path: re(floor) },
    to: { path: re(FLOORS.slice(i + 1).flat()) },
  })).concat([
    { name: 'no-circular', severity: 'error', comment: 'import cycles between files', from: { path: '^agent/src' }, to: { circular: true, pathNot: '^agent/src/(wire|publish)/gen/' } },
    { name: 'not-to-test', severity: 'error', comment: 'production code never imports test code', from: { path: '^agent/src' }, to: { path: '^test/' } },
  ]),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)gen/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
