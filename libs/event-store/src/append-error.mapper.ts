import { ConcurrencyError, DomainRuleViolation } from '@cem/contracts';
import type { ExpectedVersion } from './event-store';
import { CONCURRENCY_SQLSTATE, IDEMPOTENCY_SQLSTATE } from './event-store.schema';
import { sqlErrorFields } from './sql-client';

const UNIQUE_VIOLATION = '23505';

/**
 * Turns the database's refusals of an append into the platform's errors. `currentVersion` is only
 * consulted for a unique violation, whose message does not carry the stream's version.
 */
export async function mapAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedVersion,
  currentVersion: () => Promise<number>,
): Promise<unknown> {
  const { code, detail, constraint } = sqlErrorFields(error);
  if (code === CONCURRENCY_SQLSTATE) return new ConcurrencyError(streamId, expected, Number(detail));
  if (code === UNIQUE_VIOLATION && constraint && !constraint.includes('event_id')) {
    return new ConcurrencyError(streamId, expected, await currentVersion());
  }
  if (code === IDEMPOTENCY_SQLSTATE) {
    return new DomainRuleViolation('event-id-reused', (error as Error).message, { streamId });
  }
  return error;
}
