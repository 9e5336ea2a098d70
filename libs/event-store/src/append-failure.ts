import { CONCURRENCY_SQLSTATE } from './event-store.schema';
import { sqlErrorFields } from './sql-client';

const UNIQUE_VIOLATION = '23505';

/**
 * What the database's refusal of an append means. A unique violation is either a lost race (the stream
 * version is taken) or a replay (the event id is taken); only a look at the stored ids tells which,
 * because a replayed batch collides on both keys and PostgreSQL reports whichever it checks first.
 */
export type AppendFailure =
  { kind: 'version-conflict'; actualVersion: number } | { kind: 'unique-violation'; onEventId: boolean } | { kind: 'other' };

export function classifyAppendFailure(error: unknown): AppendFailure {
  const { code, detail, constraint } = sqlErrorFields(error);
  if (code === CONCURRENCY_SQLSTATE) return { kind: 'version-conflict', actualVersion: Number(detail) };
  if (code === UNIQUE_VIOLATION) return { kind: 'unique-violation', onEventId: !!constraint?.includes('event_id') };
  return { kind: 'other' };
}
