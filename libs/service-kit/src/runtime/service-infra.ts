import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ContextName, EventContractRegistry } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import type { EventBus } from '@cem/messaging';
import type { DocumentStore } from '@cem/read-models';

/** The ports a service runs on; adapters differ between the distributed and the embedded mode. */
import type { MandateCache } from '../access/mandates';

export interface ServiceInfra {
  context: ContextName;
  store: EventStore;
  bus: EventBus;
  documents: DocumentStore;
  contracts: EventContractRegistry;
  /** Resolves once every read model has applied everything committed so far (read-your-writes). */
  readModelsCaughtUp(): Promise<void>;
  /** Where signed chain anchors are published, this store's name in them and the keys trusted (when anchoring). */
  anchors?: { topic: string; storeName: string; trustedPublicKeys: string[] };
  /** The access guard's mandates, remembered until the projection runner applies a mandate event. */
  mandates?: MandateCache;
}

export const SERVICE_INFRA = Symbol('SERVICE_INFRA');

@Global()
@Module({})
export class ServiceInfraModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    return {
      module: ServiceInfraModule,
      providers: [{ provide: SERVICE_INFRA, useValue: infra }],
      exports: [SERVICE_INFRA],
    };
  }
}
