/**
 * The read-model port. MongoDB (through mongoose) in deployments, an embedded store in the default mode.
 * Only what FerretDB v1.24 supports is used: CRUD, bulk writes, unique indexes, simple filters and sorts.
 */
export interface ReadModelDocument {
  _id: string;
  [field: string]: unknown;
}

/**
 * A Mongo-style filter restricted to the portable subset: equality on (dotted) fields, and the operators
 * $eq $ne $in $nin $gt $gte $lt $lte $exists $regex (string, with optional $options 'i'), $and $or.
 */
export type Filter = Record<string, unknown>;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

export interface IndexSpec {
  fields: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface DocumentCollection<T extends ReadModelDocument = ReadModelDocument> {
  readonly name: string;
  get(id: string): Promise<T | null>;
  getMany(ids: string[]): Promise<T[]>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  /** Replaces (or inserts) whole documents in one batched write. */
  putMany(docs: T[]): Promise<void>;
  /**
   * Inserts documents known to be new; throws DuplicateKeyError if an id exists. Much cheaper than putMany
   * where the server has to look each id up (FerretDB v1.24 scans the collection per replace).
   */
  insertMany(docs: T[]): Promise<void>;
  deleteMany(ids: string[]): Promise<void>;
  ensureIndexes(indexes: IndexSpec[]): Promise<void>;
  /** Removes every document (and the collection itself where that applies). */
  drop(): Promise<void>;
}

export interface DocumentStore {
  collection<T extends ReadModelDocument = ReadModelDocument>(name: string): DocumentCollection<T>;
  /** Resolves when the server answers (readiness); in-process stores need not implement it. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}
