/**
 * Store fields never reach a client: every key starting with '_' (the document store's `_id`, the projection's
 * `_position`, any `_`-prefixed bookkeeping) is dropped from every JSON response, at any depth. Read models carry
 * their own identifiers (dossierId, caseId, proposalId...) for clients to use.
 *
 * It is Express's `json replacer` (createHttpApp), applied by the JSON.stringify that writes the body anyway: a
 * global Nest interceptor did the same by copying every response, and its presence alone ran every request
 * through Nest's interceptor pipeline (an RxJS observable and an async-context binding per request). Streams
 * (exports, PDFs) and buffers are not JSON and pass unchanged.
 */
export function withoutInternalFields(key: string, value: unknown): unknown {
  return key.startsWith('_') ? undefined : value;
}
