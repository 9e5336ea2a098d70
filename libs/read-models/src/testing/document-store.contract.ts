import type { DocumentCollection, DocumentStore, ReadModelDocument } from '../document-store';
import { DuplicateKeyError } from '../document-store.errors';

export interface DocumentStoreHarness {
  open(): Promise<DocumentStore>;
  /** Removes whatever `open` created (a test database) and closes the store. */
  dispose(store: DocumentStore): Promise<void>;
}

interface Dossier extends ReadModelDocument {
  title: string;
  score?: number;
  level: string;
  unit?: { id: string; path: string[] };
}

const dossiers: Dossier[] = [
  { _id: 'd1', title: 'Sáng kiến cải tiến máy bơm', score: 72, level: 'commune', unit: { id: 'u1', path: ['c', 'p1', 'u1'] } },
  { _id: 'd2', title: 'Giải pháp TIẾT KIỆM điện', score: 85, level: 'district', unit: { id: 'u2', path: ['c', 'p1', 'u2'] } },
  { _id: 'd3', title: 'Phần mềm quản lý hồ sơ', score: 90, level: 'province', unit: { id: 'u3', path: ['c', 'p2', 'u3'] } },
  { _id: 'd4', title: 'Máy gặt cải tiến', score: 85, level: 'commune', unit: { id: 'u1', path: ['c', 'p1', 'u1'] } },
  { _id: 'd5', title: 'Đề tài chưa chấm', level: 'commune' },
];

const ids = (docs: ReadModelDocument[]) => docs.map((d) => d._id);

/**
 * One behaviour suite for every DocumentStore adapter: whatever passes here behaves the same in the
 * embedded default and against MongoDB/FerretDB, so projections cannot tell them apart.
 */
export function describeDocumentStoreContract(adapter: string, harness: DocumentStoreHarness): void {
  describe(`DocumentStore contract: ${adapter}`, () => {
    let store: DocumentStore;
    let counter = 0;
    const fresh = <T extends ReadModelDocument = Dossier>(): DocumentCollection<T> => store.collection<T>(`contract_${++counter}`);
    const seeded = async () => {
      const collection = fresh();
      await collection.putMany(dossiers);
      return collection;
    };

    beforeAll(async () => {
      store = await harness.open();
    });
    afterAll(async () => {
      if (store) await harness.dispose(store);
    });

    it('gets documents by id, null or absent when missing', async () => {
      const collection = await seeded();
      expect(await collection.get('d2')).toEqual(dossiers[1]);
      expect(await collection.get('nope')).toBeNull();
      expect(ids(await collection.getMany(['d3', 'nope', 'd1'])).sort()).toEqual(['d1', 'd3']);
      expect(await collection.getMany([])).toEqual([]);
    });

    it('putMany replaces whole documents (absent fields disappear) and upserts new ones', async () => {
      const collection = await seeded();
      await collection.putMany([
        { _id: 'd1', title: 'Đổi tên', level: 'district' },
        { _id: 'd9', title: 'Mới', level: 'central' },
      ]);
      expect(await collection.get('d1')).toEqual({ _id: 'd1', title: 'Đổi tên', level: 'district' });
      expect(await collection.get('d9')).toEqual({ _id: 'd9', title: 'Mới', level: 'central' });
      expect(await collection.count()).toBe(6);
    });

    it('replaces a large batch of existing documents', async () => {
      const collection = fresh<ReadModelDocument & { n: number }>();
      const many = Array.from({ length: 240 }, (_, i) => ({ _id: `m${String(i).padStart(3, '0')}`, n: i }));
      await collection.insertMany(many);
      await collection.putMany(many.map((doc) => ({ ...doc, n: doc.n + 1000 })));
      expect(await collection.count({ n: { $gte: 1000 } })).toBe(240);
    });

    it('keeps the last version of an id repeated in one batch', async () => {
      const collection = fresh();
      await collection.putMany([
        { _id: 'x', title: 'first', level: 'commune' },
        { _id: 'x', title: 'second', level: 'commune' },
      ]);
      expect(await collection.get('x')).toEqual({ _id: 'x', title: 'second', level: 'commune' });
    });

    it('insertMany adds new documents and refuses an existing id', async () => {
      const collection = await seeded();
      await collection.insertMany([{ _id: 'n1', title: 'Mới', level: 'central' }]);
      expect(await collection.get('n1')).toEqual({ _id: 'n1', title: 'Mới', level: 'central' });
      await expect(collection.insertMany([{ _id: 'd1', title: 'x', level: 'central' }])).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.get('d1')).toEqual(dossiers[0]);
    });

    it('hands out copies: mutating a returned document changes nothing stored', async () => {
      const collection = await seeded();
      const doc = (await collection.get('d1'))!;
      doc.title = 'mutated';
      doc.unit!.path.push('mutated');
      const [found] = await collection.find({ _id: 'd1' });
      found.title = 'mutated';
      expect(await collection.get('d1')).toEqual(dossiers[0]);
    });

    it('filters with equality on dotted fields, $in, $nin, $ne and $exists', async () => {
      const collection = await seeded();
      expect(ids(await collection.find({ level: 'commune' }))).toEqual(['d1', 'd4', 'd5']);
      expect(ids(await collection.find({ 'unit.id': 'u1' }))).toEqual(['d1', 'd4']);
      expect(ids(await collection.find({ 'unit.path': 'p2' }))).toEqual(['d3']);
      expect(ids(await collection.find({ level: { $in: ['district', 'province'] } }))).toEqual(['d2', 'd3']);
      expect(ids(await collection.find({ level: { $nin: ['commune'] } }))).toEqual(['d2', 'd3']);
      expect(ids(await collection.find({ level: { $ne: 'commune' } }))).toEqual(['d2', 'd3']);
      expect(ids(await collection.find({ score: { $exists: false } }))).toEqual(['d5']);
    });

    it('filters with range operators, $and and $or', async () => {
      const collection = await seeded();
      expect(ids(await collection.find({ score: { $gte: 85 } }))).toEqual(['d2', 'd3', 'd4']);
      expect(ids(await collection.find({ score: { $gt: 72, $lt: 90 } }))).toEqual(['d2', 'd4']);
      expect(ids(await collection.find({ score: { $lte: 72 } }))).toEqual(['d1']);
      expect(ids(await collection.find({ $or: [{ score: 90 }, { level: 'district' }] }))).toEqual(['d2', 'd3']);
      expect(ids(await collection.find({ $and: [{ level: 'commune' }, { score: { $exists: true } }] }))).toEqual(['d1', 'd4']);
    });

    it('filters with $regex, case-insensitive with $options "i" (Vietnamese included)', async () => {
      const collection = await seeded();
      expect(ids(await collection.find({ title: { $regex: 'cải tiến' } }))).toEqual(['d1', 'd4']);
      expect(ids(await collection.find({ title: { $regex: 'tiết kiệm', $options: 'i' } }))).toEqual(['d2']);
      expect(ids(await collection.find({ title: { $regex: 'máy', $options: 'i' } }))).toEqual(['d1', 'd4']);
      expect(ids(await collection.find({ title: { $regex: 'máy' } }))).toEqual(['d1']);
      expect(ids(await collection.find({ title: { $regex: '^MÁY', $options: 'i' } }))).toEqual(['d4']);
    });

    it('sorts on several keys, breaks ties by _id, and pages with skip/limit', async () => {
      const collection = await seeded();
      const bestFirst = { sort: { score: -1 as const } };
      expect(ids(await collection.find({}, bestFirst))).toEqual(['d3', 'd2', 'd4', 'd1', 'd5']);
      expect(ids(await collection.find({}, { sort: { level: 1, score: -1 } }))).toEqual(['d4', 'd1', 'd5', 'd2', 'd3']);
      expect(ids(await collection.find({}, { ...bestFirst, skip: 1, limit: 2 }))).toEqual(['d2', 'd4']);
      expect(ids(await collection.find({}, { ...bestFirst, skip: 4, limit: 2 }))).toEqual(['d5']);
      expect(ids(await collection.find({ level: 'commune' }, { sort: { 'unit.id': 1 }, limit: 2 }))).toEqual(['d5', 'd1']);
    });

    it('answers the same through secondary indexes (equality, array contains, $in, $and, $or) after replaces and deletes', async () => {
      const collection = fresh();
      await collection.ensureIndexes([{ fields: { level: 1 } }, { fields: { 'unit.path': 1 } }, { fields: { score: -1 } }]);
      await collection.putMany(dossiers);
      await collection.putMany([{ ...dossiers[0], level: 'district' }]);
      await collection.deleteMany(['d3']);
      expect(ids(await collection.find({ level: 'commune' }))).toEqual(['d4', 'd5']);
      expect(ids(await collection.find({ 'unit.path': 'p1' }, { sort: { score: -1 } }))).toEqual(['d2', 'd4', 'd1']);
      expect(ids(await collection.find({ level: { $in: ['district', 'province'] } }))).toEqual(['d1', 'd2']);
      expect(ids(await collection.find({ $and: [{ level: 'district' }, { 'unit.path': 'u1' }] }))).toEqual(['d1']);
      expect(ids(await collection.find({ $or: [{ score: 85 }, { level: 'commune' }] }, { sort: { score: -1 }, limit: 2 }))).toEqual([
        'd2',
        'd4',
      ]);
      expect(ids(await collection.find({ $or: [{ score: 85 }, { title: { $regex: 'chưa' } }] }))).toEqual(['d2', 'd4', 'd5']);
      expect(await collection.count({ $and: [{}, { level: 'commune' }] })).toBe(2);
      expect(await collection.count({ $and: [{}] })).toBe(4);
    });

    it('counts with and without a filter', async () => {
      const collection = await seeded();
      expect(await collection.count()).toBe(5);
      expect(await collection.count({ level: 'commune', score: { $gte: 80 } })).toBe(1);
    });

    it('deletes by id, ignoring unknown ids', async () => {
      const collection = await seeded();
      await collection.deleteMany(['d1', 'd3', 'nope']);
      expect(ids(await collection.find())).toEqual(['d2', 'd4', 'd5']);
      await collection.deleteMany([]);
      expect(await collection.count()).toBe(3);
    });

    it('enforces unique indexes on putMany without disturbing the stored document', async () => {
      const collection = fresh<ReadModelDocument & { code: string }>();
      await collection.ensureIndexes([{ fields: { code: 1 }, unique: true }, { fields: { title: 1 } }]);
      await collection.ensureIndexes([{ fields: { code: 1 }, unique: true }]); // idempotent
      await collection.putMany([
        { _id: 'a', code: 'HS-1' },
        { _id: 'b', code: 'HS-2' },
      ]);
      await expect(collection.putMany([{ _id: 'c', code: 'HS-1' }])).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.get('a')).toEqual({ _id: 'a', code: 'HS-1' });
      expect(await collection.get('c')).toBeNull();
      // Replacing a document keeps its own key; a deleted document frees it.
      await collection.putMany([{ _id: 'a', code: 'HS-1', extra: true }]);
      await collection.deleteMany(['b']);
      await collection.putMany([{ _id: 'c', code: 'HS-2' }]);
      expect(await collection.count({ code: 'HS-2' })).toBe(1);
    });

    it('refuses a unique index over existing duplicates', async () => {
      const collection = await seeded();
      await expect(collection.ensureIndexes([{ fields: { level: 1 }, unique: true }])).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('drop removes documents and indexes, and tolerates a collection that never existed', async () => {
      const collection = fresh<ReadModelDocument & { code: string }>();
      await collection.ensureIndexes([{ fields: { code: 1 }, unique: true }]);
      await collection.putMany([{ _id: 'a', code: 'X' }]);
      await collection.drop();
      expect(await collection.count()).toBe(0);
      expect(await collection.find()).toEqual([]);
      await collection.putMany([
        { _id: 'a', code: 'X' },
        { _id: 'b', code: 'X' },
      ]);
      expect(await collection.count()).toBe(2);
      await fresh().drop();
    });
  });
}
