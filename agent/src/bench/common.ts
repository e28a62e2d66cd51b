/** One result line of a benchmark: a figure, its goal, and the baseline measured in the same run. */
export interface BenchRow {
  bench: string;
  name: string;
  value: number;
  unit: string;
  goal?: string;
  baseline?: { name: string; value: number; unit: string };
  note?: string;
}

export function printRow(row: BenchRow, json: boolean, out: NodeJS.WritableStream): void {
  if (json) {
    out.write(JSON.stringify(row) + '\n');
    return;
  }
  const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  const base = row.baseline ? `   (baseline ${row.baseline.name}: ${fmt(row.baseline.value)} ${row.baseline.unit})` : '';
  out.write(`${row.bench.padEnd(8)} ${row.name.padEnd(40)} ${fmt(row.value).padStart(12)} ${row.unit.padEnd(10)}${row.goal ? ` goal ${row.goal}` : ''}${base}${row.note ? `  [${row.note}]` : ''}\n`);
}
