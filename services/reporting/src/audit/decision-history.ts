import type { AdministrativeLevel, PersonNames, RecordedEvent, Role } from '@cem/contracts';
import { comparePositions, SYSTEM_ROLE } from '@cem/contracts';
import { summarise } from './event-summaries';

export type HistorySubject = { dossierId: string } | { proposalId: string } | { awardDecisionId: string };

export interface HistoryRow {
  eventId: string;
  when: string;
  who: string;
  actorId: string;
  role: Role;
  /**
   * The unit acted for: the person's own, or the jurisdiction a mandate let them act for. Absent for the
   * system (Hệ thống (tự động)), which acts for no unit.
   */
  unit?: string;
  /** With a mandate: the person's own unit and the decision that gave the mandate. */
  ownUnit?: string;
  mandateDecision?: string;
  /**
   * The level of that unit (its own level, as the actor's token stated it), never the level the decision was
   * about: a district officer submitting to the province is a district unit ("Nộp hồ sơ lên cấp tỉnh" says
   * where it went). Absent for the system.
   */
  level?: AdministrativeLevel;
  context: string;
  type: string;
  what: string;
  why?: string;
  /** The event that caused this one (a reaction carries it: a case opened because a dossier was received). */
  causationId?: string;
  /** That event as the timeline names it, when it is in the archive. */
  causedBy?: CauseRow;
}

export interface CauseRow {
  eventId: string;
  when: string;
  context: string;
  type: string;
  what: string;
}

type Data = {
  dossierId?: string;
  dossier?: { dossierId?: string };
  caseId?: string;
  proposalId?: string;
  entries?: { dossierId?: string }[];
  reason?: string;
};

const dataOf = (e: RecordedEvent) => (e.data ?? {}) as Data;

/** Every way an event names a dossier: directly, by its snapshot, by its case id `${dossierId}@level`, in a ranking. */
function namesDossier(d: Data, dossierId: string): boolean {
  return (
    d.dossierId === dossierId ||
    d.dossier?.dossierId === dossierId ||
    (typeof d.caseId === 'string' && d.caseId.startsWith(`${dossierId}@`)) ||
    Boolean(d.entries?.some((e) => e.dossierId === dossierId))
  );
}

function select(events: RecordedEvent[], subject: HistorySubject): RecordedEvent[] {
  if ('dossierId' in subject) {
    // Proposals and award decisions name the dossier on their first event only in some contexts; follow the proposal id.
    const proposals = new Set(
      events
        .filter((e) => namesDossier(dataOf(e), subject.dossierId))
        .map((e) => dataOf(e).proposalId)
        .filter(Boolean),
    );
    return events.filter((e) => namesDossier(dataOf(e), subject.dossierId) || proposals.has(dataOf(e).proposalId));
  }
  const proposalId = 'proposalId' in subject ? subject.proposalId : subject.awardDecisionId;
  return events.filter((e) => dataOf(e).proposalId === proposalId);
}

const byTimeThenPosition = (a: RecordedEvent, b: RecordedEvent) =>
  a.metadata.occurredAt.localeCompare(b.metadata.occurredAt) || comparePositions(a.position, b.position) || a.id.localeCompare(b.id);

/**
 * Causal order: an event never precedes the event that caused it, even when clocks of different services
 * disagree; otherwise by occurrence time, then by recorded position.
 */
export function causalOrder(events: RecordedEvent[]): RecordedEvent[] {
  const pending = [...events].sort(byTimeThenPosition);
  const ids = new Set(pending.map((e) => e.id));
  const emitted = new Set<string>();
  const ordered: RecordedEvent[] = [];
  while (pending.length) {
    const ready = (e: RecordedEvent) => {
      const cause = e.metadata.causationId;
      return !cause || !ids.has(cause) || emitted.has(cause);
    };
    // A causation cycle cannot come from the store; if a forged export has one, fall back to time order.
    const i = Math.max(0, pending.findIndex(ready));
    const [next] = pending.splice(i, 1);
    emitted.add(next.id);
    ordered.push(next);
  }
  return ordered;
}

/**
 * The names of the people acting in `events` (each actor's id and the name their token carried), looked up
 * first; then `more` (e.g. the council members the archive knows), for people the events name without acting.
 */
export function actorNames(events: RecordedEvent[], more: PersonNames = () => undefined): PersonNames {
  const names = new Map<string, string>();
  for (const e of events) {
    const { id, name, role } = e.metadata.actor;
    if (name && role !== SYSTEM_ROLE) names.set(id, name);
  }
  return (id) => names.get(id) ?? more(id);
}

/**
 * Lịch sử quyết định: every event across contexts about a dossier or a proposal, in causal order. People the
 * lines name (council members) read by name: `names` defaults to the actors of `events`.
 */
export function decisionHistory(events: RecordedEvent[], subject: HistorySubject, names: PersonNames = actorNames(events)): HistoryRow[] {
  const selected = causalOrder(select(events, subject));
  // The causing event may lie outside the subject's own events (another dossier's ranking, a council's stream).
  const causes = new Set(selected.map((e) => e.metadata.causationId).filter((id): id is string => Boolean(id)));
  const causeById = new Map(events.filter((e) => causes.has(e.id)).map((e) => [e.id, e]));
  return selected.map((e) => {
    const { actor, occurredAt, source, reason, causationId } = e.metadata;
    const cause = causationId ? causeById.get(causationId) : undefined;
    const why = reason ?? dataOf(e).reason;
    return {
      eventId: e.id,
      when: occurredAt,
      who: actor.name ?? actor.id,
      actorId: actor.id,
      role: actor.role,
      ...(actor.role === SYSTEM_ROLE ? {} : { unit: actor.unitId, level: actor.level }),
      ...(actor.mandate ? { ownUnit: actor.mandate.ownUnitId, mandateDecision: actor.mandate.decisionRef } : {}),
      context: source,
      type: e.type,
      what: summarise(e, names),
      ...(why ? { why } : {}),
      ...(causationId ? { causationId } : {}),
      ...(cause
        ? {
            causedBy: {
              eventId: cause.id,
              when: cause.metadata.occurredAt,
              context: cause.metadata.source,
              type: cause.type,
              what: summarise(cause, names),
            },
          }
        : {}),
    };
  });
}
