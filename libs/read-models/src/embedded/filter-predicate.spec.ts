import fc from 'fast-check';
import sift from 'sift';
import type { Filter } from '../document-store';
import { filterPredicate } from './filter-predicate';

const word = fc.constantFrom('a', 'b', 'Sáng', 'kiến', 'TIẾT');
const doc = fc.record(
  {
    level: fc.constantFrom('commune', 'district', null),
    path: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
    score: fc.integer({ min: 0, max: 5 }),
    title: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
    unit: fc.record({ id: fc.constantFrom('u1', 'u2'), tags: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }) }),
    authors: fc.array(fc.record({ personId: fc.constantFrom('p1', 'p2') }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const field = fc.constantFrom('level', 'path', 'unit.id', 'unit.tags', 'authors.personId', 'missing');
const scalar = fc.constantFrom('commune', 'a', 'x', 'u1', 'p1', null);
const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.tuple(field, scalar).map(([f, v]) => ({ [f]: v })),
  fc.tuple(field, scalar).map(([f, v]) => ({ [f]: { $ne: v } })),
  fc.tuple(field, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(([f, v]) => ({ [f]: { $in: v } })),
  fc.tuple(field, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(([f, v]) => ({ [f]: { $nin: v } })),
  fc.tuple(field, fc.boolean()).map(([f, v]) => ({ [f]: { $exists: v } })),
  fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), fc.integer({ min: 0, max: 5 })).map(([op, n]) => ({ score: { [op]: n } })),
  fc.tuple(word, fc.boolean()).map(([w, i]) => ({ title: i ? { $regex: w.toLowerCase(), $options: 'i' } : { $regex: w } })),
  fc.constant({}),
);
const filter: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((c) => ({ $and: c })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((c) => ({ $or: c })),
  ),
})).f;

describe('filterPredicate', () => {
  it('matches exactly the documents sift matches', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 20 }), filter, (docs, f) => {
        const ours = filterPredicate(f);
        const theirs = sift(f as never);
        expect(docs.map((d) => ours(d))).toEqual(docs.map((d) => theirs(d)));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves what it does not know to sift', () => {
    expect(filterPredicate({ n: { $mod: [2, 0] } })({ n: 4 })).toBe(true);
    expect(filterPredicate({ 'authors.personId': 'p1' })({ authors: [{ personId: 'p1' }] })).toBe(true);
  });
});
