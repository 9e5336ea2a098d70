import type { CouncilRegulations } from '@cem/contracts';
import { parseTieBreak } from '../grading/tie-break';
import { ensure } from './domain-rule';

/** Quy chế must make every finalisation computable: a quorum, a method that works on that quorum, a total tie-break. */
export function assertValidRegulations(regulations: CouncilRegulations, seatCount: number): void {
  const { quorum, aggregation, trimCount } = regulations;
  ensure(Number.isInteger(quorum) && quorum >= 1, 'invalid-quorum', 'Số phiếu tối thiểu phải là số nguyên từ 1 trở lên');
  ensure(quorum <= seatCount, 'quorum-above-membership', `Số phiếu tối thiểu ${quorum} vượt quá ${seatCount} thành viên`);
  if (aggregation === 'trimmed-mean') {
    ensure(
      trimCount !== undefined && trimCount >= 1,
      'trim-count-required',
      'Trung bình sau khi bỏ điểm cao nhất, thấp nhất cần trimCount ≥ 1',
    );
    // Trimming must leave at least one score even when only the quorum scored.
    ensure(quorum > 2 * trimCount, 'quorum-too-small-to-trim', `Số phiếu tối thiểu phải lớn hơn 2 × trimCount (${2 * trimCount})`);
  } else {
    ensure(trimCount === undefined, 'trim-count-not-applicable', `trimCount chỉ dùng với cách tổng hợp trimmed-mean`);
  }
  const steps = parseTieBreak(regulations.tieBreak);
  ensure(typeof steps !== 'string', 'invalid-tie-break', typeof steps === 'string' ? steps : '');
}
