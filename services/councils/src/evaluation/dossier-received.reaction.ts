import { SUBMISSIONS_EVENTS, systemActor } from '@cem/contracts';
import type { Reaction } from '@cem/service-kit';
import { DossierReceivedFacts } from './dossier-received';
import { routeDossierToCouncil } from './dossier-routing';

export const OPEN_CASE_REACTION = 'open-evaluation-case';

/**
 * A received dossier becomes an evaluation case of the one council that appraises its campaign edition, level,
 * jurisdiction and field (routeDossier). With no such council, or several, the dossier waits with the reason
 * (councils.DossierAwaitingCouncil) in the list the jurisdiction's secretaries read (GET /cases?status=awaiting-council),
 * until a council is chosen or established: never a silent pick, never only a dead letter.
 */
export const openCaseOnDossierReceived: Reaction = {
  name: OPEN_CASE_REACTION,
  eventTypes: [SUBMISSIONS_EVENTS.DossierReceived],
  async handle(event, infra) {
    await routeDossierToCouncil(
      infra,
      { received: event.data as DossierReceivedFacts },
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
