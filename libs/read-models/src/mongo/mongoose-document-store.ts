import mongoose, { Connection, Model, Schema } from 'mongoose';
import type { DocumentCollection, DocumentStore, Filter, FindOptions, IndexSpec, ReadModelDocument } from '../document-store';
import { withIdTieBreaker } from '../document-sort';
import { isNamespaceNotFound, translatingDuplicates } from './mongo-errors';

export interface MongoDocumentStoreConfig {
  url: string;
  dbName: string;
}

/**
 * Read models on MongoDB or FerretDB v1.24 through mongoose. Only what FerretDB supports is used: CRUD,
 * unordered bulk writes, unique indexes. No transactions: each document carries the position of the last
 * event applied to it, which makes a replayed batch harmless without one.
 */
export async function createMongoDocumentStore(config: MongoDocumentStoreConfig): Promise<MongooseDocumentStore> {
  const connection = mongoose.createConnection(config.url, {
    dbName: config.dbName,
    // Otherwise the driver stores `undefined` fields as null, and a document read back differs from the
    // one written (and from the embedded store's copy).
    ignoreUndefined: true,
  });
  await connection.asPromise();
  return new MongooseDocumentStore(connection);
}

export class MongooseDocumentStore implements DocumentStore {
  /** By name; each holds its own document type (the caller's `T`). */
  private readonly collections = new Map<string, unknown>();

  constructor(private readonly connection: Connection) {}

  collection<T extends ReadModelDocument = ReadModelDocument>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name) as DocumentCollection<T> | undefined;
    if (!collection) {
      collection = new MongooseCollection<T>(this.connection.model<T>(name, permissiveSchema(), name));
      this.collections.set(name, collection);
    }
    return collection;
  }

  async ping(): Promise<void> {
    const db = this.connection.db;
    if (!db) throw new Error('not connected');
    await db.command({ ping: 1 });
  }

  /** Drops the whole database: test runs use one database each and clean up with this. */
  async dropDatabase(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * Projections own the document shape, so the schema only pins `_id` to a string. No automatic index or
 * collection creation: indexes come from ensureIndexes, collections from the first write.
 */
function permissiveSchema(): Schema {
  return new Schema({ _id: String }, { strict: false, versionKey: false, autoIndex: false, autoCreate: false });
}

/**
 * FerretDB v1.24 (SQLite) was seen to hang for good on one update command replacing 100+ existing
 * documents of a 1000-document collection, while 50 per command always completed. Each replace also
 * scans the collection there, which is why new documents go through insertMany instead.
 */
const REPLACES_PER_COMMAND = 50;

/** Up to this many ids, getMany reads each document by _id rather than with one $in query (see getMany). */
const POINT_READS_UP_TO = 256;

class MongooseCollection<T extends ReadModelDocument> implements DocumentCollection<T> {
  constructor(private readonly model: Model<T>) {}

  get name(): string {
    return this.model.collection.collectionName;
  }

  async get(id: string): Promise<T | null> {
    return (await this.model.findById(id).lean()) as T | null;
  }

  async getMany(ids: string[]): Promise<T[]> {
    if (!ids.length) return [];
    // FerretDB's SQLite backend uses its _id index for an equality but scans the whole collection for $in
    // (36 ms per live batch on 10 000 documents, growing with the collection). A few point reads in
    // parallel stay index lookups on both servers; big replay batches keep the single $in.
    if (ids.length <= POINT_READS_UP_TO) {
      const found = await Promise.all(ids.map((id) => this.model.collection.findOne({ _id: id } as never)));
      return found.filter((doc) => doc !== null) as unknown as T[];
    }
    return (await this.model.find({ _id: { $in: ids } }).lean()) as T[];
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    let query = this.model.find(filter).sort(withIdTieBreaker(options.sort));
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean()) as T[];
  }

  /**
   * The `count` command, not countDocuments (an aggregation): our FerretDB build answers `count` with one
   * `count(*)` in PostgreSQL when it can translate the filter (deploy/local/ferretdb/pushdown.patch), where the
   * aggregation decodes every matching document. On MongoDB both count through the same indexes.
   */
  async count(filter: Filter = {}): Promise<number> {
    const db = this.model.db.db;
    if (!db) throw new Error('not connected');
    const res = await db.command({ count: this.model.collection.collectionName, query: filter });
    return Number(res.n);
  }

  async putMany(docs: T[]): Promise<void> {
    // Only the last version of a repeated id is sent, so unordered (parallel) application is safe. The
    // native collection skips mongoose's per-document casting, which a permissive schema gains nothing from.
    const latest = [...new Map(docs.map((doc) => [doc._id, doc])).values()];
    for (let start = 0; start < latest.length; start += REPLACES_PER_COMMAND) {
      const chunk = latest.slice(start, start + REPLACES_PER_COMMAND);
      await translatingDuplicates(this.name, () =>
        this.model.collection.bulkWrite(
          chunk.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })) as never,
          { ordered: false },
        ),
      );
    }
  }

  async insertMany(docs: T[]): Promise<void> {
    if (!docs.length) return;
    await translatingDuplicates(this.name, () => this.model.collection.insertMany(docs as never[], { ordered: false }));
  }

  async deleteMany(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.model.deleteMany({ _id: { $in: ids } });
  }

  async ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    for (const index of indexes) {
      await translatingDuplicates(this.name, () => this.model.collection.createIndex(index.fields, { unique: index.unique ?? false }));
    }
  }

  async drop(): Promise<void> {
    try {
      await this.model.collection.drop();
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
    }
  }
}
