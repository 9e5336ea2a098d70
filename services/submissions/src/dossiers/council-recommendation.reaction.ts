import { Logger } from '@nestjs/common';
import {
  COUNCILS_EVENTS,
  DomainRuleViolation,
  DossierRecommendedUpwardData,
  NotFoundError,
  RecordedEvent,
  systemActor,
} from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import type { Reaction, ServiceInfra } from '@cem/service-kit';
import { dossierDecider, dossierStreamId } from './dossier.decider';
import { loadDossier } from './dossier.handlers';
import { entryAt } from './dossier.state';

const NAME = 'forward-on-council-recommendation';
const logger = new Logger(NAME);

/**
 * A council recommended the dossier upward: the platform records the forwarding to the next level, citing the
 * council's decision. Event ids derive from the incoming event, so a redelivery appends nothing; a refusal
 * (already forwarded by its agency, withdrawn...) is a business outcome, logged rather than retried forever.
 */
export const forwardOnCouncilRecommendation: Reaction = {
  name: NAME,
  eventTypes: [COUNCILS_EVENTS.DossierRecommendedUpward],
  async handle(event: RecordedEvent, infra: ServiceInfra): Promise<void> {
    const data = event.data as DossierRecommendedUpwardData;
    try {
      const { state } = await loadDossier(infra, data.dossierId);
      const from = entryAt(state, data.fromLevel);
      await handleCommand(
        infra.store,
        dossierDecider,
        dossierStreamId(data.dossierId),
        {
          type: 'ForwardDossier',
          actor: systemActor(infra.context),
          now: new Date().toISOString(),
          fromLevel: data.fromLevel,
          toLevel: data.toLevel,
          toJurisdictionUnitId: from?.jurisdictionUnitPath.at(-2) ?? '',
          basis: 'council-recommendation',
          decisionRef: data.decisionRef,
        },
        {
          actor: systemActor(infra.context),
          source: infra.context,
          causationId: event.id,
          correlationId: event.metadata.correlationId,
          idempotencySeed: `${event.id}:${NAME}`,
        },
      );
    } catch (error) {
      if (!(error instanceof DomainRuleViolation || error instanceof NotFoundError)) throw error;
      logger.warn(`dossier ${data.dossierId} not forwarded on ${event.id}: ${error.message}`);
    }
  },
};
