import { ValidationFailed } from '@cem/contracts';
import type { HttpMiddleware } from './http-request';

/**
 * Limits every request meets before any token check or DTO validation, so that no input can reach a
 * database or a recursive validator in a shape that crashes it (docs/security.md, "Input limits").
 */

/** Largest JSON or form body accepted (413 above it). Multipart uploads have their own per-route limit. */
export const MAX_BODY_BYTES = 100 * 1024;
/**
 * Deepest nesting of objects and arrays in a body (400 beyond it). The deepest DTO is a few levels
 * (a criteria set's groups of criteria); class-validator and Nest's ValidationPipe recurse once per level.
 */
export const MAX_BODY_DEPTH = 32;

/** C0 control characters and DEL, raw or percent-encoded: never part of an id, a path or a query value. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
const RAW_CONTROL = /[\u0000-\u001f\u007f]/;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

function refuse(next: (error?: unknown) => void, code: string, message: string, details: Record<string, unknown> = {}) {
  next(new ValidationFailed(message, { reason: code, ...details }));
}

/**
 * Refuses URLs (path and query) carrying control characters or broken percent-encoding. PostgreSQL cannot
 * store NUL in text at all; a path id with one used to reach the event store and fail there with a 500.
 */
export function urlGuard(): HttpMiddleware {
  return (req, _res, next) => {
    const url = req.url ?? '';
    if (RAW_CONTROL.test(url) || ENCODED_CONTROL.test(url)) {
      return refuse(next, 'control-character-in-url', 'Đường dẫn hoặc tham số truy vấn chứa ký tự điều khiển (không hợp lệ)');
    }
    try {
      decodeURIComponent(url);
    } catch {
      return refuse(next, 'malformed-url', 'Đường dẫn hoặc tham số truy vấn mã hoá sai (percent-encoding)');
    }
    next();
  };
}

export interface BodyShapeProblem {
  reason: 'body-too-deep' | 'nul-character';
  path: string;
}

/**
 * Walks a parsed body without recursion (a recursive walk is exactly what overflowed on 10 000 levels) and
 * returns the first problem: nesting deeper than `maxDepth`, or a NUL character in any key or string.
 */
export function bodyShapeProblem(body: unknown, maxDepth = MAX_BODY_DEPTH): BodyShapeProblem | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { reason: 'nul-character', path };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { reason: 'body-too-deep', path };
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return { reason: 'nul-character', path: childPath.replaceAll('\u0000', '\\0') };
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

/** After the body parsers: refuses over-deep bodies and NUL characters with 400 before any handler sees them. */
export function bodyShapeGuard(maxDepth = MAX_BODY_DEPTH): HttpMiddleware {
  return (req, _res, next) => {
    const problem = bodyShapeProblem((req as { body?: unknown }).body, maxDepth);
    if (!problem) return next();
    if (problem.reason === 'body-too-deep') {
      return refuse(next, problem.reason, `Dữ liệu gửi lên lồng nhau quá ${maxDepth} cấp`, { path: problem.path, maxDepth });
    }
    return refuse(next, problem.reason, 'Dữ liệu gửi lên chứa ký tự NUL (không hợp lệ)', { path: problem.path });
  };
}
