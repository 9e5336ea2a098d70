import { MandateGrantedData, MandateRevokedData, SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Mandate } from '@cem/identity';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import type { ServiceInfra } from '../runtime/service-infra';

/**
 * Mandates are decided in submissions (the units context) and published on Kafka; every service keeps a copy
 * of the mandate events in its own store (the same event ids, so a redelivery adds nothing) and projects them
 * here, so its access guard checks them without asking another service.
 */
export type MandateDoc = ReadModelDocument & Mandate;

export const MANDATE_EVENT_TYPES = [SUBMISSIONS_EVENTS.MandateGranted, SUBMISSIONS_EVENTS.MandateRevoked];

export const mandateStreamId = (mandateId: string) => `mandate-${mandateId}`;

export const mandatesProjection: Projection<MandateDoc> = {
  name: 'access.mandates',
  collection: 'mandates',
  version: 1,
  indexes: [{ fields: { holderUnitId: 1, role: 1 } }],
  eventTypes: MANDATE_EVENT_TYPES,
  documentIds: (event) => [(event.data as { mandateId: string }).mandateId],
  apply: (doc, event, id) => {
    if (event.type === SUBMISSIONS_EVENTS.MandateGranted) {
      const d = event.data as MandateGrantedData;
      return {
        _id: id,
        mandateId: d.mandateId,
        holderUnitId: d.holderUnitId,
        jurisdictionUnitId: d.jurisdictionUnitId,
        jurisdictionUnitPath: d.jurisdictionUnitPath,
        jurisdictionLevel: d.jurisdictionLevel,
        role: d.role,
        from: d.from,
        decisionRef: d.decisionRef,
      };
    }
    if (!doc) return null;
    return { ...doc, until: (event.data as MandateRevokedData).until };
  },
};

export async function mandatesHeldBy(infra: ServiceInfra, unitId: string, role: string): Promise<Mandate[]> {
  return infra.documents.collection<MandateDoc>(mandatesProjection.collection).find({ holderUnitId: unitId, role });
}
