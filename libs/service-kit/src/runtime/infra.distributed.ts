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

/** Where a service's data lives in a deployment: its PostgreSQL schema and its MongoDB database. */
export function distributedNames(context: string, namePrefix = ''): { schema: string; database: string } {
  const name = `${namePrefix}${context}`;
  return { schema: name, database: `cem_${name}` };
}

/**
 * Deployments: each service owns a PostgreSQL schema (its event store) and a MongoDB database (its read
 * models); the bus (Kafka) is passed in so a process can share one client.
 */
export async function createDistributedPorts(context: string, config: DistributedConfig, bus: EventBus): Promise<InfraPorts> {
  const { schema, database } = distributedNames(context, config.namePrefix);
  const store = await createPostgresEventStore({ connectionString: config.pgUrl, schema });
  const documents = await createMongoDocumentStore({ url: config.mongoUrl, dbName: database });
  return { store, bus, documents };
}
