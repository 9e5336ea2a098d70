/**
 * Errors that cross layer boundaries. Adapters map them: HTTP to 4xx, consumers to the dead-letter topic.
 * Plain classes (no Nest) so that the domain can throw them.
 */
export abstract class PlatformError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A business rule refused the command (HTTP 422). */
export class DomainRuleViolation extends PlatformError {
  readonly code: string;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message, details);
    this.code = code;
  }
}

/** The command targets something that does not exist (HTTP 404). */
export class NotFoundError extends PlatformError {
  readonly code = 'not-found';
}

/** The actor may not do this (HTTP 403); the message says why. */
export class ForbiddenError extends PlatformError {
  readonly code = 'forbidden';
}

/** Lost a race: the stream moved since it was read (HTTP 409). Retry after re-reading. */
export class ConcurrencyError extends PlatformError {
  readonly code = 'concurrency-conflict';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`, { streamId, expected, actual });
  }
}

/** Input did not match its schema (HTTP 400 / dead-letter). */
export class ValidationFailed extends PlatformError {
  readonly code = 'validation-failed';
}

/** No valid credentials: missing, expired or untrusted token (HTTP 401); the message says why. */
export class UnauthenticatedError extends PlatformError {
  readonly code = 'unauthenticated';
}

/**
 * A server the command needs (PostgreSQL, Kafka, the document store) cannot be reached right now: nothing
 * was decided, the same request can simply be sent again (HTTP 503 with Retry-After). Deliberately NOT a
 * PlatformError: consumers treat PlatformErrors as permanent refusals, while this one must be retried.
 */
export class ServiceUnavailableError extends Error {
  readonly code = 'service-unavailable';
  readonly retryable = true;
  constructor(
    readonly dependency: string,
    message: string,
    readonly retryAfterSeconds = 5,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
  }
}

/** A thrown value as one line of text: an Error's message, a string as is, any other value as JSON. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) return JSON.stringify(error) ?? Object.prototype.toString.call(error);
  return String(error);
}
