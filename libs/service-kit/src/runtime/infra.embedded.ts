import { join } from 'path';
import { createPgliteEventStore } from '@cem/event-store';
import type { EventBus } from '@cem/messaging';
import { EmbeddedDocumentStore } from '@cem/read-models';
import type { InfraPorts } from './service-runtime';

/**
 * Embedded default: the service's own PGlite database persisted under dataDir/<context>, the in-process
 * bus shared by all services of the process, read models in memory (rebuilt from the log at start).
 */
export async function createEmbeddedPorts(context: string, dataDir: string | undefined, bus: EventBus): Promise<InfraPorts> {
  const store = await createPgliteEventStore({ dataDir: dataDir ? join(dataDir, context, 'pg') : undefined, schema: context });
  return { store, bus, documents: new EmbeddedDocumentStore() };
}
