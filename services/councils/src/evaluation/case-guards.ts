import { NotFoundError } from '@cem/contracts';
import type { CouncilState, EstablishedCouncil } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import type { EvaluationCase, EvaluationCaseState } from './evaluation-case.state';

export function requireCase(state: EvaluationCaseState, caseId: string): EvaluationCase {
  if (state.status === 'none') throw new NotFoundError(`evaluation case ${caseId} does not exist`);
  return state;
}

export function requireOpenCase(state: EvaluationCaseState, caseId: string): EvaluationCase {
  const c = requireCase(state, caseId);
  ensure(c.status === 'open', 'case-finalised', `case ${caseId} is already finalised`);
  return c;
}

/** Commands carry the council record loaded by the adapter; it must be this case's council. */
export function requireCaseCouncil(c: EvaluationCase, council: CouncilState): EstablishedCouncil {
  ensure(
    council.status === 'established' && council.councilId === c.councilId,
    'wrong-council',
    `case ${c.caseId} belongs to council ${c.councilId}`,
  );
  return council;
}
