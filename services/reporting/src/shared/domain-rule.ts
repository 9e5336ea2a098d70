import { DomainRuleViolation } from '@cem/contracts';

/** Refuses the command with a stable code (clients branch on it) unless the rule holds. */
export function ensure(holds: unknown, code: string, message: string, details?: Record<string, unknown>): asserts holds {
  if (!holds) throw new DomainRuleViolation(code, message, details);
}
