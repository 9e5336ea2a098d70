import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierReceivedData, SUBMISSIONS_EVENTS } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { requireCouncilFor } from '../councils/council-lookup';
import { loadCouncil } from '../shared/stream-loaders';
import { caseIdOf } from './dossier-received';
import { evaluationCaseDecider, evaluationCaseStreamId } from './evaluation-case.decider';

/** Names the handler in the ids derived for what it appends (kept from the first release: same ids). */
export const OPEN_CASE_HANDLER = 'open-evaluation-case';

/**
 * A received dossier becomes an evaluation case of the council sitting at the receiving level and unit for
 * its field. Without such a council the command is refused (DomainRuleViolation 'no-council'), which the event
 * exception filter turns into a dead letter with that reason: an operator re-drives it once the council is
 * established, rather than the case silently waiting somewhere nobody looks.
 */
@Controller()
export class DossierReceivedHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(SUBMISSIONS_EVENTS.DossierReceived)
  async openEvaluationCase(@Payload() received: DossierReceivedData, @Ctx() event: EventEnvelope): Promise<void> {
    // The council lookup reads a projection of this service's own log; let it catch up first.
    await this.infra.readModelsCaughtUp();
    const found = await requireCouncilFor(this.infra, {
      level: received.level,
      jurisdictionUnitId: received.jurisdictionUnitId,
      fieldCode: received.dossier.fieldCode,
    });
    const council = await loadCouncil(this.infra, found.councilId);
    await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseIdOf(received.dossierId, received.level)),
      { type: 'OpenEvaluationCase', received, council },
      event.reaction(OPEN_CASE_HANDLER),
    );
  }
}
