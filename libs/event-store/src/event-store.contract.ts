import {
  comparePositions,
  ConcurrencyError,
  LOG_START,
  type EventMetadata,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '@cem/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from './event-store';
import type { SqlRow } from './sql-client';

/** A store under test plus raw SQL access to its schema (to tamper with rows behind its back). */
export interface EventStoreHarness {
  store: EventStore;
  schema: string;
  sql(text: string, params?: readonly unknown[]): Promise<SqlRow[]>;
}

const ACTOR = {
  id: 'officer-7',
  name: 'Nguyễn Văn A',
  role: 'unit-officer' as const,
  unitId: 'district-3',
  level: 'district' as const,
  unitPath: ['central', 'province-1', 'district-3'],
};

function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return { actor: ACTOR, occurredAt: '2025-03-01T08:00:00.000Z', correlationId: 'corr-1', source: 'contract', ...overrides };
}

function event(type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: metadata(), ...extra };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function readWholeLog(store: EventStore, limit = 1000): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let after: LogPosition = LOG_START;
  for (;;) {
    const batch = await store.readAll({ after, limit });
    if (batch.length === 0) return all;
    all.push(...batch);
    after = batch[batch.length - 1].position;
  }
}

async function expectConcurrencyError(promise: Promise<unknown>, expected: string | number, actual: number) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject({ expected, actual, code: 'concurrency-conflict' });
}

/**
 * The behaviour every EventStore adapter must have. `factory` makes a fresh, empty store for each test;
 * `cleanup` disposes of it.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStoreHarness>,
  cleanup: (harness: EventStoreHarness) => Promise<void>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let h: EventStoreHarness;
    let store: EventStore;

    beforeEach(async () => {
      h = await factory();
      store = h.store;
    }, 30_000);
    afterEach(async () => {
      if (h) await cleanup(h);
    }, 30_000);

    it('archives a batch of copies in one call: each at the end of its stream, a copy already kept passed over', async () => {
      const copy = (streamId: string, k: number) => ({ ...event('DossierDrafted', { k }), id: uuidv7(), streamId });
      const first = [copy('arc-a', 1), copy('arc-b', 1), copy('arc-a', 2)];
      expect(await store.appendArchived!(first)).toEqual({ count: 3 });
      // A redelivered batch overlapping the first one: only the new copies are kept, after the existing ones.
      const second = [first[2], copy('arc-b', 2), first[0], copy('arc-c', 1)];
      expect(await store.appendArchived!(second)).toEqual({ count: 2 });
      expect(await store.appendArchived!([])).toEqual({ count: 0 });
      const versions = async (streamId: string) => (await store.readStream(streamId)).map((e) => [e.streamVersion, e.id]);
      expect(await versions('arc-a')).toEqual([
        [1, first[0].id],
        [2, first[2].id],
      ]);
      expect(await versions('arc-b')).toEqual([
        [1, first[1].id],
        [2, second[1].id],
      ]);
      expect(await versions('arc-c')).toEqual([[1, second[3].id]]);
      expect((await readWholeLog(store)).map((e) => e.id)).toEqual([...first, second[1], second[3]].map((e) => e.id));
      expect((await store.verifyChain()).firstBreak).toBeUndefined();
    });

    it('with a linger, a subscription still delivers every append and caughtUp() does not wait for the linger', async () => {
      const received: RecordedEvent[] = [];
      const subscription = store.subscribe({
        pollIntervalMs: 60_000,
        lingerMs: 60_000, // longer than the test: only caughtUp() can cut it short
        handler: (batch) => Promise.resolve(void received.push(...batch)),
      });
      await subscription.caughtUp();
      await Promise.all([0, 1, 2, 3].map((i) => store.append(`linger-${i}`, [event('Live', { i })])));
      await subscription.caughtUp();
      expect(received.map((e) => e.streamId).sort()).toEqual(['linger-0', 'linger-1', 'linger-2', 'linger-3']);
      await subscription.stop(); // ends a linger in progress too
    });

    it('opens several new streams all or none; the same batch again is a retry', async () => {
      const batch = ['a', 'b', 'c'].map((k) => ({ ...event('DossierDrafted', { k }), id: uuidv7(), streamId: `import-${k}` }));
      expect(await store.appendNewStreams!(batch)).toEqual({ appended: true, count: 3 });
      expect(await store.appendNewStreams!(batch)).toEqual({ appended: false, count: 3 });
      expect((await store.readStream('import-b')).map((e) => [e.streamVersion, e.data])).toEqual([[1, { k: 'b' }]]);
      // One stream of the batch exists already: nothing of it is written.
      await store.append('taken-2', [event('DossierDrafted')]);
      const refused = ['1', '2', '3'].map((k) => ({ ...event('DossierDrafted', { k }), id: uuidv7(), streamId: `taken-${k}` }));
      await expectConcurrencyError(store.appendNewStreams!(refused), 'no-stream', 1);
      expect(await store.readStream('taken-1')).toEqual([]);
      expect(await store.readStream('taken-3')).toEqual([]);
      expect((await store.verifyChain()).firstBreak).toBeUndefined();
    });

    it('appends events and reads a stream back in order, with versions, hashes and defaults', async () => {
      const id = uuidv7();
      const result = await store.append('dossier-1', [
        event('DossierOpened', { title: 'Sáng kiến' }, { id }),
        event('DossierSubmitted', { pages: 3 }, { schemaVersion: 2 }),
      ]);
      expect(result).toMatchObject({ streamId: 'dossier-1', nextExpectedVersion: 2, appended: true });

      const events = await store.readStream('dossier-1');
      expect(events.map((e) => [e.streamVersion, e.type, e.schemaVersion, e.data])).toEqual([
        [1, 'DossierOpened', 1, { title: 'Sáng kiến' }],
        [2, 'DossierSubmitted', 2, { pages: 3 }],
      ]);
      expect(events[0].id).toBe(id);
      expect(events[1].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // generated UUIDv7
      expect(events[1].position).toEqual(result.lastPosition);
      expect(comparePositions(events[0].position, events[1].position)).toBeLessThan(0);
      events.forEach((e) => expect(e.hash).toMatch(/^[0-9a-f]{64}$/));
      expect(new Date(events[0].recordedAt).toISOString()).toBe(events[0].recordedAt);

      expect((await store.readStream('dossier-1', { fromVersion: 2 })).map((e) => e.type)).toEqual(['DossierSubmitted']);
      expect((await store.readStream('dossier-1', { maxCount: 1 })).map((e) => e.type)).toEqual(['DossierOpened']);
      expect(await store.readStream('missing')).toEqual([]);
    });

    it('checks every kind of expected version', async () => {
      await expect(store.append('s', [event('A')], { expectedVersion: 'no-stream' })).resolves.toMatchObject({
        nextExpectedVersion: 1,
      });
      await expectConcurrencyError(store.append('s', [event('B')], { expectedVersion: 'no-stream' }), 'no-stream', 1);
      await expectConcurrencyError(store.append('t', [event('B')], { expectedVersion: 'exists' }), 'exists', 0);
      await expect(store.append('s', [event('B')], { expectedVersion: 'exists' })).resolves.toMatchObject({
        nextExpectedVersion: 2,
      });
      await expect(store.append('s', [event('C'), event('D')], { expectedVersion: 2 })).resolves.toMatchObject({
        nextExpectedVersion: 4,
      });
      await expectConcurrencyError(store.append('s', [event('E')], { expectedVersion: 2 }), 2, 4);
      await expectConcurrencyError(store.append('s', [event('E')], { expectedVersion: 0 }), 0, 4);
      await expect(store.append('u', [event('A')], { expectedVersion: 0 })).resolves.toMatchObject({ nextExpectedVersion: 1 });
      await expect(store.append('s', [event('E')], { expectedVersion: 'any' })).resolves.toMatchObject({
        nextExpectedVersion: 5,
      });
      expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(await store.readStream('t')).toEqual([]);
    });

    it('lets exactly one of two racing appends at the same expected version win', async () => {
      const race = (expectedVersion: number) =>
        Promise.allSettled([
          store.append('race', [event('Left')], { expectedVersion }),
          store.append('race', [event('Right')], { expectedVersion }),
        ]);
      for (const expectedVersion of [0, 1]) {
        const outcomes = await race(expectedVersion);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
        expect(lost[0].reason).toMatchObject({ streamId: 'race', expected: expectedVersion, actual: expectedVersion + 1 });
      }
      expect((await store.readStream('race')).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('never refuses racing appends that expect any version, and keeps their chain whole', async () => {
      const writers = 8;
      const results = await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          store.append('busy', [event('Noted', { i })], { expectedVersion: i % 2 ? 'any' : 'exists' }).catch((e: unknown) => e),
        ),
      );
      // 'exists' may only fail while the stream has no event yet.
      const failed = results.filter((r) => r instanceof Error);
      failed.forEach((e) => expect(e).toMatchObject({ expected: 'exists', actual: 0 }));
      const versions = (await store.readStream('busy')).map((e) => e.streamVersion);
      expect(versions).toEqual(Array.from({ length: writers - failed.length }, (_, i) => i + 1));
      expect(await store.verifyChain()).toEqual({ eventsChecked: versions.length });
    });

    it('refuses the same event id twice in one append', async () => {
      const id = uuidv7();
      await expect(store.append('twice', [event('A', {}, { id }), event('B', {}, { id })])).rejects.toThrow(/same event id twice/);
      expect(await store.readStream('twice')).toEqual([]);
    });

    it('ignores a re-append of the same event ids and refuses a partial or cross-stream reuse', async () => {
      const ids = [uuidv7(), uuidv7()];
      const batch = ids.map((id, i) => event('Scored', { i }, { id }));
      const first = await store.append('case-1', batch, { expectedVersion: 'no-stream' });
      const again = await store.append('case-1', batch, { expectedVersion: 'no-stream' });
      expect(again).toEqual({ ...first, appended: false });
      await store.append('case-1', [event('Graded')]);
      expect(await store.append('case-1', batch)).toEqual({ ...first, appended: false });

      await expect(store.append('case-1', [batch[1], event('New')])).rejects.toThrow(/already stored/);
      await expect(store.append('case-2', batch)).rejects.toThrow(/already stored/);
      expect((await store.readStream('case-1')).map((e) => e.type)).toEqual(['Scored', 'Scored', 'Graded']);
      expect(await readWholeLog(store)).toHaveLength(3);
    });

    it('round-trips the metadata', async () => {
      const full = metadata({
        occurredAt: '2025-04-30T17:45:12.345Z',
        correlationId: 'corr-9',
        causationId: 'cause-3',
        reason: 'Hồ sơ thiếu minh chứng',
        source: 'councils',
      });
      const minimal = metadata();
      await store.append('m', [
        { type: 'Returned', data: {}, metadata: full },
        { type: 'Noted', data: {}, metadata: minimal },
      ]);
      const [a, b] = await store.readStream('m');
      expect(a.metadata).toEqual(full);
      expect(b.metadata).toEqual(minimal);
      expect(b.metadata).not.toHaveProperty('causationId');
    });

    it('reads the global log in batches from a position and reports the head', async () => {
      expect(await store.headPosition()).toEqual(LOG_START);
      expect(await store.readAll()).toEqual([]);
      const appended: string[] = [];
      for (let i = 0; i < 25; i++) {
        const id = uuidv7();
        appended.push(id);
        await store.append(`log-${i % 3}`, [event('Logged', { i }, { id })]);
      }
      const sizes: number[] = [];
      const seen: RecordedEvent[] = [];
      let after: LogPosition = LOG_START;
      for (;;) {
        const batch = await store.readAll({ after, limit: 10 });
        sizes.push(batch.length);
        if (batch.length === 0) break;
        seen.push(...batch);
        after = batch[batch.length - 1].position;
      }
      expect(sizes).toEqual([10, 10, 5, 0]);
      expect(seen.map((e) => e.id)).toEqual(appended);
      // The log and the streams hand out the very same events, whichever way an adapter decodes the log.
      const byStream = (await Promise.all([0, 1, 2].map((i) => store.readStream(`log-${i}`)))).flat();
      expect([...seen].sort((a, b) => a.id.localeCompare(b.id))).toEqual(byStream.sort((a, b) => a.id.localeCompare(b.id)));
      for (let i = 1; i < seen.length; i++) expect(comparePositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);
      expect((await store.readAll({ after: seen[19].position })).map((e) => e.id)).toEqual(appended.slice(20));
      expect(await store.headPosition()).toEqual(seen[24].position);
    });

    it('hands out every kind of JSON payload through the log exactly as appended', async () => {
      const payloads: unknown[] = [
        { quote: 'say "hi"\\n', tab: 'a\tb', newline: 'x\ny', backslash: 'C:\\dir\\', vi: 'Sáng kiến số 1 ✓', emoji: '🏆' },
        { nested: { list: [1, -2.5, null, true, 'x', { deep: [] }] }, empty: {} },
        null,
        'plain text',
        42,
        [],
      ];
      const { lastPosition } = await store.append(
        'payloads',
        payloads.map((data, i) => event(`P${i}`, data)),
      );
      const logged = (await store.readAll()).filter((e) => e.streamId === 'payloads');
      expect(logged.map((e) => e.data)).toEqual(payloads);
      expect(logged.map((e) => e.metadata.source)).toEqual(payloads.map(() => 'contract'));
      expect(logged.at(-1)!.position).toEqual(lastPosition);
      expect(logged).toEqual(await store.readStream('payloads'));
      expect(JSON.parse(JSON.stringify(logged))).toEqual(JSON.parse(JSON.stringify(await store.readStream('payloads'))));
    });

    it('reads several whole streams at once, in global order', async () => {
      await store.append('many-a', [event('A1'), event('A2')]);
      await store.append('many-b', [event('B1')]);
      await store.append('many-a', [event('A3')]);
      await store.append('many-c', [event('C1')]);
      const read = await store.readStreams!(['many-a', 'many-b', 'missing']);
      expect(read.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
      const log = (await store.readAll()).filter((e) => e.streamId === 'many-a' || e.streamId === 'many-b');
      expect(read).toEqual(log);
      expect(await store.readStreams!([])).toEqual([]);
    });

    it('reads a stream as of a date (occurredUntil)', async () => {
      const at = (occurredAt: string, type: string) => ({ type, data: {}, metadata: metadata({ occurredAt }) });
      await store.append('asof', [
        at('2025-01-10T00:00:00.000Z', 'January'),
        at('2025-02-10T00:00:00.000Z', 'February'),
        at('2025-03-10T00:00:00.000Z', 'March'),
      ]);
      const until = (iso: string) => store.readStream('asof', { occurredUntil: new Date(iso) }).then((es) => es.map((e) => e.type));
      expect(await until('2025-02-15T00:00:00.000Z')).toEqual(['January', 'February']);
      expect(await until('2025-02-10T00:00:00.000Z')).toEqual(['January', 'February']);
      expect(await until('2024-12-31T00:00:00.000Z')).toEqual([]);
    });

    it('saves and loads named checkpoints', async () => {
      expect(await store.load('relay')).toBeUndefined();
      await store.save('relay', { tx: 41, pos: 7 });
      await store.save('runner', { tx: 3, pos: 2 });
      await store.save('relay', { tx: 42, pos: 9 });
      expect(await store.load('relay')).toEqual({ tx: 42, pos: 9 });
      expect(await store.load('runner')).toEqual({ tx: 3, pos: 2 });
    });

    it('subscribes: catches up on history in batches, then follows live appends, then stops', async () => {
      for (let i = 0; i < 30; i++) await store.append(`sub-${i % 4}`, [event('Past', { i })]);
      const received: RecordedEvent[] = [];
      const batchSizes: number[] = [];
      const subscription = store.subscribe({
        batchSize: 7,
        pollIntervalMs: 5_000, // live delivery below must come from the notification, not the poll
        handler: (batch) => {
          batchSizes.push(batch.length);
          received.push(...batch);
          return Promise.resolve();
        },
      });
      await subscription.caughtUp();
      expect(received).toHaveLength(30);
      expect(Math.max(...batchSizes)).toBe(7);

      for (let i = 0; i < 5; i++) await store.append('sub-live', [event('Live', { i })]);
      await waitFor('live events', () => received.length === 35, 3_000);
      await subscription.stop();
      await store.append('sub-live', [event('AfterStop')]);
      await new Promise((r) => setTimeout(r, 100));
      expect(received).toHaveLength(35);
      expect(received.map((e) => e.id)).toEqual((await readWholeLog(store)).slice(0, 35).map((e) => e.id));

      const resumed: RecordedEvent[] = [];
      const fromMiddle = store.subscribe({ after: received[29].position, handler: (b) => Promise.resolve(void resumed.push(...b)) });
      await fromMiddle.caughtUp();
      await fromMiddle.stop();
      expect(resumed.map((e) => e.type)).toEqual(['Live', 'Live', 'Live', 'Live', 'Live', 'AfterStop']);
    });

    it('retries a batch whose handler failed, without losing or repeating events', async () => {
      for (let i = 0; i < 6; i++) await store.append('flaky', [event('E', { i })]);
      const errors: unknown[] = [];
      const received: number[] = [];
      let failures = 1;
      const subscription = store.subscribe({
        batchSize: 4,
        pollIntervalMs: 20,
        onError: (e) => errors.push(e),
        handler: (batch) => {
          if (received.length === 4 && failures-- > 0) return Promise.reject(new Error('projection down'));
          received.push(...batch.map((e) => (e.data as { i: number }).i));
          return Promise.resolve();
        },
      });
      await waitFor('all events', () => received.length === 6);
      await subscription.stop();
      expect(received).toEqual([0, 1, 2, 3, 4, 5]);
      expect(errors).toHaveLength(1);
    });

    it('verifies the hash chains and names the first tampered event in global order', async () => {
      for (let i = 0; i < 4; i++) {
        await store.append('chain-a', [event('A', { i }), event('A2', { i })]);
        await store.append('chain-b', [event('B', { i })]);
      }
      expect(await store.verifyChain()).toEqual({ eventsChecked: 12 });

      const b2 = (await store.readStream('chain-b'))[1];
      const a5 = (await store.readStream('chain-a'))[4];
      await h.sql(`UPDATE ${h.schema}.events SET data = '{"i": 99}' WHERE event_id = $1`, [a5.id]);
      await h.sql(`UPDATE ${h.schema}.events SET data = '{"i": 98}' WHERE event_id = $1`, [b2.id]);
      const result = await store.verifyChain();
      expect(result.eventsChecked).toBe(12);
      expect(result.firstBreak).toMatchObject({
        eventId: b2.id,
        streamId: 'chain-b',
        streamVersion: 2,
        position: b2.position,
        storedHash: b2.hash,
      });
      expect(result.firstBreak?.expectedHash).not.toBe(b2.hash);

      // Re-hashing the edited event to hide the edit breaks the link of the event after it.
      await h.sql(`UPDATE ${h.schema}.events SET data = '{"i":1}' WHERE event_id = $1`, [b2.id]);
      await h.sql(`UPDATE ${h.schema}.events SET hash = 'forged' WHERE event_id = $1`, [(await store.readStream('chain-a'))[0].id]);
      expect((await store.verifyChain()).firstBreak).toMatchObject({ streamId: 'chain-a', streamVersion: 1 });
    });

    it('hashes the exact JSON text it stored, so even a reformatting is a break', async () => {
      const [stored] = await store.readStream((await store.append('exact', [event('Kept', { a: 1, b: 'x' })])).streamId);
      expect((await store.exportChain(['exact']))[0].dataText).toBe('{"a":1,"b":"x"}');
      await h.sql(`UPDATE ${h.schema}.events SET data = '{"b": "x", "a": 1}' WHERE event_id = $1`, [stored.id]);
      expect((await store.readStream('exact'))[0].data).toEqual({ a: 1, b: 'x' }); // same value...
      expect((await store.verifyChain()).firstBreak).toMatchObject({ eventId: stored.id }); // ...other text
    });

    it('pages the whole export in global order: the same rows as exporting everything at once', async () => {
      await store.append('page-a', [event('A1'), event('A2'), event('A3')]);
      await store.append('page-b', [event('B1')]);
      const whole = await store.exportChain();
      const paged: string[] = [];
      let after: LogPosition | undefined;
      for (;;) {
        const page = await store.exportChainPage!(after, 2);
        paged.push(...page.map((r) => r.eventId));
        if (page.length < 2) break;
        after = page[page.length - 1].position;
      }
      expect(paged).toEqual(whole.map((r) => r.eventId));
      const [first] = await store.exportChainPage!(undefined, 1);
      const { position: _position, ...row } = first;
      expect(row).toEqual(whole[0]);
    });

    it('delivers every event exactly once to a tailing subscriber while 8 writers append concurrently', async () => {
      const writers = 8;
      const appendsPerWriter = 500;
      const streamsPerWriter = 10;
      const received: RecordedEvent[] = [];
      const subscription = store.subscribe({
        batchSize: 200,
        pollIntervalMs: 100,
        handler: (b) => Promise.resolve(void received.push(...b)),
      });

      const appended = new Set<string>();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const versions = new Array<number>(streamsPerWriter).fill(0);
          for (let i = 0; i < appendsPerWriter; i++) {
            const s = i % streamsPerWriter;
            const id = uuidv7();
            const result = await store.append(`writer-${w}-${s}`, [event('Written', { w, i }, { id })], {
              expectedVersion: versions[s],
            });
            versions[s] = result.nextExpectedVersion;
            appended.add(id);
          }
        }),
      );
      await subscription.caughtUp();
      await subscription.stop();

      const total = writers * appendsPerWriter;
      expect(appended.size).toBe(total);
      expect(received).toHaveLength(total);
      const ids = received.map((e) => e.id);
      expect(new Set(ids).size).toBe(total);
      expect(ids.every((id) => appended.has(id))).toBe(true);
      const lastVersion = new Map<string, number>();
      for (let i = 0; i < received.length; i++) {
        const e = received[i];
        if (i > 0) expect(comparePositions(received[i - 1].position, e.position)).toBeLessThan(0);
        expect(e.streamVersion).toBe((lastVersion.get(e.streamId) ?? 0) + 1);
        lastVersion.set(e.streamId, e.streamVersion);
      }
      expect(await store.verifyChain()).toEqual({ eventsChecked: total });
    }, 120_000);
  });
}
