import { join } from 'path';
import { createPgliteEventStore } from '@cem/event-store';
import type { EventBus } from '@cem/messaging';
import { EmbeddedDocumentStore } from '@cem/read-models';
import type { InfraPorts } from './service-runtime';

export interface EmbeddedPortsOptions {
  /**
   * Keep the read models in dataDir/<context>/read-models.snapshot (default true with a data dir): a restart
   * loads them and catches up from their checkpoints instead of replaying the whole log. False: memory only,
   * rebuilt at every start (the path before, kept for before/after measurements: CEM_READ_MODEL_SNAPSHOTS=off).
   */
  readModelSnapshots?: boolean;
  /** PostgreSQL's shared_buffers in the service's PGlite (default 16MB, see PgliteSqlClient.open; `128MB` was the old). */
  pgliteSharedBuffers?: string;
}

/**
 * Embedded default: the service's own PGlite database persisted under dataDir/<context>, the in-process
 * bus shared by all services of the process, read models in memory, kept on disk as a snapshot beside it.
 */
export async function createEmbeddedPorts(
  context: string,
  dataDir: string | undefined,
  bus: EventBus,
  options: EmbeddedPortsOptions = {},
): Promise<InfraPorts> {
  const store = await createPgliteEventStore({
    dataDir: dataDir ? join(dataDir, context, 'pg') : undefined,
    schema: context,
    sharedBuffers: options.pgliteSharedBuffers,
  });
  const documents =
    dataDir && options.readModelSnapshots !== false
      ? await EmbeddedDocumentStore.open({ snapshotFile: join(dataDir, context, 'read-models.snapshot') })
      : new EmbeddedDocumentStore();
  return { store, bus, documents };
}
