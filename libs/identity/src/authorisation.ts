import { Actor, AdministrativeLevel, ForbiddenError, levelPhrase, Role, roleLabel } from '@cem/contracts';

/** `true` to allow; otherwise the reason for the denial, phrased for the person denied. */
export type Rule<R> = (actor: Actor, resource: R) => true | string;

export type Decision = { allowed: true } | { allowed: false; reason: string };

export interface Policy<R, A extends string> {
  check(action: A, actor: Actor, resource: R): Decision;
  /** Throws ForbiddenError carrying the denial reason. */
  assert(action: A, actor: Actor, resource: R): void;
}

export function definePolicy<R, A extends string = string>(rules: Record<A, Rule<R>>): Policy<R, A> {
  const check = (action: A, actor: Actor, resource: R): Decision => {
    const rule = rules[action];
    // Deny by default: an action nobody wrote a rule for is not allowed.
    const verdict = rule ? rule(actor, resource) : `Không có quy tắc nào cho phép thao tác '${action}'`;
    return verdict === true ? { allowed: true } : { allowed: false, reason: verdict };
  };
  return {
    check,
    assert(action, actor, resource) {
      const decision = check(action, actor, resource);
      if (!decision.allowed) {
        throw new ForbiddenError(decision.reason, { action, actorId: actor.id, role: actor.role, unitId: actor.unitId });
      }
    },
  };
}

/** Accepts a fixed value or reads it from the resource. */
type From<R, T> = T | ((resource: R) => T);
const read = <R, T>(from: From<R, T>, resource: R): T => (typeof from === 'function' ? (from as (resource: R) => T)(resource) : from);

/** Ignores the resource, so it fits any policy; give the other rules' resource type explicitly (see spec). */
export function hasRole(...roles: Role[]): Rule<unknown> {
  return (actor) => {
    if (roles.includes(actor.role)) return true;
    return roles.length === 1
      ? `Cần vai trò ${roleLabel(roles[0])} (bạn đang thực hiện với vai trò ${roleLabel(actor.role)})`
      : `Cần một trong các vai trò: ${roles.map(roleLabel).join(', ')} (bạn đang thực hiện với vai trò ${roleLabel(actor.role)})`;
  };
}

/** The record belongs to the actor's own unit. */
export function sameUnit<R>(unitIdOf: From<R, string>): Rule<R> {
  return (actor, resource) => {
    const unitId = read(unitIdOf, resource);
    return unitId === actor.unitId || `Đơn vị ${unitId} không phải đơn vị của bạn (${actor.unitId})`;
  };
}

/**
 * The record's unit is the actor's unit or below it: the record's unit path (top down to the record's
 * unit) passes through the actor's unit.
 */
export function withinJurisdiction<R>(unitPathOf: From<R, readonly string[]>): Rule<R> {
  return (actor, resource) => {
    const unitPath = read(unitPathOf, resource);
    if (unitPath.includes(actor.unitId)) return true;
    const unit = unitPath[unitPath.length - 1] ?? '(không có đơn vị)';
    return `Đơn vị ${unit} nằm ngoài phạm vi quản lý của bạn (${actor.unitId})`;
  };
}

/** The action is taken at a given administrative level and the actor acts at that level. */
export function atLevel<R>(levelOf: From<R, AdministrativeLevel>): Rule<R> {
  return (actor, resource) => {
    const level = read(levelOf, resource);
    return level === actor.level || `Việc này do ${levelPhrase(level)} thực hiện (bạn đang thực hiện ở ${levelPhrase(actor.level)})`;
  };
}

/** All must allow; the first denial is the reason, since later rules often only make sense after earlier ones. */
export function allOf<R>(...rules: Rule<R>[]): Rule<R> {
  return (actor, resource) => {
    for (const rule of rules) {
      const verdict = rule(actor, resource);
      if (verdict !== true) return verdict;
    }
    return true;
  };
}

/** Any one suffices; when none does, every reason is given so the person sees all the ways in. */
export function anyOf<R>(...rules: Rule<R>[]): Rule<R> {
  return (actor, resource) => {
    const reasons: string[] = [];
    for (const rule of rules) {
      const verdict = rule(actor, resource);
      if (verdict === true) return true;
      reasons.push(verdict);
    }
    return reasons.length ? reasons.join('; hoặc ') : 'Không có quy tắc nào cho phép thao tác này';
  };
}
