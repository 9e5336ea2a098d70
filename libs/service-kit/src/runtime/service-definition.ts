import type { Type } from '@nestjs/common';
import type { ContextName, EventContract } from '@cem/contracts';
import type { Projection } from '@cem/read-models';
import type { ServiceAccessPolicy } from '../access/policy';

/** The one template every service fills in; the runtime does the rest the same way for all four. */
export interface ServiceDefinition {
  context: ContextName;
  title: string;
  /**
   * Nest module with the service's controllers and providers; SERVICE_INFRA is injectable in it. Its reactions
   * to other contexts' events are `@EventPattern('<context>.<EventType>')` handlers of its controllers.
   */
  module: Type<unknown>;
  /**
   * Who may call each route (`<service>.policy.ts`): roles and the relation to the record, enforced by the
   * AccessGuard; a route without a rule is refused. Optional only for test fixtures without routes.
   */
  access?: ServiceAccessPolicy;
  /** Contracts of the events this service records and of those it consumes. */
  contracts: EventContract[];
  projections: Projection[];
  /**
   * The contexts whose events this service's @EventPattern handlers receive (one consumer group per service,
   * dead letters on cem.dlq.<context>); types no handler subscribes to are passed over.
   */
  consumes?: {
    contexts: ContextName[];
    /** Keep a copy of every consumed event in this service's own store (reporting and audit do). */
    archive?: boolean;
  };
}
