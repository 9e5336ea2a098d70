/* Prints the table of one run from its results file (and writes it as Markdown next to it). */
import { readFileSync, writeFileSync } from 'fs';
import { median, RESULTS_FILE, type Measurement } from './common';

interface Failure {
  figure: string;
  error: string;
}
type Line = Measurement | Failure;

/** Targets: minimum ratio against a given baseline, and/or minimum absolute events/s for ours. */
const TARGETS: { figure: RegExp; baseline: RegExp; minRatio?: number; minOurs?: number }[] = [
  // Issue 17, section 6 raised the goals that were met (they were 0.5x raw, 1.5x Emmett, 0.8x raw batched, 0.5x producer).
  { figure: /^append 1 event/, baseline: /^raw/, minRatio: 0.7 },
  { figure: /^append 1 event/, baseline: /^Emmett/, minRatio: 3 },
  { figure: /^append 100/, baseline: /^raw/, minRatio: 0.95 },
  { figure: /^catch-up/, baseline: /./, minOurs: 200_000 },
  { figure: /rebuild/, baseline: /naive/, minRatio: 5, minOurs: 50_000 },
  { figure: /^relay/, baseline: /^raw/, minRatio: 0.9 },
];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function main(): void {
  const lines: Line[] = readFileSync(RESULTS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  const measurements = lines.filter((l): l is Measurement => 'samples' in l);
  const failures = lines.filter((l): l is Failure => 'error' in l);
  const figures = [...new Set(measurements.map((m) => m.figure))];
  const rows: string[][] = [];
  for (const figure of figures) {
    const ours = measurements.find((m) => m.figure === figure && m.side === 'ours');
    const baselines = measurements.filter((m) => m.figure === figure && m.side === 'baseline');
    const oursMedian = ours ? median(ours.samples) : NaN;
    if (!baselines.length && ours)
      rows.push([figure, `${fmt(oursMedian)}${ours.unit ? ` ${ours.unit}` : ''} (${ours.label})`, '-', '-', '-', ours.note ?? '']);
    for (const base of baselines) {
      const baseMedian = median(base.samples);
      const ratio = oursMedian / baseMedian;
      const target = TARGETS.find((t) => t.figure.test(figure) && t.baseline.test(base.label));
      let verdict = 'informational';
      if (target) {
        const parts: string[] = [];
        let met = true;
        if (target.minRatio !== undefined) {
          parts.push(`>= ${target.minRatio}x`);
          met &&= ratio >= target.minRatio;
        }
        if (target.minOurs !== undefined) {
          parts.push(`>= ${fmt(target.minOurs)} ev/s`);
          met &&= oursMedian >= target.minOurs;
        }
        verdict = `${parts.join(' and ')}: ${met ? 'MET' : 'MISSED'}`;
      }
      rows.push([
        figure,
        ours ? `${fmt(oursMedian)}` : 'n/a',
        `${fmt(baseMedian)} (${base.label})`,
        ours ? `${ratio.toFixed(2)}x` : 'n/a',
        verdict,
        '',
      ]);
    }
  }
  const header = ['figure', 'ours (ev/s, median)', 'baseline (ev/s, median)', 'ratio', 'target', 'note'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const failed = failures.map((f) => `- ${f.figure}: FAILED (${f.error.split('\n')[0]})`).join('\n');
  const reps = measurements.find((m) => !m.unit)?.samples.length ?? 0;
  const repsNote = reps ? `Median of ${reps} repetitions per figure; each baseline measured in the same run. ` : '';
  const out = `${table}\n\n${repsNote}Rows with a unit (e2e) are single measurements in that unit.\n${failed ? `\nFailed sections:\n${failed}\n` : ''}`;
  process.stdout.write(`\n${out}`);
  writeFileSync(RESULTS_FILE.replace(/\.jsonl$/, '.md'), out);
}

main();
