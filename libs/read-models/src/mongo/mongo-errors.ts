import { DuplicateKeyError } from '../document-store.errors';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

interface DriverError {
  code?: number;
  message?: string;
  writeErrors?: { code?: number }[];
}

/**
 * Bulk writes report duplicates per write, single commands on the error itself: look at both. FerretDB
 * v1.24 answers createIndex over duplicates with code 1 and the backend's own message (SQLite: "UNIQUE constraint
 * failed"; PostgreSQL: "could not create unique index", SQLSTATE 23505).
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as DriverError;
  return (
    e?.code === DUPLICATE_KEY ||
    (e?.writeErrors ?? []).some((w) => w.code === DUPLICATE_KEY) ||
    /UNIQUE constraint failed|could not create unique index|SQLSTATE 23505/.test(e?.message ?? '')
  );
}

export function isNamespaceNotFound(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === NAMESPACE_NOT_FOUND || /ns not found/i.test(e?.message ?? '');
}

/** Rethrows a duplicate-key failure as the port's DuplicateKeyError, anything else unchanged. */
export async function translatingDuplicates<T>(collection: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateKeyError(collection, (error as Error).message);
    throw error;
  }
}
