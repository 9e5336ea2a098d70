import { NotFoundError } from '@cem/contracts';
import type { CouncilState, EstablishedCouncil } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import type { EvaluationCase, EvaluationCaseState } from './evaluation-case.state';

export function requireCase(state: EvaluationCaseState, caseId: string): EvaluationCase {
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy hồ sơ thẩm định ${caseId}`);
  return state;
}

export function requireOpenCase(state: EvaluationCaseState, caseId: string): EvaluationCase {
  const c = requireCase(state, caseId);
  ensure(c.status === 'open', 'case-finalised', `Hồ sơ thẩm định ${caseId} đã chốt kết quả`);
  return c;
}

/** Commands carry the council record loaded by the adapter; it must be this case's council. */
export function requireCaseCouncil(c: EvaluationCase, council: CouncilState): EstablishedCouncil {
  ensure(
    council.status === 'established' && council.councilId === c.councilId,
    'wrong-council',
    `Hồ sơ thẩm định ${c.caseId} thuộc Hội đồng ${c.councilId}`,
  );
  return council;
}
