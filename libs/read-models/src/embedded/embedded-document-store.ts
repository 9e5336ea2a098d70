import type { DocumentCollection, DocumentStore, Filter, FindOptions, IndexSpec, ReadModelDocument } from '../document-store';
import { DuplicateKeyError } from '../document-store.errors';
import { deepCopy } from './deep-copy';
import { filterPredicate } from './filter-predicate';
import { documentComparator } from './document-order';
import { withIdTieBreaker } from '../document-sort';
import { candidateIds, FieldIndex, firstInOrder, matchesEverything, SortedIndex } from './field-index';
import { UniqueIndex } from './unique-index';
import { readSnapshot, SnapshotReadResult, writeSnapshot } from './snapshot-file';
import { VERIFY_SUFFIX } from '../rebuild';

/** Runs synchronous work as an async method would: a throw becomes a rejection, never a synchronous throw. */
const settle = <R>(work: () => R): Promise<R> => new Promise<R>((resolve) => resolve(work()));

export interface EmbeddedDocumentStoreOptions {
  /** Where the collections are kept across restarts (see `open`); memory only when absent. */
  snapshotFile?: string;
  /**
   * Least time between two snapshots while documents keep changing (default 10 s). The actual wait is also at
   * least SNAPSHOT_COST_FACTOR times the last snapshot's duration, so a large store spends a bounded share of
   * its time writing images.
   */
  snapshotIntervalMs?: number;
  /** Told when a periodic snapshot fails or a stored one is refused (default: console.warn). */
  onWarning?: (message: string, error?: unknown) => void;
}

const DEFAULT_SNAPSHOT_INTERVAL_MS = 10_000;
/** A snapshot taking 2 s waits at least 100 s for the next: at most about 2 % of the time goes to snapshots. */
const SNAPSHOT_COST_FACTOR = 50;

/** What `open` found on disk. */
export interface SnapshotLoad {
  status: SnapshotReadResult['status'];
  documents: number;
  reason?: string;
}

/**
 * The read-model store of the embedded default: no server, documents in memory, filters evaluated with
 * `sift` (the same Mongo filter subset the mongoose adapter sends to the server).
 *
 * Persistence (`open` with a snapshot file): the whole store, checkpoints (`_checkpoints`) included, is written
 * now and then as one image (snapshot-file.ts: temporary file, then rename) and loaded at the next start, so the
 * ProjectionRunner resumes each projection from the checkpoint found in the image instead of replaying the whole
 * log. Why an image of the memory rather than the documents in the service's PGlite database: the read path
 * stays in memory (no WebAssembly PostgreSQL round trip per getMany/putMany on the command path), PGlite's
 * memory does not grow with the read models, and atomicity comes for free: the image is taken at one instant
 * (stored documents are never mutated, only replaced, so holding references is a consistent cut), and at any
 * instant every document is at or past its projection's checkpoint (the runner writes documents before their
 * checkpoint). Loading an older image therefore only means more catch-up: each document's `_position` makes the
 * re-delivered events no-ops. A projection whose version changed finds its checkpoint outdated and rebuilds, as
 * before; a torn or corrupted image is refused as a whole and every projection rebuilds from the log.
 *
 * Without a snapshot file nothing persists: after a restart every projection finds no checkpoint and the
 * runner rebuilds it from the persistent event store before serving.
 *
 * Documents are deep-copied in and out so callers can never mutate stored state.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  /** By name; each holds its own document type (the caller's `T`). */
  private readonly collections = new Map<string, EmbeddedCollection<ReadModelDocument>>();
  /** Bumped by every change of any collection; a snapshot records the value it saw. */
  private changes = 0;
  private savedChanges = 0;
  private snapshotTimer?: NodeJS.Timeout;
  private snapshotting?: Promise<void>;
  private lastSnapshotMs = 0;
  private closed = false;
  /** What `open` loaded; undefined for a memory-only store. */
  loaded?: SnapshotLoad;

  constructor(private readonly options: EmbeddedDocumentStoreOptions = {}) {}

  /** A store that keeps its collections in `options.snapshotFile`: loads the last image, if any and whole. */
  static async open(options: EmbeddedDocumentStoreOptions & { snapshotFile: string }): Promise<EmbeddedDocumentStore> {
    const store = new EmbeddedDocumentStore(options);
    const result = await readSnapshot(options.snapshotFile);
    if (result.status === 'loaded') {
      for (const [name, docs] of result.collections) store.embedded(name).restore(docs);
    } else if (result.status === 'refused') {
      store.warn(`read models: snapshot ${options.snapshotFile} refused (${result.reason}); every projection rebuilds from the log`);
    }
    store.loaded = {
      status: result.status,
      documents: result.status === 'loaded' ? result.documents : 0,
      ...(result.status === 'refused' ? { reason: result.reason } : {}),
    };
    return store;
  }

  collection<T extends ReadModelDocument = ReadModelDocument>(name: string): DocumentCollection<T> {
    return this.embedded(name) as unknown as DocumentCollection<T>;
  }

  private embedded(name: string): EmbeddedCollection<ReadModelDocument> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new EmbeddedCollection(name, () => this.changed());
      this.collections.set(name, collection);
    }
    return collection;
  }

  /**
   * Writes the image now (when anything changed since the last one) and resolves once it is on disk. Runs after
   * a snapshot in progress, never beside it. A no-op without a snapshot file.
   */
  snapshot(): Promise<void> {
    const file = this.options.snapshotFile;
    if (!file) return Promise.resolve();
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    const previous = this.snapshotting ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        if (this.changes === this.savedChanges) return;
        const seen = this.changes;
        // The cut: references to every stored document, taken synchronously (see the class comment).
        const image = [...this.collections]
          .filter(([name]) => !name.endsWith(VERIFY_SUFFIX))
          .map(([name, c]) => [name, c.all()] as [string, ReadModelDocument[]]);
        const started = Date.now();
        await writeSnapshot(file, image);
        this.lastSnapshotMs = Date.now() - started;
        this.savedChanges = seen;
      });
    this.snapshotting = next;
    void next
      .finally(() => {
        if (this.snapshotting === next) this.snapshotting = undefined;
      })
      .catch(() => undefined);
    return next;
  }

  private changed(): void {
    this.changes++;
    if (!this.options.snapshotFile || this.snapshotTimer || this.closed) return;
    const wait = Math.max(this.options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS, SNAPSHOT_COST_FACTOR * this.lastSnapshotMs);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.snapshot().catch((error) => this.warn('read models: snapshot failed (the next one tries again)', error));
    }, wait);
    this.snapshotTimer.unref();
  }

  private warn(message: string, error?: unknown): void {
    if (this.options.onWarning) this.options.onWarning(message, error);
    else console.warn(message, error ?? '');
  }

  /** Writes a last image (the runner saved its final checkpoints before), then forgets everything. */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.snapshot();
    } catch (error) {
      // The image is derivable: the next start rebuilds from the log (or catches up from an older image).
      this.warn('read models: final snapshot failed', error);
    }
    this.collections.clear();
  }
}

class EmbeddedCollection<T extends ReadModelDocument> implements DocumentCollection<T> {
  private readonly docs = new Map<string, T>();
  private uniqueIndexes: UniqueIndex[] = [];
  /** Secondary indexes by the path of their first field: they narrow a filter's candidates (see FieldIndex). */
  private readonly fieldIndexes = new Map<string, FieldIndex>();
  /** Declared index orders (each ending with `_id`), sorted lazily by the first page asked for in that order. */
  private readonly sortedIndexes = new Map<string, { sort: Record<string, 1 | -1>; index?: SortedIndex<T> }>();

  constructor(
    readonly name: string,
    /** Tells the store about every change (the snapshot schedule). */
    private readonly onChange: () => void,
  ) {}

  /** Every stored document (the stored objects themselves: they are never mutated, only replaced). */
  all(): T[] {
    return [...this.docs.values()];
  }

  /** Fills a fresh collection from a snapshot: the documents are already private copies, and no index exists yet. */
  restore(docs: T[]): void {
    for (const doc of docs) this.docs.set(doc._id, doc);
  }

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
    if (docs.length) this.onChange();
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
    if (ids.length) this.onChange();
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
    this.onChange();
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
