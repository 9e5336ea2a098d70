import { NotFoundError } from '@cem/contracts';
import { loadState } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { councilDecider, councilStreamId } from '../councils/council.decider';
import type { EstablishedCouncil } from '../councils/council.state';
import { evaluationCaseDecider, evaluationCaseStreamId } from '../evaluation/evaluation-case.decider';
import type { EvaluationCase, EvaluationCaseState } from '../evaluation/evaluation-case.state';

/**
 * Commands are decided on stream state, never on read models: the decider must see what was committed,
 * not what a projection has caught up to.
 */
export async function loadCouncil(infra: ServiceInfra, councilId: string): Promise<EstablishedCouncil> {
  const { state } = await loadState(infra.store, councilDecider, councilStreamId(councilId));
  if (state.status !== 'established') throw new NotFoundError(`Không tìm thấy Hội đồng ${councilId}`);
  return state;
}

export async function loadCaseState(infra: ServiceInfra, caseId: string): Promise<EvaluationCaseState> {
  return (await loadState(infra.store, evaluationCaseDecider, evaluationCaseStreamId(caseId))).state;
}

export async function loadCase(infra: ServiceInfra, caseId: string): Promise<EvaluationCase> {
  const state = await loadCaseState(infra, caseId);
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy hồ sơ thẩm định ${caseId}`);
  return state;
}

/** A case together with the council that appraises it: what most case commands need. */
export async function loadCaseWithCouncil(infra: ServiceInfra, caseId: string) {
  const c = await loadCase(infra, caseId);
  return { c, council: await loadCouncil(infra, c.councilId) };
}
