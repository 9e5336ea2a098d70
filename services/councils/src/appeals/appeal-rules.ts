import type { AppealRulesSetData } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

/**
 * A campaign's appeal rules are stated in submissions (the campaigns context). Councils keeps a copy of every
 * AppealRulesSet event in its own store (same event ids: a redelivery adds nothing), one stream per campaign,
 * and decides appeals on the latest one, without asking another service.
 */
export const appealRulesStreamId = (campaignId: string) => `appeal-rules-${campaignId}`;

@Controller()
export class AppealRulesReplicationHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(SUBMISSIONS_EVENTS.AppealRulesSet)
  async replicate(@Payload() rules: AppealRulesSetData, @Ctx() envelope: EventEnvelope): Promise<void> {
    const { event } = envelope;
    await this.infra.store.append(
      appealRulesStreamId(rules.campaignId),
      [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
      { expectedVersion: 'any' },
    );
  }
}

/** The campaign's rules in force (the latest setting), or undefined when it states none. */
export async function appealRulesOf(infra: ServiceInfra, campaignId: string): Promise<AppealRulesSetData | undefined> {
  const events = await infra.store.readStream(appealRulesStreamId(campaignId));
  return events.at(-1)?.data as AppealRulesSetData | undefined;
}
