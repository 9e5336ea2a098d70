import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'http';
import {
  ConcurrencyError,
  DomainRuleViolation,
  ForbiddenError,
  NotFoundError,
  PlatformError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationFailed,
} from '@cem/contracts';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string | string[];
  details?: Record<string, unknown>;
  [extra: string]: unknown;
}

const STATUS_OF: ReadonlyArray<[abstract new (...args: never[]) => PlatformError, number]> = [
  [ValidationFailed, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConcurrencyError, 409],
  [DomainRuleViolation, 422],
];

const reasonPhrase = (status: number) => STATUS_CODES[status] ?? 'Error';
/** 'Not Found' -> 'not-found', so Nest's own exceptions get codes in the same style as ours. */
const codeOf = (status: number) => reasonPhrase(status).toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function platformErrorBody(error: PlatformError): ErrorBody | undefined {
  const status = STATUS_OF.find(([type]) => error instanceof type)?.[1];
  if (status === undefined) return undefined;
  const body: ErrorBody = { statusCode: status, error: reasonPhrase(status), code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  // A client retrying after a conflict needs these without digging into details.
  if (error instanceof ConcurrencyError) Object.assign(body, { streamId: error.streamId, expected: error.expected, actual: error.actual });
  return body;
}

export function httpExceptionBody(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const base = { statusCode: status, error: reasonPhrase(status), code: codeOf(status) };
  return typeof response === 'string' ? { ...base, message: response } : ({ ...base, ...response } as ErrorBody);
}

export function serviceUnavailableBody(error: ServiceUnavailableError): ErrorBody {
  return {
    statusCode: 503,
    error: reasonPhrase(503),
    code: error.code,
    message: 'Hệ thống tạm thời không xử lý được yêu cầu, chưa có gì được ghi nhận; vui lòng gửi lại sau ít giây',
    details: { dependency: error.dependency, retryAfterSeconds: error.retryAfterSeconds },
  };
}

/** One error shape for every service: `{statusCode, error, code, message, details?}`. */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PlatformExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.bodyFor(exception);
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse();
    if (exception instanceof ServiceUnavailableError) httpAdapter.setHeader(response, 'Retry-After', String(exception.retryAfterSeconds));
    httpAdapter.reply(response, body, body.statusCode);
  }

  private bodyFor(exception: unknown): ErrorBody {
    if (exception instanceof PlatformError) {
      const body = platformErrorBody(exception);
      if (body) return body;
    }
    if (exception instanceof HttpException) return httpExceptionBody(exception);
    // A server the service depends on is down: nothing was written, the same request can be sent again.
    if (exception instanceof ServiceUnavailableError) return serviceUnavailableBody(exception);
    // Internals stay in the log; the caller learns only that it was not their fault.
    this.logger.error(
      exception instanceof Error ? exception.message : String(exception),
      exception instanceof Error ? exception.stack : undefined,
    );
    return { statusCode: 500, error: reasonPhrase(500), code: 'internal-error', message: 'Internal server error' };
  }
}
