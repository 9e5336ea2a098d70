import { withoutInternalFields } from './internal-fields';

const asSent = (body: unknown): unknown => JSON.parse(JSON.stringify(body, withoutInternalFields)) as unknown;

describe('withoutInternalFields (the JSON replacer of every response)', () => {
  it('drops every _-prefixed key at any depth and keeps the rest', () => {
    const doc = {
      _id: 'hs-1',
      _position: { tx: '1', pos: '2' },
      dossierId: 'hs-1',
      entries: [{ _id: 'x', rank: 1, nested: { _hidden: 1, shown: 2 } }],
    };
    expect(asSent(doc)).toEqual({ dossierId: 'hs-1', entries: [{ rank: 1, nested: { shown: 2 } }] });
  });

  it('leaves dates, primitives, null and arrays as JSON writes them', () => {
    const date = new Date('2026-12-02T10:00:00Z');
    expect(asSent({ date })).toEqual({ date: '2026-12-02T10:00:00.000Z' });
    expect(asSent('text')).toBe('text');
    expect(asSent(null)).toBeNull();
    expect(asSent([1, { _a: 1, b: 2 }])).toEqual([1, { b: 2 }]);
  });
});
