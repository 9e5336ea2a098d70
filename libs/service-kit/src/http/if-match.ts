import { ValidationFailed } from '@cem/contracts';
import { withRequestScope } from '@cem/decider';
import type { HttpMiddleware } from './http-request';

/**
 * `If-Match: "<version>"` on a command: the version of the record the client read (a command's answer carries
 * the new `version`). The command is then decided only if the record is still at that version, else 409 with
 * the current one: a client that lost a race learns it as a conflict to re-read, not as a rule the record now
 * breaks. `*` and an absent header leave the server's own read as the basis. Applies to the request's first
 * command (one record per request).
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '' || value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) {
    throw new ValidationFailed('If-Match phải là số phiên bản của bản ghi, ví dụ "3"', { reason: 'bad-if-match' });
  }
  return Number(match[1]);
}

/**
 * Opens the request's scope (@cem/decider): the client's basis from If-Match, and the streams the request reads,
 * read once for the access rule and the handler. The reads end with the response, so that nothing the request
 * started and that runs on in its async context afterwards is answered from them.
 */
export function ifMatchBasis(): HttpMiddleware {
  return (req, res, next) => {
    let basis: number | undefined;
    try {
      basis = parseIfMatch(req.headers['if-match']);
    } catch (error) {
      return next(error);
    }
    const { endReads } = withRequestScope(basis, () => next());
    res.once('close', endReads);
  };
}
