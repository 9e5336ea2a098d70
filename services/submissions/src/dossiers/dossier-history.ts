import {
  AdministrativeLevel,
  ForwardingBasis,
  levelPhrase,
  RecordedEvent,
  roleLabel,
  SUBMISSIONS_EVENTS as E,
  summariseEvent,
} from '@cem/contracts';
import type { LineageAppeal } from './dossier-appeals';
import { applyDossierList, DossierListDoc } from './dossier-list.projection';
import type { DossierEvent } from './dossier.state';

/** Pure views of a dossier built from its stream, so the detail and lineage are never behind the log. */

export interface HistoryEntry {
  version: number;
  type: string;
  /** The history line as a person reads it (Vietnamese; shared wording of @cem/contracts). */
  summary: string;
  roleLabel: string;
  levelLabel?: string;
  at: string;
  actorId: string;
  actorName?: string;
  role: string;
  /** The unit acted for (with a mandate, the jurisdiction; `ownUnitId` is then the person's own unit). */
  unitId: string;
  ownUnitId?: string;
  mandateDecision?: string;
  reason?: string;
  level?: AdministrativeLevel;
  jurisdictionUnitId?: string;
}

export function historyOf(events: RecordedEvent[]): HistoryEntry[] {
  return events.map((e) => {
    const data = e.data as {
      reason?: string;
      level?: AdministrativeLevel;
      toLevel?: AdministrativeLevel;
      jurisdictionUnitId?: string;
      toJurisdictionUnitId?: string;
    };
    const { actor } = e.metadata;
    const reason = e.metadata.reason ?? data.reason;
    const level = data.level ?? data.toLevel;
    const jurisdictionUnitId = data.jurisdictionUnitId ?? data.toJurisdictionUnitId;
    return {
      version: e.streamVersion,
      type: e.type,
      summary: summariseEvent(e),
      roleLabel: roleLabel(actor.role),
      ...(level ? { levelLabel: levelPhrase(level) } : {}),
      at: e.metadata.occurredAt,
      actorId: actor.id,
      ...(actor.name ? { actorName: actor.name } : {}),
      role: actor.role,
      unitId: actor.unitId,
      ...(actor.mandate ? { ownUnitId: actor.mandate.ownUnitId, mandateDecision: actor.mandate.decisionRef } : {}),
      ...(reason ? { reason } : {}),
      ...(level ? { level } : {}),
      ...(jurisdictionUnitId ? { jurisdictionUnitId } : {}),
    };
  });
}

/** The list row folded from the stream: the facts the visibility policy needs, current to the last event. */
export const summaryOf = (events: RecordedEvent[]): DossierListDoc | null => events.reduce(applyDossierList, null);

/** How the dossier got to a level and what that level did with it. */
export interface LineageStep {
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  arrivedBy: 'submission' | 'forwarding';
  arrivedAt: string;
  receivedAt?: string;
  receivedBy?: string;
  returnedAt?: string;
  forwardedAt?: string;
  forwardedBy?: { actorId: string; role: string; unitId: string };
  basis?: ForwardingBasis;
  decisionRef?: string;
  /** Appeals against the result of this level's council. */
  appeals?: LineageAppeal[];
}

export interface DossierLineage {
  dossierId: string;
  origin: { nominatingUnitId: string; nominatingUnitPath: string[] };
  /** Bottom up: the level it was first lodged with, then each level it was forwarded to. */
  up: LineageStep[];
  /** Top down: from the highest level reached back to the nominating unit. */
  down: Array<LineageStep | { level: 'origin'; nominatingUnitId: string; nominatingUnitPath: string[] }>;
}

export function lineageOf(events: RecordedEvent[], appeals: LineageAppeal[] = []): DossierLineage | null {
  let steps: LineageStep[] = [];
  let origin: DossierLineage['origin'] | null = null;
  let dossierId = '';
  const update = (level: AdministrativeLevel, change: Partial<LineageStep>) => {
    steps = steps.map((s) => (s.level === level ? { ...s, ...change } : s));
  };
  for (const recorded of events) {
    const event = recorded as unknown as DossierEvent;
    switch (event.type) {
      case E.DossierDrafted:
        dossierId = event.data.dossierId;
        origin = { nominatingUnitId: event.data.nominatingUnitId, nominatingUnitPath: event.data.nominatingUnitPath };
        break;
      case E.DossierSubmitted: {
        const { level, jurisdictionUnitId, jurisdictionUnitPath, submittedAt } = event.data;
        // A re-submission after a return starts the level afresh, as in the decider's state.
        steps = [
          ...steps.filter((s) => s.level !== level),
          { level, jurisdictionUnitId, jurisdictionUnitPath, arrivedBy: 'submission', arrivedAt: submittedAt },
        ];
        break;
      }
      case E.DossierReceived:
        update(event.data.level, { receivedAt: event.data.receivedAt, receivedBy: event.data.receivingAgencyUnitId });
        break;
      case E.DossierReturned:
        update(event.data.level, { returnedAt: event.data.returnedAt });
        break;
      case E.DossierForwarded: {
        const d = event.data;
        const { actor } = recorded.metadata;
        update(d.fromLevel, {
          forwardedAt: d.forwardedAt,
          forwardedBy: { actorId: actor.id, role: actor.role, unitId: actor.unitId },
          basis: d.basis,
          ...(d.decisionRef ? { decisionRef: d.decisionRef } : {}),
        });
        steps.push({
          level: d.toLevel,
          jurisdictionUnitId: d.toJurisdictionUnitId,
          jurisdictionUnitPath: d.toJurisdictionUnitPath,
          arrivedBy: 'forwarding',
          arrivedAt: d.forwardedAt,
        });
        break;
      }
    }
  }
  if (!origin) return null;
  steps = steps.map((s) => {
    const here = appeals.filter((a) => a.level === s.level);
    return here.length ? { ...s, appeals: here } : s;
  });
  return { dossierId, origin, up: steps, down: [...[...steps].reverse(), { level: 'origin', ...origin }] };
}
