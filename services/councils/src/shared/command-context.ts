import type { Actor } from '@cem/contracts';
import type { CommandContext } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { ensure } from '../councils/domain-rule';

/** Every HTTP command of this service records the caller as actor and this context as source. */
export const httpCommandContext = (infra: ServiceInfra, actor: Actor, reason?: string): CommandContext => ({
  actor,
  source: infra.context,
  ...(reason ? { reason } : {}),
});

/**
 * Paper score sheets, assignment letters and minutes carry their own date, often earlier than the day they are
 * entered; the platform records that date, defaulting to now, and refuses a date in the future.
 */
export function documentDate(given: string | undefined, now = new Date()): string {
  if (!given) return now.toISOString();
  ensure(given.slice(0, 10) <= now.toISOString().slice(0, 10), 'date-in-future', `Ngày ${given} ở tương lai`);
  return given;
}
