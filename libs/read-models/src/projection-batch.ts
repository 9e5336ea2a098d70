import { comparePositions, LogPosition, RecordedEvent } from '@cem/contracts';
import type { DocumentCollection, ReadModelDocument } from './document-store';
import { DuplicateKeyError } from './document-store.errors';
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
 * The ids a projection read or wrote lately, bounded (oldest forgotten first). An id it does not know is
 * guessed to be new: its document is folded from nothing and inserted without a read (see projectBatch).
 * Only a guess: forgetting an id, a restart or another replica's write costs one refused insert, never a wrong
 * document.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 20_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
    }
  }
}

/** Above this many new-looking documents in one batch (a catch-up, not live traffic), every one is read first. */
const GUESSES_UP_TO = 256;

/**
 * Applies one batch of the log to one projection with at most one read (getMany of the touched documents)
 * and at most three writes (deleteMany, putMany of existing documents, insertMany of new ones): every
 * document is touched once per batch however many of the batch's events concern it.
 *
 * With `recent`, a document whose id the projection has not seen lately is not read: live traffic mostly
 * creates documents (a drafted dossier is new to every read model it enters), and the read of a missing
 * document was half of the store commands of a live batch. Its fold from nothing is inserted, and the insert
 * itself is the check: if the id exists after all (a forgotten id, a restart, another replica), the store
 * refuses it, the documents are read and folded again from what is stored (already applied events skipped),
 * exactly as if they had been read first. A fold from nothing that deletes is read first (it may exist).
 */
export async function projectBatch(
  projection: Projection,
  collection: DocumentCollection,
  events: RecordedEvent[],
  recent?: RecentIds,
): Promise<number> {
  const groups = groupByDocument(projection, events);
  if (!groups.size) return 0;
  const guessed = new Map<string, Stored>();
  if (recent) {
    for (const [id, group] of groups) {
      if (recent.has(id) || guessed.size >= GUESSES_UP_TO) continue;
      const folded = foldDocument(projection, id, null, group)?.doc;
      if (folded) guessed.set(id, folded);
    }
  }
  const toRead = guessed.size ? [...groups.keys()].filter((id) => !guessed.has(id)) : [...groups.keys()];
  const loaded = toRead.length ? await collection.getMany(toRead) : [];
  const stored = new Map(loaded.map((doc) => [doc._id, doc as Stored]));
  const changes: Changes = { replaced: [], inserted: [...guessed.values()], deleted: [] };
  for (const id of toRead) foldInto(changes, projection, id, stored.get(id) ?? null, groups.get(id)!);
  await collection.deleteMany(changes.deleted);
  await collection.putMany(changes.replaced);
  try {
    await collection.insertMany(changes.inserted);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    await settleRefusedInserts(projection, collection, changes.inserted, groups);
  }
  recent?.add(groups.keys());
  return changes.replaced.length + changes.inserted.length + changes.deleted.length;
}

interface Changes {
  replaced: Stored[];
  inserted: Stored[];
  deleted: string[];
}

function foldInto(changes: Changes, projection: Projection, id: string, stored: Stored | null, events: RecordedEvent[]): void {
  const result = foldDocument(projection, id, stored, events);
  if (!result) return;
  if (result.doc) (stored ? changes.replaced : changes.inserted).push(result.doc);
  else if (stored) changes.deleted.push(id);
}

/**
 * An insert was refused: some of the documents taken for new exist (a guess, or another replica inserting the same
 * document first), and a store may have inserted the others or none. Every one of them is read and folded again:
 * what is stored now (its own insert, another replica's, or an older document) keeps only the events it lacks, and
 * what is still missing is inserted again, which fails for good only on a real conflict (another unique key).
 */
async function settleRefusedInserts(
  projection: Projection,
  collection: DocumentCollection,
  inserted: Stored[],
  groups: Map<string, RecordedEvent[]>,
): Promise<void> {
  const ids = inserted.map((doc) => doc._id);
  const found = new Map((await collection.getMany(ids)).map((doc) => [doc._id, doc as Stored]));
  const changes: Changes = { replaced: [], inserted: [], deleted: [] };
  for (const id of ids) foldInto(changes, projection, id, found.get(id) ?? null, groups.get(id)!);
  await writeChanges(collection, changes);
}

/**
 * Deletes first: a deleted document may free a unique key that a written one takes. New documents are
 * inserted rather than upserted (cheaper on FerretDB); a replica inserting the same document first makes the
 * insert fail, which projectBatch settles by reading and folding again.
 */
export async function writeChanges(
  collection: DocumentCollection,
  changes: { replaced: StoredDocument[]; inserted: StoredDocument[]; deleted: string[] },
): Promise<void> {
  await collection.deleteMany(changes.deleted);
  await collection.putMany(changes.replaced);
  await collection.insertMany(changes.inserted);
}
