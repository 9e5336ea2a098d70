import type { CouncilRegulations } from '@cem/contracts';
import { parseTieBreak } from '../grading/tie-break';
import { ensure } from './domain-rule';

/** Quy chế must make every finalisation computable: a quorum, a method that works on that quorum, a total tie-break. */
export function assertValidRegulations(regulations: CouncilRegulations, seatCount: number): void {
  const { quorum, aggregation, trimCount } = regulations;
  ensure(Number.isInteger(quorum) && quorum >= 1, 'invalid-quorum', 'the quorum must be a whole number of at least 1');
  ensure(quorum <= seatCount, 'quorum-above-membership', `quorum ${quorum} exceeds the ${seatCount} members`);
  if (aggregation === 'trimmed-mean') {
    ensure(trimCount !== undefined && trimCount >= 1, 'trim-count-required', 'trimmed mean needs trimCount ≥ 1');
    // Trimming must leave at least one score even when only the quorum scored.
    ensure(quorum > 2 * trimCount, 'quorum-too-small-to-trim', `quorum must exceed 2 × trimCount (${2 * trimCount})`);
  } else {
    ensure(trimCount === undefined, 'trim-count-not-applicable', `trimCount applies to trimmed-mean only`);
  }
  const steps = parseTieBreak(regulations.tieBreak);
  ensure(typeof steps !== 'string', 'invalid-tie-break', typeof steps === 'string' ? steps : '');
}
