import { eventsTopic, type EventMetadata, type LogPosition, type RecordedEvent } from '@cem/contracts';
import { LoggedEvent } from '@cem/event-store';
import type { BusMessage } from './event-bus';

/**
 * CloudEvents Kafka binding, binary mode: attributes travel as `ce_*` headers and the value is the data,
 * so consumers can route and validate on headers without parsing the payload.
 */
export const CE = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  schemaversion: 'ce_schemaversion',
  streamversion: 'ce_streamversion',
  position: 'ce_position',
  recordedat: 'ce_recordedat',
  hash: 'ce_hash',
  metadata: 'ce_metadata',
  contentType: 'content-type',
} as const;

export class CloudEventDecodeError extends Error {
  constructor(readonly reason: string) {
    super(`cannot decode event: ${reason}`);
    this.name = 'CloudEventDecodeError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const SPACE = /\s/;

/**
 * The value of a top-level string property of a JSON object text, or undefined when it is not there as a plain
 * string (absent, escaped, another type): the caller then parses. Strings are skipped whole (escapes included), so a
 * nested object's property or a value that reads like the key never matches; the last one wins, as in JSON.parse.
 */
function topLevelString(json: string, key: string): string | undefined {
  let depth = 0;
  let found: string | undefined;
  let hasFound = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth--;
    else if (c === QUOTE) {
      let end = i + 1;
      while (end < json.length && json.charCodeAt(end) !== QUOTE) end += json.charCodeAt(end) === BACKSLASH ? 2 : 1;
      if (depth === 1 && end - i - 1 === key.length && json.startsWith(key, i + 1)) {
        let colon = end + 1;
        while (SPACE.test(json.charAt(colon))) colon++;
        if (json.charCodeAt(colon) === 0x3a) {
          let start = colon + 1;
          while (SPACE.test(json.charAt(start))) start++;
          const close = json.charCodeAt(start) === QUOTE ? json.indexOf('"', start + 1) : -1;
          const value = close > start ? json.slice(start + 1, close) : undefined;
          hasFound = true;
          found = value !== undefined && !value.includes('\\') ? value : undefined;
        }
      }
      i = end;
    }
  }
  return hasFound ? found : undefined;
}

/**
 * metadata.occurredAt (ce_time). An event read from the log keeps its metadata as text until read: parsing all of it
 * for this one string per relayed event was ~4 % of the relay's CPU (profile), so the text is scanned instead.
 */
function occurredAt(event: RecordedEvent, metadataText: string | undefined): string {
  return (metadataText !== undefined ? topLevelString(metadataText, 'occurredAt') : undefined) ?? event.metadata.occurredAt;
}

export function encodeEvent(context: string, event: RecordedEvent, topic = eventsTopic(context)): BusMessage {
  const metadataText = LoggedEvent.metadataText(event); // decoded from the read's bytes on each call: once here
  return {
    topic,
    key: event.streamId,
    // An event read from the log forwards its stored JSON text: no parse and re-serialisation per event.
    value: LoggedEvent.dataText(event) ?? JSON.stringify(event.data),
    headers: {
      [CE.specversion]: '1.0',
      [CE.id]: event.id,
      [CE.source]: `/cem/${context}`,
      [CE.type]: event.type,
      [CE.time]: occurredAt(event, metadataText),
      [CE.subject]: event.streamId,
      [CE.contentType]: 'application/json',
      [CE.schemaversion]: String(event.schemaVersion),
      [CE.streamversion]: String(event.streamVersion),
      [CE.position]: `${event.position.tx}:${event.position.pos}`,
      [CE.recordedat]: event.recordedAt,
      [CE.hash]: event.hash,
      [CE.metadata]: metadataText ?? JSON.stringify(event.metadata),
    },
  };
}

function required(message: BusMessage, name: string): string {
  const value = message.headers[name];
  if (value === undefined || value === '') throw new CloudEventDecodeError(`missing header ${name}`);
  return value;
}

function nonNegativeInt(message: BusMessage, name: string): number {
  const raw = required(message, name);
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new CloudEventDecodeError(`header ${name} is not an integer: ${raw}`);
  return n;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CloudEventDecodeError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function parsePosition(message: BusMessage): LogPosition {
  const raw = required(message, CE.position);
  const match = /^(\d+):(\d+)$/.exec(raw);
  if (!match) throw new CloudEventDecodeError(`header ${CE.position} is not tx:pos: ${raw}`);
  return { tx: Number(match[1]), pos: Number(match[2]) };
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseMetadata(message: BusMessage): EventMetadata {
  const m = parseJson(required(message, CE.metadata), `header ${CE.metadata}`) as Record<string, unknown> | null;
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new CloudEventDecodeError('metadata must be an object');
  for (const field of ['occurredAt', 'correlationId', 'source'] as const) {
    if (!isString(m[field])) throw new CloudEventDecodeError(`metadata.${field} must be a non-empty string`);
  }
  for (const field of ['causationId', 'reason'] as const) {
    if (m[field] !== undefined && typeof m[field] !== 'string') throw new CloudEventDecodeError(`metadata.${field} must be a string`);
  }
  const actor = m.actor as Record<string, unknown> | null | undefined;
  if (actor === null || typeof actor !== 'object' || Array.isArray(actor))
    throw new CloudEventDecodeError('metadata.actor must be an object');
  for (const field of ['id', 'role', 'unitId', 'level'] as const) {
    if (!isString(actor[field])) throw new CloudEventDecodeError(`metadata.actor.${field} must be a non-empty string`);
  }
  if (!Array.isArray(actor.unitPath) || !actor.unitPath.every((u) => typeof u === 'string')) {
    throw new CloudEventDecodeError('metadata.actor.unitPath must be an array of strings');
  }
  return m as unknown as EventMetadata;
}

/** Throws CloudEventDecodeError with the reason; the consumer turns that into a dead letter. */
export function decodeEvent(message: BusMessage): RecordedEvent {
  const specversion = required(message, CE.specversion);
  if (specversion !== '1.0') throw new CloudEventDecodeError(`unsupported ce_specversion ${specversion}`);
  const metadata = parseMetadata(message);
  return {
    id: required(message, CE.id),
    type: required(message, CE.type),
    streamId: required(message, CE.subject),
    streamVersion: nonNegativeInt(message, CE.streamversion),
    schemaVersion: nonNegativeInt(message, CE.schemaversion),
    position: parsePosition(message),
    recordedAt: required(message, CE.recordedat),
    hash: required(message, CE.hash),
    metadata,
    data: parseJson(message.value, 'value'),
  };
}

/** Decode without throwing, for callers that branch on the outcome. */
export function tryDecodeEvent(message: BusMessage): { ok: true; event: RecordedEvent } | { ok: false; reason: string } {
  try {
    return { ok: true, event: decodeEvent(message) };
  } catch (e) {
    if (e instanceof CloudEventDecodeError) return { ok: false, reason: e.reason };
    throw e;
  }
}
