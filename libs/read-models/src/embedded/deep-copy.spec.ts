import { deepCopy } from './deep-copy';

describe('deepCopy', () => {
  it('copies nested objects, arrays and dates without sharing anything', () => {
    const original = { a: 1, s: 'x', n: null, u: undefined, list: [{ b: 2 }, [3]], when: new Date(5) };
    const copy = deepCopy(original);
    expect(copy).toEqual(original);
    expect(copy.list[0]).not.toBe(original.list[0]);
    expect(copy.list[1]).not.toBe(original.list[1]);
    expect(copy.when).not.toBe(original.when);
    expect(copy.when.getTime()).toBe(5);
    expect('u' in copy).toBe(true);
  });

  it('falls back to structuredClone for other objects', () => {
    const tags = new Set(['t']);
    const copy = deepCopy({ tags });
    expect(copy.tags).not.toBe(tags);
    // structuredClone builds the Set in the host realm, so check through its own methods.
    expect(copy.tags.has('t')).toBe(true);
  });
});
