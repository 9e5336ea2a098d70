import type { CouncilGrade, GradeBand } from '@cem/contracts';
import { COUNCIL_REJECTING_GRADE } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';

export interface Grading {
  grade: CouncilGrade;
  gradeLabel: string;
  /** Nghiệm thu: every grade but 'Không đạt'. */
  accepted: boolean;
}

/** Bands are listed best first, each from its minScore inclusive; published sets cover the whole scale. */
export function gradeFor(bands: readonly GradeBand[], score: number): Grading {
  const band = bands.find((b) => score >= b.minScore);
  ensure(band, 'score-below-bands', `score ${score} is below every grading band`);
  return { grade: band.grade, gradeLabel: band.label, accepted: band.grade !== COUNCIL_REJECTING_GRADE };
}
