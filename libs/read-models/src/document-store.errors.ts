/**
 * A write would give two documents the same key of a unique index. Both adapters throw this one class so
 * that callers (HTTP adapters, projections) can map it without knowing which adapter runs.
 */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    message: string,
  ) {
    super(`${collection}: ${message}`);
    this.name = 'DuplicateKeyError';
  }
}
