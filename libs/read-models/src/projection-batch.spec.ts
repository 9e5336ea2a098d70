import type { RecordedEvent } from '@cem/contracts';
import type { DocumentCollection, ReadModelDocument } from './document-store';
import { DuplicateKeyError } from './document-store.errors';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store';
import type { Projection } from './projection';
import { projectBatch, RecentIds } from './projection-batch';
import { countingProjection, StreamTally } from './testing/projection-fixtures';

let tx = 0;
function recorded(type: string, streamId: string, data: Record<string, unknown> = {}): RecordedEvent {
  tx += 1;
  return {
    id: `e-${tx}`,
    streamId,
    streamVersion: tx,
    schemaVersion: 1,
    type,
    data,
    metadata: {
      actor: { id: 'tester', role: 'admin', unitId: 'central', level: 'central', unitPath: ['central'] },
      occurredAt: '2026-12-02T00:00:00Z',
      correlationId: 'c',
      source: 'read-models-test',
    },
    position: { tx, pos: 0 },
    recordedAt: '2026-12-02T00:00:00Z',
    hash: '',
  };
}
const counted = (streamId: string, n: number) => Array.from({ length: n }, () => recorded('Counted', streamId));

/** The store calls a batch makes, by kind. */
function counting<T extends ReadModelDocument>(collection: DocumentCollection<T>) {
  const calls: string[] = [];
  const wrapped: DocumentCollection<T> = {
    ...collection,
    name: collection.name,
    get: (id) => collection.get(id),
    find: (filter, options) => collection.find(filter, options),
    count: (filter) => collection.count(filter),
    ensureIndexes: (indexes) => collection.ensureIndexes(indexes),
    drop: () => collection.drop(),
    getMany: (ids) => (ids.length && calls.push(`getMany ${[...ids].sort().join(',')}`), collection.getMany(ids)),
    putMany: (docs) => (docs.length && calls.push(`putMany ${docs.map((d) => d._id).join(',')}`), collection.putMany(docs)),
    insertMany: (docs) => (docs.length && calls.push(`insertMany ${docs.map((d) => d._id).join(',')}`), collection.insertMany(docs)),
    deleteMany: (ids) => (ids.length && calls.push(`deleteMany ${ids.join(',')}`), collection.deleteMany(ids)),
  };
  return { calls, collection: wrapped };
}

describe('projectBatch with the ids seen lately (new documents inserted unread)', () => {
  let documents: EmbeddedDocumentStore;
  const tallies = () => documents.collection<StreamTally>('stream_tally');
  const counts = async () => Object.fromEntries((await tallies().find()).map((d) => [d._id, d.count]));

  beforeEach(() => {
    documents = new EmbeddedDocumentStore();
  });

  it('inserts documents it has not seen without reading them, and reads them once seen', async () => {
    const { calls, collection } = counting(tallies());
    const recent = new RecentIds();
    await projectBatch(countingProjection(), collection, counted('s1', 2), recent);
    expect(calls).toEqual(['insertMany s1,all']);

    calls.length = 0;
    await projectBatch(countingProjection(), collection, [...counted('s1', 1), ...counted('s2', 1)], recent);
    expect(calls).toEqual(['getMany all,s1', 'putMany s1,all', 'insertMany s2']);
    expect(await counts()).toEqual({ s1: 3, s2: 1, all: 4 });
  });

  it('reads every document without the ids seen lately, as before', async () => {
    const { calls, collection } = counting(tallies());
    await projectBatch(countingProjection(), collection, counted('s1', 2));
    expect(calls).toEqual(['getMany all,s1', 'insertMany s1,all']);
  });

  it('folds a document taken for new again from what is stored when it existed (restart, another replica)', async () => {
    const events = counted('s1', 8);
    await projectBatch(countingProjection(), tallies(), events.slice(0, 5), new RecentIds()); // "another replica"
    const { calls, collection } = counting(tallies());
    // A fresh runner re-delivered everything: the refused insert is settled from the stored documents, whose
    // positions skip the five events already applied.
    await projectBatch(countingProjection(), collection, [...events, ...counted('s2', 1)], new RecentIds());
    expect(await counts()).toEqual({ s1: 8, s2: 1, all: 9 });
    expect(calls).toEqual(['insertMany s1,all,s2', 'getMany all,s1,s2', 'putMany s1,all', 'insertMany s2']);

    // And a re-delivery of the same batch changes nothing.
    calls.length = 0;
    await projectBatch(countingProjection(), collection, [...events], new RecentIds());
    expect(await counts()).toEqual({ s1: 8, s2: 1, all: 9 });
    expect(calls).toEqual(['insertMany s1,all', 'getMany all,s1']);
  });

  it('reads first where the fold from nothing deletes (the document may exist)', async () => {
    await projectBatch(countingProjection(), tallies(), counted('s1', 2), new RecentIds());
    const { calls, collection } = counting(tallies());
    await projectBatch(countingProjection(), collection, [recorded('Closed', 's1')], new RecentIds());
    expect(calls).toEqual(['getMany s1', 'deleteMany s1']);
    expect(await counts()).toEqual({ all: 2 });
  });

  it('still fails on a real conflict of another unique key', async () => {
    type Named = ReadModelDocument & { name: string };
    const byName: Projection<Named> = {
      name: 'by-name',
      collection: 'by_name',
      version: 1,
      eventTypes: ['Named'],
      documentIds: (event) => [event.streamId],
      apply: (_doc, event) => ({ _id: event.streamId, name: (event.data as { name: string }).name }),
    };
    const named = documents.collection<Named>('by_name');
    await named.ensureIndexes([{ fields: { name: 1 }, unique: true }]);
    await projectBatch(byName, named, [recorded('Named', 'a', { name: 'x' })], new RecentIds());
    await expect(projectBatch(byName, named, [recorded('Named', 'b', { name: 'x' })], new RecentIds())).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(await named.find()).toEqual([expect.objectContaining({ _id: 'a', name: 'x' })]);
  });

  it('forgets the oldest ids beyond its bound', () => {
    const recent = new RecentIds(2);
    recent.add(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => recent.has(id))).toEqual([false, true, true]);
  });
});
