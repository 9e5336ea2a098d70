import type { Filter, IndexSpec, ReadModelDocument } from '../document-store';

type Key = string | number | boolean | null;

const isKey = (value: unknown): value is Key =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * A secondary index of the embedded store on the first field of an index spec: value -> ids of the documents
 * holding it. Like MongoDB's multikey indexes, an array field is indexed by each of its elements, so an
 * equality on an array field ("contains") is answered by the index too. A missing field is indexed as null.
 *
 * The index only narrows the candidates; the filter is still evaluated on each of them, so a planner that
 * uses it can never return a document the filter does not match. It must however never miss one: a path
 * that runs through an array of sub-documents (`authors.personId`) is resolved differently by filters, so
 * such an index declares itself unusable (`exact` false) the first time it meets one.
 */
export class FieldIndex {
  private readonly entries = new Map<Key, Set<string>>();
  private readonly segments: string[];
  exact = true;

  constructor(readonly path: string) {
    this.segments = path.split('.');
  }

  static of(spec: IndexSpec): FieldIndex {
    return new FieldIndex(Object.keys(spec.fields)[0]);
  }

  add(doc: ReadModelDocument): void {
    for (const key of this.keysOf(doc)) {
      let ids = this.entries.get(key);
      if (!ids) this.entries.set(key, (ids = new Set()));
      ids.add(doc._id);
    }
  }

  remove(doc: ReadModelDocument): void {
    for (const key of this.keysOf(doc)) {
      const ids = this.entries.get(key);
      if (!ids) continue;
      ids.delete(doc._id);
      if (!ids.size) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.exact = true;
  }

  /** Ids of the documents whose field equals (or, for an array, contains) one of `values`. */
  lookup(values: Key[]): Set<string> {
    if (values.length === 1) return this.entries.get(values[0]) ?? new Set();
    const ids = new Set<string>();
    for (const value of values) for (const id of this.entries.get(value) ?? []) ids.add(id);
    return ids;
  }

  private keysOf(doc: ReadModelDocument): Key[] {
    let value: unknown = doc;
    for (let i = 0; i < this.segments.length; i++) {
      if (value === null || typeof value !== 'object') return [null];
      if (Array.isArray(value)) {
        this.exact = false;
        return [];
      }
      value = (value as Record<string, unknown>)[this.segments[i]];
    }
    if (value === undefined || value === null) return [null];
    if (Array.isArray(value)) return value.filter(isKey);
    return isKey(value) ? [value] : [];
  }
}

/**
 * The ids a filter can match, from the indexes alone; undefined when the indexes cannot narrow it (every
 * document is a candidate). Handles what the read models send: equality, `$eq`, `$in` of scalars, `$and`
 * (intersection of what can be narrowed) and `$or` (union, only when every branch can be narrowed).
 */
export function candidateIds(filter: Filter, indexes: ReadonlyMap<string, FieldIndex>): Set<string> | undefined {
  const sets: Set<string>[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    let set: Set<string> | undefined;
    if (field === '$and' && Array.isArray(condition)) {
      const parts = condition.map((clause) => candidateIds(clause as Filter, indexes)).filter((s): s is Set<string> => s !== undefined);
      set = parts.length ? intersect(parts) : undefined;
    } else if (field === '$or' && Array.isArray(condition)) {
      const parts = condition.map((clause) => candidateIds(clause as Filter, indexes));
      set = parts.length && parts.every((s) => s !== undefined) ? union(parts) : undefined;
    } else {
      const index = indexes.get(field);
      const values = index?.exact ? equalityValues(condition) : undefined;
      set = values ? index!.lookup(values) : undefined;
    }
    if (set) sets.push(set);
  }
  return sets.length ? intersect(sets) : undefined;
}

function equalityValues(condition: unknown): Key[] | undefined {
  if (isKey(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const ops = Object.entries(condition as Record<string, unknown>);
  if (ops.length !== 1) return undefined;
  const [op, value] = ops[0];
  if (op === '$eq' && isKey(value)) return [value];
  if (op === '$in' && Array.isArray(value) && value.every(isKey)) return value;
  return undefined;
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  if (!others.length) return smallest;
  const out = new Set<string>();
  for (const id of smallest) if (others.every((s) => s.has(id))) out.add(id);
  return out;
}

function union(sets: Set<string>[]): Set<string> {
  if (sets.length === 1) return sets[0];
  const out = new Set<string>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}

/** True when the filter matches every document (`{}`, or an `$and` of such), so no evaluation is needed. */
export function matchesEverything(filter: Filter): boolean {
  return Object.entries(filter).every(
    ([field, condition]) => field === '$and' && Array.isArray(condition) && condition.every((c) => matchesEverything(c as Filter)),
  );
}

/**
 * The first `k` of `docs` in `compare` order without sorting all of them: a bounded buffer kept sorted by
 * binary insertion, so a page of a large result costs O(n log k) instead of O(n log n).
 */
export function firstInOrder<T>(docs: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const doc of docs) {
    if (top.length === k && compare(doc, top[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid], doc) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, doc);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * A sorted index of the embedded store: every document in the order of an index spec (with `_id` last, as
 * every sort of the port ends). A page in that order walks it from the start and stops once the page is full,
 * so the first pages of a large collection cost what the page costs. Small writes keep it sorted by binary
 * insertion; a large batch (a rebuild) marks it stale and the next read sorts once.
 */
export class SortedIndex<T extends ReadModelDocument> {
  private ordered: T[] = [];
  // Created stale: the first read sorts whatever the collection holds by then.
  private stale = true;

  constructor(
    readonly signature: string,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  static signatureOf(sort: Record<string, 1 | -1>): string {
    return JSON.stringify(Object.entries(sort));
  }

  /** `removed` are the previous versions of replaced or deleted documents, `added` the new ones. */
  update(removed: T[], added: T[]): void {
    if (this.stale) return;
    if (removed.length + added.length > 256) {
      this.stale = true;
      this.ordered = [];
      return;
    }
    for (const doc of removed) {
      const at = this.position(doc);
      if (this.ordered[at] === doc) this.ordered.splice(at, 1);
      else this.ordered.splice(this.ordered.indexOf(doc), 1);
    }
    for (const doc of added) this.ordered.splice(this.position(doc), 0, doc);
  }

  rebuild(docs: Iterable<T>): void {
    this.ordered = [...docs].sort(this.compare);
    this.stale = false;
  }

  /** Every document in order (sorting first if a large batch made the index stale). */
  inOrder(all: () => Iterable<T>): readonly T[] {
    if (this.stale) this.rebuild(all());
    return this.ordered;
  }

  clear(): void {
    this.ordered = [];
    this.stale = false;
  }

  /** First index whose document does not sort before `doc` (documents are unique in order: `_id` ends it). */
  private position(doc: T): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.ordered[mid], doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
