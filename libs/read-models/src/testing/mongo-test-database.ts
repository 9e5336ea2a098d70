import { randomUUID } from 'crypto';

export function testMongoUrl(): string {
  return process.env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
}

/** One database per test run and file: test files run in parallel against the same server. */
export function testMongoDbName(purpose: string): string {
  return `test_rm_${purpose}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
