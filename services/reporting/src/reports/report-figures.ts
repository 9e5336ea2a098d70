import type { ReportFigures } from '@cem/contracts';
import { REPORT_FIGURE_KEYS } from '@cem/contracts';

export const noFigures = (): ReportFigures => Object.fromEntries(REPORT_FIGURE_KEYS.map((k) => [k, 0])) as unknown as ReportFigures;

export function sumFigures(all: ReportFigures[]): ReportFigures {
  return all.reduce((total, f) => {
    const next = { ...total };
    for (const k of REPORT_FIGURE_KEYS) next[k] += f[k];
    return next;
  }, noFigures());
}

/** Counts of things: whole numbers, never negative, every one present. */
export function invalidFigureKeys(figures: ReportFigures): string[] {
  return REPORT_FIGURE_KEYS.filter((k) => !Number.isInteger(figures[k]) || figures[k] < 0);
}
