import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '../runtime/service-infra';
import { mandateStreamId } from './mandates';

/**
 * Copies submissions' mandate events into a consuming service's store (same event ids, so a redelivery adds
 * nothing; the relay never republishes copies), where mandatesProjection reads them for the access guard.
 * The runtime adds it to every consuming service that does not archive (an archive keeps them already).
 */
@Controller()
export class MandateReplicationHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern([SUBMISSIONS_EVENTS.MandateGranted, SUBMISSIONS_EVENTS.MandateRevoked])
  async replicate(@Ctx() envelope: EventEnvelope): Promise<void> {
    const { event } = envelope;
    await this.infra.store.append(
      mandateStreamId((event.data as { mandateId: string }).mandateId),
      [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
      { expectedVersion: 'any' },
    );
  }
}
