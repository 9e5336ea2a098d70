import { v7 as uuidv7 } from 'uuid';
import { ConcurrencyError, DomainRuleViolation, LOG_START, type LogPosition, type NewEvent, type RecordedEvent } from '@cem/contracts';
import { classifyAppendFailure } from './append-failure';
import type {
  NewStreamEvent,
  AppendResult,
  ChainHead,
  ChainRow,
  ChainVerification,
  HashedEventRow,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  StoreLease,
  Subscription,
  SubscriptionOptions,
} from './event-store';
import { eventStoreQueries, type EventStoreQueries } from './event-store.queries';
import { eventStoreSchemaSql, notifyChannel } from './event-store.schema';
import { CopyLogDecoder } from './copy-log-decoder';
import { LoggedEvent, toPosition, toRecordedEvent, toRecordedEvents } from './event-row.mapper';
import { LogSubscription } from './log-subscription';
import { AppendNotifier } from './append-notifier';
import type { SqlClient, SqlRow } from './sql-client';

export interface SqlEventStoreOptions {
  /** PostgreSQL schema holding this store's tables; default 'cem'. */
  schema?: string;
  /** Close the client with the store (default true). */
  closeClient?: boolean;
}

const DEFAULT_READ_LIMIT = 1000;
/** 'any' and 'exists' appends cannot conflict by definition: a lost race is simply tried again. */
const MAX_UNCHECKED_ATTEMPTS = 20;

/** Creates the schema if needed and returns the store (closing an owned client if that fails). */
export async function createSqlEventStore(client: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  const schema = options.schema ?? 'cem';
  const closeClient = options.closeClient ?? true;
  try {
    await client.exec(eventStoreSchemaSql(schema));
  } catch (error) {
    if (closeClient) await client.close().catch(() => undefined);
    throw error;
  }
  return new SqlEventStore(client, schema, closeClient);
}

function expectedParam(expected: ExpectedVersion): string {
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new Error(`expectedVersion must be a non-negative integer, got ${expected}`);
  }
  return String(expected);
}

/** The event store over any SqlClient: every operation is one statement (see event-store.schema.ts). */
export class SqlEventStore implements EventStore {
  private readonly sql: EventStoreQueries;
  private readonly subscriptions = new Set<LogSubscription>();
  // The NOTIFY's own transaction need not wait for its commit record to reach the disk (the events it announces were
  // committed durably before it; a notification lost in a crash is made up by the subscribers' polling), so it
  // holds PostgreSQL's notify lock for less time and adds no WAL flush to the appends' group commits.
  private readonly notifier = new AppendNotifier(() =>
    this.client.query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, '')`, [notifyChannel(this.schema)]),
  );

  constructor(
    private readonly client: SqlClient,
    readonly schema: string,
    private readonly closeClient: boolean,
  ) {
    this.sql = eventStoreQueries(schema);
  }

  async append(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    const expected = options.expectedVersion ?? 'any';
    const ids = events.map((e) => e.id ?? uuidv7());
    if (new Set(ids).size !== ids.length) throw new Error(`append to ${streamId}: the same event id twice in one append`);
    // A single event at a numeric expected version takes the plain statement; the rest the PL/pgSQL function.
    const single = events.length === 1 && typeof expected === 'number';
    const params = single
      ? [
          streamId,
          expectedParam(expected),
          ids[0],
          events[0].type,
          events[0].schemaVersion ?? 1,
          JSON.stringify(events[0].data ?? null),
          JSON.stringify(events[0].metadata),
        ]
      : [
          streamId,
          expectedParam(expected),
          ids,
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion ?? 1),
          events.map((e) => JSON.stringify(e.data ?? null)),
          events.map((e) => JSON.stringify(e.metadata)),
        ];
    for (let attempt = 1; ; attempt++) {
      let row: SqlRow | undefined;
      try {
        [row] = await this.client.query(single ? this.sql.appendOne : this.sql.append, params);
      } catch (error) {
        const failure = classifyAppendFailure(error);
        if (failure.kind === 'version-conflict') throw new ConcurrencyError(streamId, expected, failure.actualVersion);
        if (failure.kind === 'other') throw error;
        const replay = await this.replayedAppend(streamId, ids);
        if (replay) return replay;
        if (failure.onEventId) throw error;
        if ((expected === 'any' || expected === 'exists') && attempt < MAX_UNCHECKED_ATTEMPTS) continue;
        throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
      }
      // The plain statement found no event at the expected version: nothing was written.
      if (!row) throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
      this.notifier.poke();
      return {
        streamId,
        nextExpectedVersion: row.out_version as number,
        lastPosition: toPosition(row.out_tx, row.out_pos),
        appended: true,
      };
    }
  }

  async appendNewStreams(events: NewStreamEvent[]): Promise<{ appended: boolean; count: number }> {
    if (events.length === 0) return { appended: false, count: 0 };
    const ids = events.map((e) => e.id);
    if (new Set(ids).size !== ids.length) throw new Error('appendNewStreams: the same event id twice');
    if (new Set(events.map((e) => e.streamId)).size !== events.length) throw new Error('appendNewStreams: the same stream twice');
    try {
      await this.client.query(this.sql.appendNewStreams, [
        events.map((e) => e.streamId),
        ids,
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion ?? 1),
        events.map((e) => JSON.stringify(e.data ?? null)),
        events.map((e) => JSON.stringify(e.metadata)),
      ]);
    } catch (error) {
      const failure = classifyAppendFailure(error);
      if (failure.kind === 'other') throw error;
      // A retry of the same batch: every id already stored, each in its own stream.
      const stored = await this.client.query(this.sql.storedEvents, [ids]);
      const streams = new Set(events.map((e) => e.streamId));
      if (stored.length === ids.length && stored.every((r) => streams.has(r.stream_id as string) && Number(r.stream_version) === 1)) {
        return { appended: false, count: events.length };
      }
      const taken = await Promise.all(events.map(async (e) => ((await this.streamVersion(e.streamId)) > 0 ? e.streamId : undefined)));
      const first = taken.find(Boolean) ?? events[0].streamId;
      throw new ConcurrencyError(first, 'no-stream', await this.streamVersion(first));
    }
    this.notifier.poke();
    return { appended: true, count: events.length };
  }

  async appendArchived(events: NewStreamEvent[]): Promise<{ count: number }> {
    if (events.length === 0) return { count: 0 };
    const [row] = await this.client.query(this.sql.appendArchived, [
      events.map((e) => e.streamId),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion ?? 1),
      events.map((e) => JSON.stringify(e.data ?? null)),
      events.map((e) => JSON.stringify(e.metadata)),
    ]);
    const count = Number(row?.out_count ?? 0);
    if (count > 0) this.notifier.poke();
    return { count };
  }

  /**
   * After a unique violation: the result of the earlier append when every id is already in this stream
   * (a retry), a refusal when only some are or they are elsewhere, nothing when none is stored (a lost race).
   */
  private async replayedAppend(streamId: string, ids: string[]): Promise<AppendResult | undefined> {
    const stored = await this.client.query(this.sql.storedEvents, [ids]);
    if (stored.length === 0) return undefined;
    const here = stored.filter((r) => r.stream_id === streamId);
    if (here.length !== ids.length) {
      throw new DomainRuleViolation(
        'event-id-reused',
        `stream ${streamId}: ${stored.length} of ${ids.length} event ids are already stored (${here.length} of them in this stream); ` +
          'a retry must repeat exactly the same events',
        { streamId },
      );
    }
    const last = here.reduce((a, b) => (Number(b.stream_version) > Number(a.stream_version) ? b : a));
    return {
      streamId,
      nextExpectedVersion: Number(last.stream_version),
      lastPosition: toPosition(last.transaction_id, last.position),
      appended: false,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.client.query(this.sql.readStream, [
      streamId,
      options.fromVersion ?? 1,
      options.occurredUntil?.toISOString() ?? null,
      options.maxCount ?? null,
    ]);
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: string[]): Promise<RecordedEvent[]> {
    if (!streamIds.length) return [];
    const rows = await this.client.query(this.sql.readStreams, [streamIds]);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? LOG_START;
    const params = [String(after.tx), after.pos, options.limit ?? DEFAULT_READ_LIMIT];
    if (this.client.readsLogAsJson) {
      const [row] = await this.client.query<{ batch: string }>(this.sql.readAllJson, params);
      return toRecordedEvents(row.batch);
    }
    if (this.client.copyOut) {
      const decoder = new CopyLogDecoder();
      await this.client.copyOut(this.sql.readAllCopy(after.tx, after.pos, options.limit ?? DEFAULT_READ_LIMIT), (chunk) =>
        decoder.push(chunk),
      );
      return decoder.finish();
    }
    if (this.client.queryArrays) {
      const rows = await this.client.queryArrays(this.sql.readAll, params);
      const events = new Array<RecordedEvent>(rows.length);
      for (let i = 0; i < rows.length; i++) events[i] = LoggedEvent.fromRow(rows[i]);
      return events;
    }
    const rows = await this.client.query(this.sql.readAll, params);
    return rows.map(toRecordedEvent);
  }

  subscribe(options: SubscriptionOptions): Subscription {
    const subscription = new LogSubscription(
      {
        readAll: (o) => this.readAll(o),
        listen: (onAppend) => this.client.listen(notifyChannel(this.schema), onAppend),
        committedHead: async () => {
          const [row] = await this.client.query(this.sql.committedHead);
          return row ? toPosition(row.transaction_id, row.position) : LOG_START;
        },
      },
      options,
    );
    this.subscriptions.add(subscription);
    return {
      caughtUp: () => subscription.caughtUp(),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async headPosition(): Promise<LogPosition> {
    const [row] = await this.client.query(this.sql.head);
    return row ? toPosition(row.transaction_id, row.position) : LOG_START;
  }

  async exportChain(streamIds?: string[]): Promise<HashedEventRow[]> {
    const rows = await this.client.query(this.sql.exportChain, [streamIds ?? null]);
    return rows.map(toHashedRow);
  }

  async exportChainPage(after: LogPosition | undefined, limit: number): Promise<(HashedEventRow & { position: LogPosition })[]> {
    const from = after ?? LOG_START;
    const rows = await this.client.query(this.sql.exportChainAfter, [String(from.tx), from.pos, limit]);
    return rows.map((r) => ({ ...toHashedRow(r), position: toPosition(r.transaction_id, r.position) }));
  }

  async verifyChain(): Promise<ChainVerification> {
    const [row] = await this.client.query(this.sql.verifyChain);
    const eventsChecked = Number(row.checked);
    if (row.event_id == null) return { eventsChecked };
    return {
      eventsChecked,
      firstBreak: {
        streamId: row.stream_id as string,
        streamVersion: row.stream_version as number,
        eventId: row.event_id as string,
        position: toPosition(row.transaction_id, row.position),
        expectedHash: row.expected_hash as string,
        storedHash: row.hash as string,
      },
    };
  }

  async tryLease(name: string): Promise<StoreLease | undefined> {
    if (!this.client.tryLock) throw new Error('this SQL client cannot take locks');
    return this.client.tryLock(`${this.schema}:${name}`);
  }

  async chainHeads(): Promise<ChainHead[]> {
    const rows = await this.client.query(this.sql.chainHeads);
    return rows.map((r) => ({ streamId: r.stream_id as string, version: Number(r.stream_version), hash: r.hash as string }));
  }

  async chainRows(): Promise<ChainRow[]> {
    const rows = await this.client.query(this.sql.chainRows);
    return rows.map((r) => ({
      eventId: r.event_id as string,
      streamId: r.stream_id as string,
      version: Number(r.stream_version),
      hash: r.hash as string,
    }));
  }

  async countAfter(position: LogPosition): Promise<number> {
    const [row] = await this.client.query(this.sql.countAfter, [String(position.tx), position.pos]);
    return Number(row?.n ?? 0);
  }

  async load(name: string): Promise<LogPosition | undefined> {
    const [row] = await this.client.query(this.sql.loadCheckpoint, [name]);
    return row ? toPosition(row.tx, row.pos) : undefined;
  }

  async save(name: string, position: LogPosition): Promise<void> {
    await this.client.query(this.sql.saveCheckpoint, [name, position.tx, position.pos]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.closeClient) await this.client.close();
  }

  private async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.client.query(this.sql.streamVersion, [streamId]);
    return row ? Number(row.version) : 0;
  }
}

function toHashedRow(r: SqlRow): HashedEventRow {
  return {
    eventId: r.event_id as string,
    streamId: r.stream_id as string,
    streamVersion: Number(r.stream_version),
    type: r.type as string,
    schemaVersion: Number(r.schema_version),
    dataText: r.data_text as string,
    metadataText: r.metadata_text as string,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}
