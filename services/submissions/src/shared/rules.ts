import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, DomainRuleViolation, ForbiddenError } from '@cem/contracts';

/** Refuses the command with a stable code (clients branch on it) unless the rule holds. */
export function ensure(holds: unknown, code: string, message: string, details?: Record<string, unknown>): asserts holds {
  if (!holds) throw new DomainRuleViolation(code, message, details);
}

/** Refuses the command because of who asks, unless the condition holds. */
export function ensureAllowed(holds: unknown, message: string, details?: Record<string, unknown>): asserts holds {
  if (!holds) throw new ForbiddenError(message, details);
}

/** Depth of a level: central 0 ... commune 3. */
export const depthOf = (level: AdministrativeLevel): number => ADMINISTRATIVE_LEVELS.indexOf(level);

/** True when `path` (ids from the top down) starts with every id of `prefix`: the unit lies inside it. */
export const isWithin = (path: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length > 0 && prefix.length <= path.length && prefix.every((id, i) => path[i] === id);
