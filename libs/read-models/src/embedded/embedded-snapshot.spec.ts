import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createPgliteEventStore } from '@cem/event-store';
import type { EventStore } from '@cem/event-store';
import { EmbeddedDocumentStore } from './embedded-document-store';
import { ProjectionRunner } from '../projection-runner';
import type { Projection } from '../projection';
import { rebuildProjections } from '../rebuild';
import { appendCounted, countingProjection, StreamTally } from '../testing/projection-fixtures';

// The embedded store kept on disk (npm start's read models): a restart loads the image and catches up from its
// checkpoints instead of replaying the log. The replay is measured by the runner's own count of events handed to
// the projections and by the projection's apply calls, never by time.
describe('EmbeddedDocumentStore with a snapshot file', () => {
  let dir: string;
  let file: string;
  let store: EventStore;
  const open: EmbeddedDocumentStore[] = [];
  const runners: ProjectionRunner[] = [];
  const warnings: string[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cem-rm-snapshot-'));
    file = join(dir, 'read-models.snapshot');
    store = await createPgliteEventStore({ schema: 'rm_snapshot' });
    warnings.length = 0;
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    open.length = 0;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A process start: the store loaded from the file (no periodic snapshot during the test). */
  const openStore = async () => {
    const documents = await EmbeddedDocumentStore.open({
      snapshotFile: file,
      snapshotIntervalMs: 3_600_000,
      onWarning: (m) => warnings.push(m),
    });
    open.push(documents);
    return documents;
  };
  /** Counts every apply call, so a test can tell a resume from a replay. */
  const counted = (projection: Projection<StreamTally>) => {
    const calls = { applied: 0 };
    return {
      calls,
      projection: {
        ...projection,
        apply: (doc, event, id) => (calls.applied++, projection.apply(doc, event, id)),
      } as Projection<StreamTally>,
    };
  };
  const start = async (documents: EmbeddedDocumentStore, projection: Projection<StreamTally>, checkpointIntervalMs = 0) => {
    const runner = new ProjectionRunner(store, documents, [projection], { batchSize: 7, pollIntervalMs: 20, checkpointIntervalMs });
    runners.push(runner);
    await runner.start();
    await runner.caughtUp();
    return runner;
  };
  const stop = async (runner: ProjectionRunner, documents?: EmbeddedDocumentStore) => {
    runners.splice(runners.indexOf(runner), 1);
    await runner.stop();
    await documents?.close(); // the platform's stop: runner first (last checkpoint), then the store (last image)
  };
  const counts = async (documents: EmbeddedDocumentStore) =>
    Object.fromEntries((await documents.collection<StreamTally>('stream_tally').find()).map((d) => [d._id, d.count]));
  /**
   * Every document of the model, to compare with a full rebuild's. Not verifyRebuild: jest runs the test in its own
   * V8 realm while v8.deserialize creates objects of the outer one, so isDeepStrictEqual (which compares prototypes)
   * would see every loaded document as different; in the platform there is one realm. The last test checks the
   * fidelity that toEqual does not (Dates, undefined fields).
   */
  const documentsOf = (documents: EmbeddedDocumentStore) =>
    documents.collection<StreamTally>('stream_tally').find({}, { sort: { _id: 1 } });
  const rebuiltFromLog = async () => {
    const reference = new EmbeddedDocumentStore();
    await rebuildProjections(store, reference, [countingProjection()]);
    return documentsOf(reference);
  };
  const logSize = async () => (await store.readAll({ limit: 100_000 })).length;

  it('restarts from the image: same models, nothing replayed, then only what was appended since', async () => {
    await appendCounted(store, ['s1', 's2'], 20);
    await appendCounted(store, ['s2'], 1);
    const first = await openStore();
    expect(first.loaded).toEqual({ status: 'missing', documents: 0 });
    const built = await start(first, countingProjection());
    const before = await counts(first);
    await stop(built, first);

    const second = await openStore();
    expect(second.loaded).toMatchObject({ status: 'loaded', documents: 4 }); // s1, s2, all and the checkpoint
    const { projection, calls } = counted(countingProjection());
    const resumed = await start(second, projection);
    expect(resumed.eventsProjected).toBe(0);
    expect(calls.applied).toBe(0);
    expect(await counts(second)).toEqual(before);
    expect(before).toEqual({ s1: 20, s2: 21, all: 41 });
    expect(await documentsOf(second)).toEqual(await rebuiltFromLog());

    await appendCounted(store, ['s3'], 2); // two counted, one ignored
    await resumed.caughtUp();
    expect(resumed.eventsProjected).toBe(3);
    expect(await counts(second)).toEqual({ s1: 20, s2: 21, s3: 2, all: 43 });
  });

  it('after a crash between images, catches up from the older image and applies nothing twice', async () => {
    await appendCounted(store, ['s1'], 10);
    const documents = await openStore();
    // Checkpoints at most once a minute: the image holds documents ahead of their checkpoint.
    const runner = await start(documents, countingProjection(), 60_000);
    await appendCounted(store, ['s2'], 5);
    await runner.caughtUp();
    await documents.snapshot();
    await appendCounted(store, ['s3'], 5); // applied in memory, never written: lost in the crash
    await runner.caughtUp();
    // The crash: no stop, no close; the next process reads whatever the file holds.
    const afterCrash = await openStore();
    expect(afterCrash.loaded?.status).toBe('loaded');
    const resumed = await start(afterCrash, countingProjection());
    // From the image's checkpoint (the initial build's head): s2's events come again and are skipped by `_position`
    // (how many apply calls that takes depends on the runner's guesses of new documents, so only the models count).
    expect(resumed.eventsProjected).toBe(12);
    expect(await counts(afterCrash)).toEqual({ s1: 10, s2: 5, s3: 5, all: 20 });
    expect(await documentsOf(afterCrash)).toEqual(await rebuiltFromLog());
  });

  it('refuses a torn or altered image as a whole and rebuilds from the log', async () => {
    await appendCounted(store, ['s1', 's2'], 30);
    const documents = await openStore();
    await stop(await start(documents, countingProjection()), documents);
    const whole = readFileSync(file);

    for (const damage of [
      () => truncateSync(file, whole.length - 7), // cut short: no trailer
      () => writeFileSync(file, Buffer.concat([whole.subarray(0, 100), Buffer.from([whole[100] ^ 0xff]), whole.subarray(101)])), // one byte altered
      () => writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2))),
    ]) {
      writeFileSync(file, whole);
      damage();
      writeFileSync(`${file}.tmp`, 'a snapshot being written when the process died'); // ignored: never the final name
      const reopened = await openStore();
      expect(reopened.loaded?.status).toBe('refused');
      expect(await counts(reopened)).toEqual({});
      const rebuilt = await start(reopened, countingProjection());
      expect(rebuilt.eventsProjected).toBe(await logSize());
      expect(await counts(reopened)).toEqual({ s1: 30, s2: 30, all: 60 });
      await stop(rebuilt);
    }
    expect(warnings.filter((w) => w.includes('refused'))).toHaveLength(3);
  });

  it('rebuilds a projection whose version changed, whatever the image holds', async () => {
    await appendCounted(store, ['s1', 's2'], 3);
    const documents = await openStore();
    await stop(await start(documents, countingProjection()), documents);
    const reopened = await openStore();
    const { projection, calls } = counted(countingProjection({ version: 2, weight: 10 }));
    const rebuilt = await start(reopened, projection);
    expect(rebuilt.eventsProjected).toBe(await logSize());
    expect(calls.applied).toBe(12);
    expect(await counts(reopened)).toEqual({ s1: 30, s2: 30, all: 60 });
  });

  it('keeps documents exactly as stored (Dates, undefined fields, nesting) and only writes when something changed', async () => {
    const documents = await openStore();
    const doc = { _id: 'd1', at: new Date('2026-12-02T10:00:00.000Z'), missing: undefined, nested: { list: [1, 'two', { three: null }] } };
    await documents.collection('things').putMany([doc]);
    await documents.close();
    const written = readFileSync(file);
    const reopened = await openStore();
    const loaded = await reopened.collection<typeof doc>('things').get('d1');
    expect(loaded).toEqual(doc);
    // What toEqual does not check (and JSON would lose): the Date is a Date, the undefined field is still there.
    expect(Object.prototype.toString.call(loaded?.at)).toBe('[object Date]');
    expect(loaded?.at.getTime()).toBe(doc.at.getTime());
    expect(Object.keys(loaded ?? {})).toEqual(Object.keys(doc));
    await reopened.close(); // nothing changed: the file is left as it was
    expect(readFileSync(file).equals(written)).toBe(true);
  });
});
