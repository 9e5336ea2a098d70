import type { Actor } from '@cem/contracts';
import type { CommandContext } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';

/** The context of a command taken over HTTP: the token's actor, recorded as this service. */
export const httpCommand = (infra: ServiceInfra, actor: Actor, reason?: string): CommandContext => ({
  actor,
  source: infra.context,
  ...(reason ? { reason } : {}),
});
