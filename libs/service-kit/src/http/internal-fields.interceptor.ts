import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';

/**
 * Store fields never reach a client: every key starting with '_' (the document store's `_id`, the projection's
 * `_position`, any `_`-prefixed bookkeeping) is dropped from every JSON response, at any depth. Read models carry
 * their own identifiers (dossierId, caseId, proposalId...) for clients to use.
 *
 * Only plain objects and arrays are walked; buffers, streams (exports) and class instances pass unchanged.
 */
export function withoutInternalFields<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => withoutInternalFields(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!key.startsWith('_')) out[key] = withoutInternalFields(v);
  }
  return out as T;
}

@Injectable()
export class InternalFieldsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((body: unknown) => withoutInternalFields(body)));
  }
}
