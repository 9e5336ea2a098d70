import type { DocumentCollection, DocumentStore, Filter, FindOptions, IndexSpec, ReadModelDocument } from '../document-store';
import { DuplicateKeyError } from '../document-store.errors';
import { deepCopy } from './deep-copy';
import { filterPredicate } from './filter-predicate';
import { documentComparator } from './document-order';
import { withIdTieBreaker } from '../document-sort';
import { candidateIds, FieldIndex, firstInOrder, matchesEverything, SortedIndex } from './field-index';
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
  /** Secondary indexes by the path of their first field: they narrow a filter's candidates (see FieldIndex). */
  private readonly fieldIndexes = new Map<string, FieldIndex>();
  /** Declared index orders (each ending with `_id`), sorted lazily by the first page asked for in that order. */
  private readonly sortedIndexes = new Map<string, { sort: Record<string, 1 | -1>; index?: SortedIndex<T> }>();

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
    return settle(() => this.findNow(filter, options));
  }

  private findNow(filter: Filter, options: FindOptions): T[] {
    const start = options.skip ?? 0;
    const page = options.limit ? this.pageInIndexOrder(filter, options.sort, start + options.limit) : undefined;
    let ordered = page;
    if (!ordered) {
      const compare = documentComparator(options.sort);
      const matches = this.matching(filter);
      // A short page is the first skip + limit documents in order, selected without sorting the whole result.
      const k = start + (options.limit ?? 0);
      ordered = options.limit && k <= 256 ? firstInOrder(matches, k, compare) : [...matches].sort(compare);
    }
    // Clone only what is returned: a page of a large collection should not copy the whole collection.
    return ordered.slice(start, options.limit ? start + options.limit : undefined).map((doc) => deepCopy(doc));
  }

  /**
   * The first `k` matches by walking a sorted index of the requested order, when one is declared and the
   * filter's indexed candidates are not few (few candidates are cheaper to sort than to look for in order).
   */
  private pageInIndexOrder(filter: Filter, sort: Record<string, 1 | -1> | undefined, k: number): T[] | undefined {
    const declared = this.sortedIndexes.get(SortedIndex.signatureOf(withIdTieBreaker(sort)));
    if (!declared) return undefined;
    const ids = candidateIds(filter, this.fieldIndexes);
    // Walking the order meets a candidate every size/candidates documents: k of them cost k * size / candidates
    // steps, against one pass over the candidates to select the first k of them directly.
    if (ids && ids.size * ids.size < this.docs.size * k) return undefined;
    declared.index ??= new SortedIndex<T>(SortedIndex.signatureOf(withIdTieBreaker(sort)), documentComparator(declared.sort));
    const test = matchesEverything(filter) ? undefined : filterPredicate(filter);
    const page: T[] = [];
    for (const doc of declared.index.inOrder(() => this.docs.values())) {
      if (ids && !ids.has(doc._id)) continue;
      if (test && !test(doc)) continue;
      if (page.push(doc) === k) break;
    }
    return page;
  }

  count(filter: Filter = {}): Promise<number> {
    return settle(() => {
      if (matchesEverything(filter)) return this.docs.size;
      let n = 0;
      for (const _ of this.matching(filter)) n++;
      return n;
    });
  }

  putMany(docs: T[]): Promise<void> {
    return settle(() => this.put(docs));
  }

  private put(docs: T[]): void {
    // Last write of an id wins within a batch, as with a sequence of replaceOne upserts.
    const incoming = [...new Map(docs.map((doc) => [doc._id, deepCopy(doc)])).values()];
    for (const index of this.uniqueIndexes) index.check(incoming);
    // Free every replaced key before adding new ones, so two documents may swap keys in one batch.
    const replaced: T[] = [];
    for (const doc of incoming) {
      const previous = this.docs.get(doc._id);
      if (previous) {
        replaced.push(previous);
        this.uniqueIndexes.forEach((index) => index.remove(previous));
        this.fieldIndexes.forEach((index) => index.remove(previous));
      }
    }
    for (const doc of incoming) {
      this.docs.set(doc._id, doc);
      this.uniqueIndexes.forEach((index) => index.add(doc));
      this.fieldIndexes.forEach((index) => index.add(doc));
    }
    this.sortedIndexes.forEach(({ index }) => index?.update(replaced, incoming));
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
    const removed: T[] = [];
    for (const id of new Set(ids)) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      removed.push(doc);
      this.uniqueIndexes.forEach((index) => index.remove(doc));
      this.fieldIndexes.forEach((index) => index.remove(doc));
      this.docs.delete(id);
    }
    this.sortedIndexes.forEach(({ index }) => index?.update(removed, []));
    return Promise.resolve();
  }

  /**
   * Unique indexes refuse duplicates; every index also narrows the documents a filter is evaluated on (by its
   * first field: equality, `$in`, `$and`, `$or`), so a list filtered on indexed fields reads only its candidates.
   */
  ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    return settle(() => this.ensure(indexes));
  }

  private ensure(indexes: IndexSpec[]): void {
    for (const spec of indexes) {
      const order = SortedIndex.signatureOf(withIdTieBreaker(spec.fields));
      if (!this.sortedIndexes.has(order)) this.sortedIndexes.set(order, { sort: spec.fields });
      const index = FieldIndex.of(spec);
      if (index.path === '_id' || this.fieldIndexes.has(index.path)) continue;
      this.docs.forEach((doc) => index.add(doc));
      this.fieldIndexes.set(index.path, index);
    }
    for (const spec of indexes.filter((i) => i.unique)) {
      const index = new UniqueIndex(this.name, spec);
      if (this.uniqueIndexes.some((existing) => existing.signature === index.signature)) continue;
      const all = [...this.docs.values()];
      index.check(all);
      all.forEach((doc) => index.add(doc));
      this.uniqueIndexes.push(index);
    }
  }

  /** Like dropping a server collection: documents and indexes go. */
  drop(): Promise<void> {
    this.docs.clear();
    this.uniqueIndexes = [];
    this.fieldIndexes.clear();
    this.sortedIndexes.clear();
    return Promise.resolve();
  }

  /** The documents matching `filter`: the indexes' candidates (or all), each tested with the filter. */
  private *matching(filter: Filter): Generator<T> {
    if (matchesEverything(filter)) {
      yield* this.docs.values();
      return;
    }
    const test = filterPredicate(filter);
    const ids = candidateIds(filter, this.fieldIndexes);
    if (!ids) {
      for (const doc of this.docs.values()) if (test(doc)) yield doc;
      return;
    }
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc && test(doc)) yield doc;
    }
  }
}
