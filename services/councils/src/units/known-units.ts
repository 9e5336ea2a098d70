import type { RecordedEvent, UnitKind, UnitRegisteredData, AdministrativeLevel } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';

/**
 * Units are registered in submissions (the units context). Councils keeps a copy of every UnitRegistered event in
 * its own store (same event ids: a redelivery adds nothing; the relay never republishes copies) and projects them
 * here, so establishing or renewing a council checks each member's agency against the registered units without
 * asking another service, and a rebuild from this store alone restores the list.
 */
export interface KnownUnitDoc extends ReadModelDocument {
  unitId: string;
  name: string;
  kind: UnitKind;
  level: AdministrativeLevel;
  unitPath: string[];
}

export const knownUnitStreamId = (unitId: string) => `unit-${unitId}`;

export const knownUnitsProjection: Projection<KnownUnitDoc> = {
  name: 'councils.known-units',
  collection: 'known_units',
  version: 1,
  indexes: [],
  eventTypes: [SUBMISSIONS_EVENTS.UnitRegistered],
  documentIds: (event) => [(event.data as UnitRegisteredData).unitId],
  apply: (_doc, event: RecordedEvent, id) => {
    const u = event.data as UnitRegisteredData;
    return { _id: id, unitId: u.unitId, name: u.name, kind: u.kind, level: u.level, unitPath: u.unitPath };
  },
};

/** Copies submissions' UnitRegistered events into this service's store. */
@Controller()
export class UnitReplicationHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @EventPattern(SUBMISSIONS_EVENTS.UnitRegistered)
  async replicate(@Payload() unit: UnitRegisteredData, @Ctx() envelope: EventEnvelope): Promise<void> {
    const { event } = envelope;
    await this.infra.store.append(
      knownUnitStreamId(unit.unitId),
      [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
      { expectedVersion: 'any' },
    );
  }
}

/** The registered units among the given ids (the adapter passes them to the council decider). */
export async function registeredUnits(infra: ServiceInfra, unitIds: readonly string[]): Promise<Map<string, KnownUnitDoc>> {
  const unique = [...new Set(unitIds)];
  if (!unique.length) return new Map();
  const docs = await infra.documents.collection<KnownUnitDoc>(knownUnitsProjection.collection).getMany(unique);
  return new Map(docs.map((d) => [d.unitId, d]));
}
