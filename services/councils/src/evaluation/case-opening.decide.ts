import { COUNCILS_EVENTS as E, levelPhrase } from '@cem/contracts';
import type { CouncilState } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { caseIdOf, DossierReceivedFacts } from './dossier-received';
import type { EvaluationCaseEvent, EvaluationCaseState } from './evaluation-case.state';

/** Raised by the reaction to `submissions.DossierReceived`; `council` is the council found for it. */
export interface OpenEvaluationCase {
  type: 'OpenEvaluationCase';
  received: DossierReceivedFacts;
  council: CouncilState;
}

export function openEvaluationCase(command: OpenEvaluationCase, state: EvaluationCaseState): EvaluationCaseEvent[] {
  // Delivery is at-least-once: a second DossierReceived for the same dossier and level changes nothing.
  if (state.status !== 'none') return [];
  const { received, council } = command;
  const { dossier } = received;
  ensure(council.status === 'established', 'no-council', 'Chưa có Hội đồng thẩm định cho hồ sơ này');
  ensure(
    council.level === received.level && council.jurisdictionUnitId === received.jurisdictionUnitId,
    'council-outside-jurisdiction',
    `Hội đồng ${council.councilId} không thẩm định ở ${levelPhrase(received.level)} của đơn vị ${received.jurisdictionUnitId}`,
  );
  ensure(
    !council.fieldCodes.length || council.fieldCodes.includes(dossier.fieldCode),
    'field-not-covered',
    `Hội đồng ${council.councilId} không thẩm định lĩnh vực ${dossier.fieldCode}`,
  );
  return [
    {
      type: E.EvaluationCaseOpened,
      data: {
        caseId: caseIdOf(received.dossierId, received.level),
        dossierId: received.dossierId,
        councilId: council.councilId,
        level: received.level,
        jurisdictionUnitId: received.jurisdictionUnitId,
        jurisdictionUnitPath: received.jurisdictionUnitPath,
        fieldCode: dossier.fieldCode,
        campaignId: dossier.campaignId,
        year: dossier.year,
        dossier,
        receivedAt: received.receivedAt,
      },
    },
  ];
}
