import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Mandate } from '@cem/identity';
import { MandateCache } from './mandates';

const mandate = (mandateId: string) => ({ mandateId, holderUnitId: 'u-1', role: 'unit-officer' }) as unknown as Mandate;

describe('MandateCache', () => {
  it('reads the read model once per holder and role until a mandate event is applied', async () => {
    const cache = new MandateCache();
    let reads = 0;
    const load = (found: Mandate[]) => () => Promise.resolve((reads++, found));
    expect(await cache.get('k', load([mandate('m1')]))).toEqual([mandate('m1')]);
    expect(await cache.get('k', load([]))).toEqual([mandate('m1')]);
    expect(reads).toBe(1);

    cache.applied([{ type: 'submissions.DossierDrafted' }]); // other events keep it
    expect(await cache.get('k', load([]))).toEqual([mandate('m1')]);
    cache.applied([{ type: SUBMISSIONS_EVENTS.MandateRevoked }]);
    expect(await cache.get('k', load([]))).toEqual([]);
    expect(reads).toBe(2);
  });

  it('does not keep a read that raced with an invalidation', async () => {
    const cache = new MandateCache();
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<Mandate[]>((resolve) => (release = () => resolve([mandate('old')]))));
    cache.applied([{ type: SUBMISSIONS_EVENTS.MandateGranted }]);
    release();
    expect(await slow).toEqual([mandate('old')]); // that request saw the read model before the event
    expect(await cache.get('k', () => Promise.resolve([mandate('new')]))).toEqual([mandate('new')]);
  });

  it('hands out copies: a caller cannot change what the next request gets', async () => {
    const cache = new MandateCache();
    (await cache.get('k', () => Promise.resolve([mandate('m1')]))).push(mandate('m2'));
    expect(await cache.get('k', () => Promise.resolve([]))).toEqual([mandate('m1')]);
  });
});
