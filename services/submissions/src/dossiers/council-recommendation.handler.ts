import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { COUNCILS_EVENTS, DossierRecommendedUpwardData } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { dossierDecider, dossierStreamId } from './dossier.decider';
import { loadDossier } from './dossier.handlers';
import { entryAt } from './dossier.state';

/** Names the handler in the ids derived for what it appends (kept from the first release: same ids). */
export const FORWARD_ON_RECOMMENDATION_HANDLER = 'forward-on-council-recommendation';

/**
 * A council recommended the dossier upward: the platform records the forwarding to the next level, citing the
 * council's decision. A redelivery appends nothing (ids derive from the incoming event); a refusal (already
 * forwarded by its agency, withdrawn...) is dead-lettered with its reason by the event exception filter.
 */
@Controller()
export class CouncilRecommendationHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(COUNCILS_EVENTS.DossierRecommendedUpward)
  async forward(@Payload() recommended: DossierRecommendedUpwardData, @Ctx() event: EventEnvelope): Promise<void> {
    const { state } = await loadDossier(this.infra, recommended.dossierId);
    const from = entryAt(state, recommended.fromLevel);
    const reaction = event.reaction(FORWARD_ON_RECOMMENDATION_HANDLER);
    await handleCommand(
      this.infra.store,
      dossierDecider,
      dossierStreamId(recommended.dossierId),
      {
        type: 'ForwardDossier',
        actor: reaction.actor,
        now: new Date().toISOString(),
        fromLevel: recommended.fromLevel,
        toLevel: recommended.toLevel,
        toJurisdictionUnitId: from?.jurisdictionUnitPath.at(-2) ?? '',
        basis: 'council-recommendation',
        decisionRef: recommended.decisionRef,
      },
      reaction,
    );
  }
}
