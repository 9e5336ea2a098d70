import type { RecordedEvent } from '@cem/contracts';
import type { DocumentCollection } from './document-store';
import { foldDocument, groupByDocument, StoredDocument } from './projection-batch';
import type { Projection } from './projection';

/**
 * Write-behind cache for replaying a whole log into an EMPTY collection (rebuild, verification). Documents
 * stay in memory across batches, so a document touched by thousands of events is written once, with a
 * cheap insert, instead of once per batch. When more than `maxDocuments` are held, everything is flushed
 * and forgotten; ids written so far are remembered, so later batches load (and replace) only those.
 */
export class ReplayBuffer {
  private readonly cache = new Map<string, StoredDocument | null>();
  /** Ids present in the collection (flushed earlier). */
  private readonly written = new Set<string>();

  constructor(
    readonly projection: Projection,
    readonly collection: DocumentCollection,
    private readonly maxDocuments: number,
  ) {}

  async apply(events: RecordedEvent[]): Promise<void> {
    const groups = groupByDocument(this.projection, events);
    await this.loadFlushed([...groups.keys()]);
    for (const [id, group] of groups) {
      const result = foldDocument(this.projection, id, this.cache.get(id) ?? null, group);
      if (result) this.cache.set(id, result.doc);
    }
    if (this.cache.size > this.maxDocuments) await this.flush();
  }

  async flush(): Promise<void> {
    const changes = { replaced: [] as StoredDocument[], inserted: [] as StoredDocument[], deleted: [] as string[] };
    for (const [id, doc] of this.cache) {
      const exists = this.written.has(id);
      if (doc) (exists ? changes.replaced : changes.inserted).push(doc);
      else if (exists) changes.deleted.push(id);
      if (doc) this.written.add(id);
      else this.written.delete(id);
    }
    this.cache.clear();
    // Same order as writeChanges (deletes free unique keys first), each kind in bounded chunks.
    await inChunks(changes.deleted, (ids) => this.collection.deleteMany(ids));
    await inChunks(changes.replaced, (docs) => this.collection.putMany(docs));
    await inChunks(changes.inserted, (docs) => this.collection.insertMany(docs));
  }

  private async loadFlushed(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.cache.has(id) && this.written.has(id));
    if (!missing.length) return;
    const found = await this.collection.getMany(missing);
    for (const doc of found) this.cache.set(doc._id, doc as StoredDocument);
  }
}

const FLUSH_CHUNK = 5000;

/** Bounded writes: one insert of a million documents would exceed the server's message size. */
async function inChunks<T>(items: T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += FLUSH_CHUNK) await write(items.slice(start, start + FLUSH_CHUNK));
}
