import { comparePositions, LogPosition, RecordedEvent } from '@cem/contracts';
import type { DocumentCollection, ReadModelDocument } from './document-store';
import type { ProjectedDocument, Projection } from './projection';

export type StoredDocument = ProjectedDocument<ReadModelDocument>;
type Stored = StoredDocument;

/** Events of the batch grouped by the document they touch, each group in global order. */
export function groupByDocument(projection: Projection, events: RecordedEvent[]): Map<string, RecordedEvent[]> {
  const types = new Set(projection.eventTypes);
  const groups = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!projection.allEventTypes && !types.has(event.type)) continue;
    for (const id of new Set(projection.documentIds(event))) {
      const group = groups.get(id);
      if (group) group.push(event);
      else groups.set(id, [event]);
    }
  }
  return groups;
}

function isApplied(doc: Stored | null, position: LogPosition): boolean {
  return doc?._position !== undefined && comparePositions(position, doc._position) <= 0;
}

/** Folds one document's events; undefined when every event had already been applied (nothing to write). */
export function foldDocument(
  projection: Projection,
  id: string,
  stored: Stored | null,
  events: RecordedEvent[],
): { doc: Stored | null } | undefined {
  let doc = stored;
  let changed = false;
  for (const event of events) {
    if (isApplied(doc, event.position)) continue;
    const next = projection.apply(doc, event, id);
    doc = next && { ...next, _id: id, _position: { tx: event.position.tx, pos: event.position.pos } };
    changed = true;
  }
  return changed ? { doc } : undefined;
}

/**
 * Applies one batch of the log to one projection with a single read (getMany of the touched documents)
 * and at most three writes (deleteMany, putMany of existing documents, insertMany of new ones): every
 * document is touched once per batch however many of the batch's events concern it.
 */
export async function projectBatch(projection: Projection, collection: DocumentCollection, events: RecordedEvent[]): Promise<number> {
  const groups = groupByDocument(projection, events);
  if (!groups.size) return 0;
  const loaded = await collection.getMany([...groups.keys()]);
  const stored = new Map(loaded.map((doc) => [doc._id, doc as Stored]));
  const replaced: Stored[] = [];
  const inserted: Stored[] = [];
  const deleted: string[] = [];
  for (const [id, group] of groups) {
    const result = foldDocument(projection, id, stored.get(id) ?? null, group);
    if (!result) continue;
    if (result.doc) (stored.has(id) ? replaced : inserted).push(result.doc);
    else if (stored.has(id)) deleted.push(id);
  }
  await writeChanges(collection, { replaced, inserted, deleted });
  return replaced.length + inserted.length + deleted.length;
}

/**
 * Deletes first: a deleted document may free a unique key that a written one takes. New documents are
 * inserted rather than upserted; the runner is the collection's only writer, so "not loaded" means "new".
 */
export async function writeChanges(
  collection: DocumentCollection,
  changes: { replaced: StoredDocument[]; inserted: StoredDocument[]; deleted: string[] },
): Promise<void> {
  await collection.deleteMany(changes.deleted);
  await collection.putMany(changes.replaced);
  await collection.insertMany(changes.inserted);
}
