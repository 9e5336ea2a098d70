import { createPostgresEventStore } from '@cem/event-store';
import type { EventBus } from '@cem/messaging';
import { createMongoDocumentStore } from '@cem/read-models';
import type { InfraPorts } from './service-runtime';

export interface DistributedConfig {
  pgUrl: string;
  mongoUrl: string;
  /** Prefix for schema and database names, so test runs can share servers. */
  namePrefix?: string;
}

/**
 * Deployments: each service owns a PostgreSQL schema (its event store) and a MongoDB database (its read
 * models); the bus (Kafka) is passed in so a process can share one client.
 */
export async function createDistributedPorts(context: string, config: DistributedConfig, bus: EventBus): Promise<InfraPorts> {
  const name = `${config.namePrefix ?? ''}${context}`;
  const store = await createPostgresEventStore({ connectionString: config.pgUrl, schema: name });
  const documents = await createMongoDocumentStore({ url: config.mongoUrl, dbName: `cem_${name}` });
  return { store, bus, documents };
}
