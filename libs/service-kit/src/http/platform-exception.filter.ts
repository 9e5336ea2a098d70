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
const codeOf = (status: number) =>
  reasonPhrase(status)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

export function platformErrorBody(error: PlatformError): ErrorBody | undefined {
  const status = STATUS_OF.find(([type]) => error instanceof type)?.[1];
  if (status === undefined) return undefined;
  const body: ErrorBody = { statusCode: status, error: reasonPhrase(status), code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  // A client retrying after a conflict needs the stream's current version without digging into details.
  if (error instanceof ConcurrencyError) {
    body.message = `Dữ liệu vừa được người khác cập nhật (phiên bản hiện tại ${error.actual}, yêu cầu dựa trên phiên bản ${error.expected}); hãy tải lại rồi gửi lại`;
    Object.assign(body, { streamId: error.streamId, expected: error.expected, actual: error.actual, currentVersion: error.actual });
  }
  return body;
}

/**
 * Errors raised by the HTTP stack below Nest (body-parser, Express's URL decoding, multer) carry an
 * http-errors status and type. Client errors among them keep their status with a code and a Vietnamese
 * message of ours; their own message is not echoed (it may quote the input).
 */
const LOWER_LAYER_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.too.large': { code: 'payload-too-large', message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép' },
  'parameters.too.many': { code: 'payload-too-large', message: 'Biểu mẫu gửi lên có quá nhiều trường' },
  'querystring.parse.rangeError': { code: 'body-too-deep', message: 'Biểu mẫu gửi lên lồng nhau quá sâu' },
  'encoding.unsupported': { code: 'unsupported-encoding', message: 'Kiểu nén dữ liệu không được hỗ trợ' },
  'charset.unsupported': { code: 'unsupported-charset', message: 'Bảng mã dữ liệu không được hỗ trợ (chỉ UTF-8)' },
  'request.aborted': { code: 'request-aborted', message: 'Yêu cầu bị ngắt giữa chừng' },
  'request.size.invalid': { code: 'request-size-invalid', message: 'Độ dài dữ liệu không khớp Content-Length' },
};

export function lowerLayerErrorBody(error: unknown): ErrorBody | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode, type, expose } = error as Error & {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    expose?: unknown;
  };
  const code = Number(status ?? statusCode);
  if (!Number.isInteger(code) || code < 400 || code > 499 || expose === false) return undefined;
  const known = typeof type === 'string' ? LOWER_LAYER_ERRORS[type] : undefined;
  return {
    statusCode: code,
    error: reasonPhrase(code),
    code: known?.code ?? codeOf(code),
    message: known?.message ?? (error instanceof URIError ? 'Đường dẫn mã hoá sai (percent-encoding)' : reasonPhrase(code)),
  };
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
    const response = host.switchToHttp().getResponse<unknown>();
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
    const lower = lowerLayerErrorBody(exception);
    if (lower) return lower;
    // Internals stay in the log; the caller learns only that it was not their fault.
    this.logger.error(
      exception instanceof Error ? exception.message : String(exception),
      exception instanceof Error ? exception.stack : undefined,
    );
    return { statusCode: 500, error: reasonPhrase(500), code: 'internal-error', message: 'Internal server error' };
  }
}
