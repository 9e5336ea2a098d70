import { DomainRuleViolation } from '@cem/contracts';

/** Refuses the command with a stable code (clients branch on it) unless the rule holds. */
export function ensure(holds: unknown, code: string, message: string, details?: Record<string, unknown>): asserts holds {
  if (!holds) throw new DomainRuleViolation(code, message, details);
}

/** Calendar day of an ISO date or timestamp: membership is decided by day, not by the hour. */
export const dayOf = (iso: string): string => iso.slice(0, 10);
