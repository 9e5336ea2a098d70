import type { Actor, AdministrativeLevel, MandateUse, Role } from '@cem/contracts';
import { ROLE_LABELS_VI } from '@cem/contracts';

/**
 * The access model shared by every service (docs/security.md). Pure: no Nest, no I/O.
 *
 * Each endpoint declares, in its service's `<service>.policy.ts`, an AccessRule: the roles allowed and the
 * relations, any one of which must hold between one of the actor's acting units and the record. A person acts
 * from their own unit and, by mandates recorded as events, for the jurisdictions their unit was given in
 * their role. The service kit's AccessGuard loads the record's facts and the mandates and applies the rule
 * before the controller runs.
 */

/** A unit a person may act from: their own, or a jurisdiction their unit holds a mandate for in their role. */
export interface ActingUnit {
  unitId: string;
  unitPath: string[];
  level: AdministrativeLevel;
  /** Absent for the person's own unit. */
  mandate?: { mandateId: string; decisionRef: string };
}

/** A mandate as the access guard sees it (projected from submissions.MandateGranted / MandateRevoked). */
export interface Mandate {
  mandateId: string;
  holderUnitId: string;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  jurisdictionLevel: AdministrativeLevel;
  role: Role;
  /** yyyy-MM-dd, inclusive. */
  from: string;
  /** yyyy-MM-dd, exclusive; absent while in force. */
  until?: string;
  decisionRef: string;
}

/** The mandate is held by the actor's unit in the actor's role and is in force on `date` (yyyy-MM-dd). */
export function mandateApplies(mandate: Mandate, actor: Actor, date: string): boolean {
  return (
    mandate.holderUnitId === actor.unitId &&
    mandate.role === actor.role &&
    mandate.from.slice(0, 10) <= date &&
    (!mandate.until || date < mandate.until.slice(0, 10))
  );
}

/** The actor's own unit first, then every jurisdiction a mandate in force lets them act for. */
export function actingUnitsOf(actor: Actor, mandates: readonly Mandate[], date: string): ActingUnit[] {
  const own: ActingUnit = { unitId: actor.unitId, unitPath: actor.unitPath, level: actor.level };
  const delegated = mandates
    .filter((m) => mandateApplies(m, actor, date))
    .map((m) => ({
      unitId: m.jurisdictionUnitId,
      unitPath: m.jurisdictionUnitPath,
      level: m.jurisdictionLevel,
      mandate: { mandateId: m.mandateId, decisionRef: m.decisionRef },
    }));
  return [own, ...delegated];
}

/**
 * The actor as recorded on events when acting from `unit`: for a mandate, the jurisdiction's unit with the
 * person's own unit and the decision kept in `actor.mandate`, so the audit shows both.
 */
export function actorActingFrom(actor: Actor, unit: ActingUnit): Actor {
  if (!unit.mandate) return actor;
  const mandate: MandateUse = {
    mandateId: unit.mandate.mandateId,
    decisionRef: unit.mandate.decisionRef,
    ownUnitId: actor.unitId,
    ownUnitPath: actor.unitPath,
    ownLevel: actor.level,
  };
  return { ...actor, unitId: unit.unitId, unitPath: unit.unitPath, level: unit.level, mandate };
}

/** What the guard hands a relation: who asks, from which unit, on which date. */
export interface AccessSubject {
  actor: Actor;
  unit: ActingUnit;
  /** yyyy-MM-dd: the server's date, for "sits on the council on that date". */
  today: string;
}

/**
 * A relation between an acting unit and a record. `code` is the machine name (English), `label` what a person
 * reads (Vietnamese), used in docs/security.md and in the 403's reason.
 */
export interface Relation<F> {
  code: string;
  label: string;
  holds(subject: AccessSubject, facts: F): boolean;
}

export const relation = <F>(code: string, label: string, holds: Relation<F>['holds']): Relation<F> => ({ code, label, holds });

/** Reads the unit (path from the top, ending with the unit) a record belongs to in the sense of a relation. */
type PathOf<F> = (facts: F) => readonly string[] | undefined;
const last = (path: readonly string[] | undefined) => path?.[path.length - 1];

/** The acting unit is the record's unit. */
export const ownUnit = <F>(pathOf: PathOf<F>, label = 'đơn vị của mình'): Relation<F> =>
  relation('own-unit', label, ({ unit }, facts) => !!last(pathOf(facts)) && last(pathOf(facts)) === unit.unitId);

/** The record's unit is the acting unit or lies below it (a district officer over the district's communes). */
export const ownUnitOrBelow = <F>(pathOf: PathOf<F>, label = 'đơn vị của mình hoặc đơn vị cấp dưới'): Relation<F> =>
  relation('own-unit-or-below', label, ({ unit }, facts) => !!pathOf(facts)?.includes(unit.unitId));

/** The record belongs to the person themself (their own work queue, their own score). */
export const self = <F>(personIdOf: (facts: F) => string | undefined, label = 'chính mình'): Relation<F> =>
  relation('self', label, ({ actor }, facts) => personIdOf(facts) === actor.id);

/** Holds for anyone who passed the role check: a deliberate "no relation needed", named so the matrix shows it. */
export const anyRecord = <F>(label = 'mọi hồ sơ, không phụ thuộc đơn vị'): Relation<F> => relation('any', label, () => true);

export type EndpointKind = 'command' | 'read' | 'list' | 'public';

/**
 * One endpoint's rule. `roles` are checked first (403); then, when `relations` are given, the guard loads the
 * record's facts (404 when it does not exist) and needs one acting unit for which one relation holds:
 * otherwise a command is refused with 403 and the reason, and a direct read answers 404 (a record outside
 * the actor's scope is not revealed). A 'list' is filtered by the controller through the actor's scope.
 */
export interface AccessRule<F = unknown, C = unknown> {
  kind: EndpointKind;
  /** 'any' = every authenticated role (lists filtered by scope, reference data). Ignored for 'public'. */
  roles: readonly Role[] | 'any';
  relations?: Relation<F>[];
  /** Loads the facts the relations look at; throw NotFoundError when the record does not exist. */
  facts?: (request: AccessRequest, context: C) => Promise<F>;
  /** Role 'admin' passes the relation check (platform administration: seeding units, repairing data). */
  adminBypass?: boolean;
  /** What the rule means, in Vietnamese, for docs/security.md. */
  summary: string;
}

/** The parts of an HTTP request a facts loader may read. Bodies are not validated yet: read them defensively. */
export interface AccessRequest {
  /** Who asks (own unit; the guard tries the acting units afterwards). */
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export type AccessVerdict =
  { allowed: true; unit: ActingUnit; relation?: string } | { allowed: false; status: 403 | 404; code: string; reason: string };

export const roleLabelVi = (role: Role): string => ROLE_LABELS_VI[role] ?? role;

/** The role check alone: what the guard decides before loading anything. */
export function checkRole<F, C>(rule: AccessRule<F, C>, actor: Actor): AccessVerdict | undefined {
  if (rule.kind === 'public' || rule.roles === 'any' || rule.roles.includes(actor.role)) return undefined;
  return {
    allowed: false,
    status: 403,
    code: 'role-not-allowed',
    reason: `Vai trò ${roleLabelVi(actor.role)} không được thực hiện thao tác này (cần: ${rule.roles.map(roleLabelVi).join(', ')})`,
  };
}

/** The relation check, on facts already loaded; the first acting unit (own unit first) that qualifies wins. */
export function checkRelations<F, C>(rule: AccessRule<F, C>, actor: Actor, units: ActingUnit[], facts: F, today: string): AccessVerdict {
  const own = units[0];
  if (!rule.relations?.length || (rule.adminBypass && actor.role === 'admin')) return { allowed: true, unit: own };
  for (const unit of units) {
    for (const r of rule.relations) {
      if (r.holds({ actor, unit, today }, facts)) return { allowed: true, unit, relation: r.code };
    }
  }
  if (rule.kind === 'read') {
    return { allowed: false, status: 404, code: 'outside-scope', reason: 'Không tìm thấy (hoặc ngoài phạm vi được xem)' };
  }
  return {
    allowed: false,
    status: 403,
    code: 'outside-jurisdiction',
    reason: `Đơn vị ${actor.unitId} không có quan hệ cần thiết với hồ sơ này (cần: ${rule.relations.map((r) => r.label).join(' hoặc ')})`,
  };
}
