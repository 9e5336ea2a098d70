import { TIE_BREAK_STEPS, TieBreakRule, tieBreakStepsOf, TieBreakStep } from '@cem/contracts';

/**
 * Reads a stated tie-break rule (an ordered array such as ['higher-top-criterion', 'earlier-receipt',
 * 'dossier-id'], or the '-then-' string of older events) into its steps, or returns why it is not acceptable.
 * The last step must be 'dossier-id' so the order is total: a ranking must come out the same on every replay,
 * whatever order the cases were loaded in.
 */
export function parseTieBreak(rule: TieBreakRule): TieBreakStep[] | string {
  const steps = tieBreakStepsOf(rule);
  if (!steps.length) return 'Quy tắc phân định thứ hạng cần ít nhất một bước';
  const unknown = steps.filter((s) => !(TIE_BREAK_STEPS as readonly string[]).includes(s));
  if (unknown.length) return `Bước phân định thứ hạng không hợp lệ: ${unknown.join(', ')} (hợp lệ: ${TIE_BREAK_STEPS.join(', ')})`;
  if (new Set(steps).size !== steps.length) return 'Một bước phân định thứ hạng bị lặp lại';
  if (steps[steps.length - 1] !== 'dossier-id') return "Quy tắc phân định thứ hạng phải kết thúc bằng bước 'dossier-id'";
  return steps as TieBreakStep[];
}
