import sift from 'sift';
import type { DocumentCollection, DocumentStore, Filter, FindOptions, IndexSpec, ReadModelDocument } from '../document-store';
import { DuplicateKeyError } from '../document-store.errors';
import { deepCopy } from './deep-copy';
import { documentComparator } from './document-order';
import { UniqueIndex } from './unique-index';

/** Runs synchronous work as an async method would: a throw becomes a rejection, never a synchronous throw. */
const settle = <R>(work: () => R): Promise<R> => new Promise<R>((resolve) => resolve(work()));

/**
 * The read-model store of the embedded default: no server, documents in memory, filters evaluated with
 * `sift` (the same Mongo filter subset the mongoose adapter sends to the server).
 *
 * It deliberately does not persist. Read models are derivable: the checkpoints live in this store too
 * (`_checkpoints`), so after a restart every projection finds no checkpoint and the ProjectionRunner
 * rebuilds it from the persistent event store before serving.
 *
 * Documents are deep-copied in and out so callers can never mutate stored state.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  /** By name; each holds its own document type (the caller's `T`). */
  private readonly collections = new Map<string, unknown>();

  collection<T extends ReadModelDocument = ReadModelDocument>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name) as DocumentCollection<T> | undefined;
    if (!collection) {
      collection = new EmbeddedCollection<T>(name);
      this.collections.set(name, collection);
    }
    return collection;
  }

  close(): Promise<void> {
    this.collections.clear();
    return Promise.resolve();
  }
}

class EmbeddedCollection<T extends ReadModelDocument> implements DocumentCollection<T> {
  private readonly docs = new Map<string, T>();
  private uniqueIndexes: UniqueIndex[] = [];

  constructor(readonly name: string) {}

  get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return Promise.resolve(doc ? deepCopy(doc) : null);
  }

  getMany(ids: string[]): Promise<T[]> {
    const found: T[] = [];
    for (const id of new Set(ids)) {
      const doc = this.docs.get(id);
      if (doc) found.push(deepCopy(doc));
    }
    return Promise.resolve(found);
  }

  find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return settle(() => {
      const matches = this.matching(filter).sort(documentComparator(options.sort));
      const start = options.skip ?? 0;
      const end = options.limit ? start + options.limit : undefined;
      // Clone only what is returned: a page of a large collection should not copy the whole collection.
      return matches.slice(start, end).map((doc) => deepCopy(doc));
    });
  }

  count(filter: Filter = {}): Promise<number> {
    return settle(() => (Object.keys(filter).length ? this.matching(filter).length : this.docs.size));
  }

  putMany(docs: T[]): Promise<void> {
    return settle(() => this.put(docs));
  }

  private put(docs: T[]): void {
    // Last write of an id wins within a batch, as with a sequence of replaceOne upserts.
    const incoming = [...new Map(docs.map((doc) => [doc._id, deepCopy(doc)])).values()];
    for (const index of this.uniqueIndexes) index.check(incoming);
    // Free every replaced key before adding new ones, so two documents may swap keys in one batch.
    for (const doc of incoming) {
      const previous = this.docs.get(doc._id);
      if (previous) this.uniqueIndexes.forEach((index) => index.remove(previous));
    }
    for (const doc of incoming) {
      this.docs.set(doc._id, doc);
      this.uniqueIndexes.forEach((index) => index.add(doc));
    }
  }

  async insertMany(docs: T[]): Promise<void> {
    const seen = new Set<string>();
    for (const doc of docs) {
      if (this.docs.has(doc._id) || seen.has(doc._id)) throw new DuplicateKeyError(this.name, `duplicate _id ${doc._id}`);
      seen.add(doc._id);
    }
    await this.putMany(docs);
  }

  deleteMany(ids: string[]): Promise<void> {
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      this.uniqueIndexes.forEach((index) => index.remove(doc));
      this.docs.delete(id);
    }
    return Promise.resolve();
  }

  /** Only unique indexes matter here: every query is a scan, so other indexes would buy nothing. */
  ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    return settle(() => {
      for (const spec of indexes.filter((i) => i.unique)) {
        const index = new UniqueIndex(this.name, spec);
        if (this.uniqueIndexes.some((existing) => existing.signature === index.signature)) continue;
        const all = [...this.docs.values()];
        index.check(all);
        all.forEach((doc) => index.add(doc));
        this.uniqueIndexes.push(index);
      }
    });
  }

  /** Like dropping a server collection: documents and indexes go. */
  drop(): Promise<void> {
    this.docs.clear();
    this.uniqueIndexes = [];
    return Promise.resolve();
  }

  private matching(filter: Filter): T[] {
    const test = sift(filter as never);
    return [...this.docs.values()].filter((doc) => test(doc));
  }
}
