import fc from 'fast-check';
import type { Filter, ReadModelDocument } from '../document-store';
import { EmbeddedDocumentStore } from './embedded-document-store';
import { firstInOrder } from './field-index';

interface Doc extends ReadModelDocument {
  level: string;
  unitPath: string[];
  score?: number;
}

const level = fc.constantFrom('commune', 'district', 'province');
const unit = fc.constantFrom('a', 'b', 'c', 'd');
const doc = fc.record({
  _id: fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `d${i}`)),
  level,
  unitPath: fc.array(unit, { maxLength: 3 }),
  score: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
const leaf: fc.Arbitrary<Filter> = fc.oneof(
  level.map((l) => ({ level: l })),
  unit.map((u) => ({ unitPath: u })),
  fc.array(unit, { minLength: 1, maxLength: 3 }).map((us) => ({ unitPath: { $in: us } })),
  fc.integer({ min: 0, max: 5 }).map((n) => ({ score: { $gte: n } })),
  fc.constant({}),
);
const filter: fc.Arbitrary<Filter> = fc.oneof(
  leaf,
  fc.array(leaf, { minLength: 1, maxLength: 3 }).map((clauses) => ({ $and: clauses })),
  fc.array(leaf, { minLength: 1, maxLength: 3 }).map((clauses) => ({ $or: clauses })),
  fc.tuple(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 })).map(([a, or]) => ({ $and: [a, { $or: or }] })),
);

describe('embedded store secondary indexes', () => {
  it('find and count answer exactly as without indexes, whatever was written, replaced and deleted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            doc.map((d) => ({ put: d })),
            doc.map((d) => ({ del: d._id })),
          ),
          { maxLength: 60 },
        ),
        filter,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        async (writes, query, skip, limit) => {
          const store = new EmbeddedDocumentStore();
          const indexed = store.collection<Doc>('indexed');
          const plain = store.collection<Doc>('plain');
          await indexed.ensureIndexes([
            { fields: { level: 1 } },
            { fields: { unitPath: 1 } },
            { fields: { score: -1 } },
            { fields: { score: -1, level: 1 } },
          ]);
          for (const w of writes) {
            for (const c of [indexed, plain]) {
              if ('put' in w) await c.putMany([w.put]);
              else await c.deleteMany([w.del]);
            }
          }
          const sort = { score: -1 as const, level: 1 as const };
          expect(await indexed.find(query, { sort, skip, limit })).toEqual(await plain.find(query, { sort, skip, limit }));
          expect(await indexed.find(query)).toEqual(await plain.find(query));
          expect(await indexed.find(query, { sort: { level: 1 }, skip, limit })).toEqual(
            await plain.find(query, { sort: { level: 1 }, skip, limit }),
          );
          expect(await indexed.count(query)).toBe(await plain.count(query));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an index over a path through an array of sub-documents is not used (filters resolve it differently)', async () => {
    const c = new EmbeddedDocumentStore().collection('c');
    await c.ensureIndexes([{ fields: { 'authors.personId': 1 } }]);
    await c.putMany([{ _id: 'x', authors: [{ personId: 'p1' }] }]);
    expect(await c.find({ 'authors.personId': 'p1' })).toHaveLength(1);
  });

  it('keeps a sorted index in order through small writes and large batches', async () => {
    const c = new EmbeddedDocumentStore().collection<ReadModelDocument & { n: number }>('c');
    await c.ensureIndexes([{ fields: { n: -1 } }]);
    const page = () => c.find({}, { sort: { n: -1 }, limit: 3 }).then((docs) => docs.map((d) => d._id));
    await c.putMany(Array.from({ length: 500 }, (_, i) => ({ _id: `d${i}`, n: i })));
    expect(await page()).toEqual(['d499', 'd498', 'd497']);
    await c.putMany([{ _id: 'd0', n: 1000 }]);
    await c.deleteMany(['d499']);
    expect(await page()).toEqual(['d0', 'd498', 'd497']);
    await c.deleteMany(Array.from({ length: 400 }, (_, i) => `d${i}`));
    expect(await page()).toEqual(['d498', 'd497', 'd496']);
  });

  it('firstInOrder keeps the first k in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 10 }), (values, k) => {
        expect(firstInOrder(values, k, (a, b) => a - b)).toEqual([...values].sort((a, b) => a - b).slice(0, k));
      }),
    );
  });
});
