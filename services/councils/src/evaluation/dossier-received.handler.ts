import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierReceivedData, SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { routeDossierToCouncil } from './dossier-routing';

/** Names the handler in the ids derived for what it appends (kept from the first release: same ids). */
export const OPEN_CASE_HANDLER = 'open-evaluation-case';

/**
 * A received dossier becomes an evaluation case of the one council that appraises its campaign edition, level,
 * jurisdiction and field (routeDossier, pure). With no such council, or several, the dossier waits with the
 * reason (councils.DossierAwaitingCouncil) in the list the jurisdiction's secretaries read, until a council is
 * chosen or established. A refusal would be dead-lettered with its reason by the event exception filter.
 */
@Controller()
export class DossierReceivedHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(SUBMISSIONS_EVENTS.DossierReceived)
  async openEvaluationCase(@Payload() received: DossierReceivedData, @Ctx() event: EventEnvelope): Promise<void> {
    await routeDossierToCouncil(this.infra, { received }, event.reaction(OPEN_CASE_HANDLER));
  }
}
