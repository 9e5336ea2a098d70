import type { Actor } from '@cem/contracts';
import type { CommandContext } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';

/**
 * Every HTTP command of this service records the caller as actor, this context as source and the server's clock
 * as `occurredAt`. That same instant is the time a command's rules are decided on (when a score was submitted,
 * whether a member sat on the council, when a criteria set or a ranking was published, when a case was
 * assigned): a client never supplies it (docs/security.md, "Which times a client may supply").
 */
export const httpCommandContext = (
  infra: ServiceInfra,
  actor: Actor,
  reason?: string,
  now = new Date(),
): CommandContext & { occurredAt: string } => ({
  actor,
  source: infra.context,
  occurredAt: now.toISOString(),
  ...(reason ? { reason } : {}),
});
