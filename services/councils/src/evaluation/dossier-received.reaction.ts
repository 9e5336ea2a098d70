import { SUBMISSIONS_EVENTS, systemActor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { Reaction } from '@cem/service-kit';
import { requireCouncilFor } from '../councils/council-lookup';
import { loadCouncil } from '../shared/stream-loaders';
import { caseIdOf, DossierReceivedFacts } from './dossier-received';
import { evaluationCaseDecider, evaluationCaseStreamId } from './evaluation-case.decider';

export const OPEN_CASE_REACTION = 'open-evaluation-case';

/**
 * A received dossier becomes an evaluation case of the council sitting at the receiving level and unit for
 * its field. Without such a council the message is refused (DomainRuleViolation 'no-council'), which the
 * consumer dead-letters with that reason: an operator re-drives it once the council is established, rather
 * than the case silently waiting somewhere nobody looks.
 */
export const openCaseOnDossierReceived: Reaction = {
  name: OPEN_CASE_REACTION,
  eventTypes: [SUBMISSIONS_EVENTS.DossierReceived],
  async handle(event, infra) {
    const received = event.data as DossierReceivedFacts;
    // The council lookup reads a projection of this service's own log; let it catch up first.
    await infra.readModelsCaughtUp();
    const found = await requireCouncilFor(infra, {
      level: received.level,
      jurisdictionUnitId: received.jurisdictionUnitId,
      fieldCode: received.dossier.fieldCode,
    });
    const council = await loadCouncil(infra, found.councilId);
    const caseId = caseIdOf(received.dossierId, received.level);
    await handleCommand(
      infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      { type: 'OpenEvaluationCase', received, council },
      {
        actor: systemActor(infra.context),
        source: infra.context,
        idempotencySeed: `${event.id}:${OPEN_CASE_REACTION}`,
        causationId: event.id,
        correlationId: event.metadata.correlationId,
      },
    );
  },
};
