import type { Type } from '@nestjs/common';
import type { ContextName, EventContract, RecordedEvent } from '@cem/contracts';
import type { Projection } from '@cem/read-models';
import type { ServiceInfra } from './service-infra';
import type { ServiceAccessPolicy } from '../access/policy';

/**
 * What a service reacts to from other contexts. A reaction runs a command whose event ids are derived from
 * the incoming event id (CommandContext.idempotencySeed), so a redelivered message appends nothing new.
 */
export interface Reaction {
  name: string;
  eventTypes: string[];
  handle(event: RecordedEvent, infra: ServiceInfra): Promise<void>;
}

/** The one template every service fills in; the runtime does the rest the same way for all four. */
export interface ServiceDefinition {
  context: ContextName;
  title: string;
  /** Nest module with the service's controllers and providers; SERVICE_INFRA is injectable in it. */
  module: Type<unknown>;
  /**
   * Who may call each route (`<service>.policy.ts`): roles and the relation to the record, enforced by the
   * AccessGuard; a route without a rule is refused. Optional only for test fixtures without routes.
   */
  access?: ServiceAccessPolicy;
  /** Contracts of the events this service records and of those it consumes. */
  contracts: EventContract[];
  projections: Projection<any>[];
  consumes?: {
    contexts: ContextName[];
    /** Keep a copy of every consumed event in this service's own store (reporting and audit do). */
    archive?: boolean;
    reactions: Reaction[];
  };
}
