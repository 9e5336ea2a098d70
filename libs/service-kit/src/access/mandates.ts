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
  const load = () => infra.documents.collection<MandateDoc>(mandatesProjection.collection).find({ holderUnitId: unitId, role });
  return infra.mandates ? infra.mandates.get(`${role}\u0000${unitId}`, load) : load();
}

/**
 * The mandates read model as the access guard reads it, remembered per holder and role: every request asked
 * the document store (a scan on FerretDB) for what changes a few times a year. The service's own projection
 * runner applies every mandate event and then invalidates the whole cache, before its caughtUp() resolves, so
 * the cache is never behind the read model it copies (a denial still waits for the read models, then reads
 * again). A read that raced with an invalidation is not kept.
 */
export class MandateCache {
  private static readonly MAX_ENTRIES = 10_000;
  private generation = 0;
  private readonly entries = new Map<string, readonly Mandate[]>();

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Called with each batch the projection runner applied. */
  applied(events: readonly { type: string }[]): void {
    if (events.some((event) => (MANDATE_EVENT_TYPES as readonly string[]).includes(event.type))) this.invalidate();
  }

  async get(key: string, load: () => Promise<Mandate[]>): Promise<Mandate[]> {
    const hit = this.entries.get(key);
    if (hit) return [...hit];
    const generation = this.generation;
    const loaded = await load();
    if (generation === this.generation) {
      if (this.entries.size >= MandateCache.MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, [...loaded]);
    }
    return loaded;
  }
}
