import { withoutInternalFields } from './internal-fields.interceptor';

describe('withoutInternalFields', () => {
  it('drops every _-prefixed key at any depth and keeps the rest', () => {
    const doc = {
      _id: 'hs-1',
      _position: { tx: '1', pos: '2' },
      dossierId: 'hs-1',
      entries: [{ _id: 'x', rank: 1, nested: { _hidden: 1, shown: 2 } }],
    };
    expect(withoutInternalFields(doc)).toEqual({ dossierId: 'hs-1', entries: [{ rank: 1, nested: { shown: 2 } }] });
  });

  it('leaves buffers, dates, primitives and null alone', () => {
    const buffer = Buffer.from('a;b');
    const date = new Date();
    expect(withoutInternalFields(buffer)).toBe(buffer);
    expect(withoutInternalFields(date)).toBe(date);
    expect(withoutInternalFields('text')).toBe('text');
    expect(withoutInternalFields(null)).toBeNull();
    expect(withoutInternalFields([1, { _a: 1, b: 2 }])).toEqual([1, { b: 2 }]);
  });
});
