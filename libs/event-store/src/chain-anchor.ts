import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'crypto';
import { mkdir, readFile, writeFile } from 'fs/promises';
import { join } from 'path';
import { LOG_START, type RecordedEvent } from '@cem/contracts';
import type { ChainHead, ChainRow, EventStore } from './event-store';

/**
 * Tamper evidence an insider with the database cannot defeat. The per-stream hash chain proves that nothing
 * changed only as long as nobody re-computes it: whoever can write the events table can also delete a stream's
 * last event, or edit an event and re-hash the rest of its chain with the schema's own hash function, and the
 * chain still verifies. An anchor is a signed record of every stream's head (last version and hash) taken from
 * outside: signed with a key the database does not hold, kept where the database's administrators cannot
 * rewrite it (published to Kafka, copied to the archive, printed in reports). Checking a store against an
 * anchor names a truncated stream, a removed stream, a removed event and a re-hashed edit; checking it against
 * the hashes carried on the Kafka messages (ce_hash) names the exact edited event.
 */
export interface AnchorPayload {
  /** Which store (its schema). */
  store: string;
  anchoredAt: string;
  events: number;
  heads: ChainHead[];
  /** sha256 over the sorted heads: what the signature covers besides the header. */
  root: string;
}

export interface SignedAnchor {
  payload: AnchorPayload;
  keyId: string;
  /** Ed25519 signature (base64) of the canonical payload text. */
  signature: string;
}

export type AnchorFinding =
  | { kind: 'removed-stream'; streamId: string; anchoredVersion: number }
  | { kind: 'truncated-stream'; streamId: string; anchoredVersion: number; storedVersion: number }
  | { kind: 'removed-event'; streamId: string; version: number; eventId?: string }
  | { kind: 're-hashed-edit'; streamId: string; version: number; eventId?: string; expectedHash: string; storedHash: string }
  | { kind: 'edited-event'; streamId: string; version: number; eventId: string }
  | { kind: 'bad-signature'; keyId: string };

const canonical = (payload: AnchorPayload) =>
  JSON.stringify({
    store: payload.store,
    anchoredAt: payload.anchoredAt,
    events: payload.events,
    root: payload.root,
    heads: payload.heads,
  });

export function headsRoot(heads: ChainHead[]): string {
  const hash = createHash('sha256');
  for (const h of [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))) {
    hash.update(`${h.streamId}|${h.version}|${h.hash}\n`);
  }
  return hash.digest('hex');
}

/** The anchoring key: Ed25519, kept in a directory the database (and its administrators) cannot reach. */
export class AnchorKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKeyPem: string,
    readonly keyId: string,
  ) {}

  static generate(): AnchorKey {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return AnchorKey.from(privateKey, publicKey);
  }

  /** Loads `anchor-key.pem` from the directory, creating it (mode 0600) the first time. */
  static async loadOrCreate(dir: string): Promise<AnchorKey> {
    const file = join(dir, 'anchor-key.pem');
    try {
      const privateKey = createPrivateKey(await readFile(file, 'utf8'));
      return AnchorKey.from(privateKey, createPublicKey(privateKey));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const key = generateKeyPairSync('ed25519');
      await mkdir(dir, { recursive: true });
      await writeFile(file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
      return AnchorKey.from(key.privateKey, key.publicKey);
    }
  }

  private static from(privateKey: KeyObject, publicKey: KeyObject): AnchorKey {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const keyId = createHash('sha256').update(pem).digest('hex').slice(0, 16);
    return new AnchorKey(privateKey, pem, keyId);
  }

  sign(payload: AnchorPayload): SignedAnchor {
    return { payload, keyId: this.keyId, signature: sign(null, Buffer.from(canonical(payload)), this.privateKey).toString('base64') };
  }
}

export function anchorSignatureValid(anchor: SignedAnchor, publicKeyPem: string): boolean {
  try {
    return (
      headsRoot(anchor.payload.heads) === anchor.payload.root &&
      verify(null, Buffer.from(canonical(anchor.payload)), createPublicKey(publicKeyPem), Buffer.from(anchor.signature, 'base64'))
    );
  } catch {
    return false;
  }
}

/** Takes a signed anchor of the store's chain heads now. */
export async function anchorStore(store: EventStore, storeName: string, key: AnchorKey, now = new Date()): Promise<SignedAnchor> {
  if (!store.chainHeads) throw new Error(`store ${storeName} cannot list its chain heads`);
  const heads = await store.chainHeads();
  const events = heads.reduce((n, h) => n + h.version, 0);
  return key.sign({ store: storeName, anchoredAt: now.toISOString(), events, heads, root: headsRoot(heads) });
}

function byStream(rows: ChainRow[]): Map<string, ChainRow[]> {
  const streams = new Map<string, ChainRow[]>();
  for (const row of rows) {
    let list = streams.get(row.streamId);
    if (!list) streams.set(row.streamId, (list = []));
    list.push(row);
  }
  return streams;
}

/**
 * What changed in the store since the anchor was signed, as far as the anchor can tell: events appended
 * later are fine; a stream that is gone, ends before its anchored head, misses a version, or whose event at
 * the anchored version has another hash (an edit re-hashed along the chain) is named.
 */
export async function checkAgainstAnchor(store: EventStore, anchor: SignedAnchor, publicKeyPem: string): Promise<AnchorFinding[]> {
  if (!anchorSignatureValid(anchor, publicKeyPem)) return [{ kind: 'bad-signature', keyId: anchor.keyId }];
  if (!store.chainRows) throw new Error('store cannot list its chain rows');
  return checkRowsAgainstAnchor(await store.chainRows(), anchor);
}

/** checkAgainstAnchor on rows already read (one read of the store for many anchors); the signature is the caller's check. */
export function checkRowsAgainstAnchor(rows: ChainRow[], anchor: SignedAnchor): AnchorFinding[] {
  const streams = byStream(rows);
  const findings: AnchorFinding[] = [];
  for (const head of anchor.payload.heads) {
    const rows = streams.get(head.streamId);
    if (!rows) {
      findings.push({ kind: 'removed-stream', streamId: head.streamId, anchoredVersion: head.version });
      continue;
    }
    for (let version = 1, i = 0; version <= Math.min(head.version, rows[rows.length - 1].version); version++) {
      if (rows[i]?.version === version) i++;
      else findings.push({ kind: 'removed-event', streamId: head.streamId, version });
    }
    const last = rows[rows.length - 1];
    if (last.version < head.version) {
      findings.push({ kind: 'truncated-stream', streamId: head.streamId, anchoredVersion: head.version, storedVersion: last.version });
      continue;
    }
    const atHead = rows.find((r) => r.version === head.version);
    if (atHead && atHead.hash !== head.hash) {
      findings.push({
        kind: 're-hashed-edit',
        streamId: head.streamId,
        version: head.version,
        eventId: atHead.eventId,
        expectedHash: head.hash,
        storedHash: atHead.hash,
      });
    }
  }
  return findings;
}

/**
 * Another store's anchor against the copies an archive keeps of that store's events (same event ids, streams
 * and versions, hence the same hashes). Versions the archive does not hold yet are pending (the archive
 * follows Kafka and may lag), not findings: a gap below the archived versions is a removed event, and a
 * different hash at an anchored version is an edit, re-hashed, in the archive or in the store (the archive's
 * own anchors tell which). Returns the findings and how many anchored streams wait for their copies.
 */
export function checkCopiesAgainstAnchor(
  archiveRows: ChainRow[],
  anchor: SignedAnchor,
): { findings: AnchorFinding[]; pendingStreams: number } {
  const streams = byStream(archiveRows);
  const findings: AnchorFinding[] = [];
  let pendingStreams = 0;
  for (const head of anchor.payload.heads) {
    const rows = streams.get(head.streamId) ?? [];
    const archived = rows.length ? rows[rows.length - 1].version : 0;
    if (archived < head.version) pendingStreams++;
    for (let version = 1, i = 0; version <= Math.min(head.version, archived); version++) {
      if (rows[i]?.version === version) i++;
      else findings.push({ kind: 'removed-event', streamId: head.streamId, version });
    }
    const atHead = archived >= head.version ? rows.find((r) => r.version === head.version) : undefined;
    if (atHead && atHead.hash !== head.hash) {
      findings.push({
        kind: 're-hashed-edit',
        streamId: head.streamId,
        version: head.version,
        eventId: atHead.eventId,
        expectedHash: head.hash,
        storedHash: atHead.hash,
      });
    }
  }
  return { findings, pendingStreams };
}

/**
 * The store against the hashes its events carried when they were published (the ce_hash header of each Kafka
 * message, by ce_id): names the exact event that was edited (and re-hashed) or removed after publication.
 */
/** A finding about one event (removed, or edited and re-hashed). */
export type EventFinding = Extract<AnchorFinding, { version: number }>;

export async function checkAgainstCarriedHashes(
  store: EventStore,
  carried: Map<string, { streamId: string; version: number; hash: string }>,
): Promise<EventFinding[]> {
  if (!store.chainRows) throw new Error('store cannot list its chain rows');
  const stored = new Map((await store.chainRows()).map((r) => [r.eventId, r]));
  const findings: EventFinding[] = [];
  for (const [eventId, sent] of carried) {
    const row = stored.get(eventId);
    if (!row) findings.push({ kind: 'removed-event', streamId: sent.streamId, version: sent.version, eventId });
    else if (row.hash !== sent.hash)
      findings.push({
        kind: 're-hashed-edit',
        streamId: row.streamId,
        version: row.version,
        eventId,
        expectedHash: sent.hash,
        storedHash: row.hash,
      });
  }
  return findings.sort((a, b) => (a.streamId === b.streamId ? a.version - b.version : a.streamId < b.streamId ? -1 : 1));
}

/** One line a person reads (Vietnamese) per finding. */
export function describeFinding(finding: AnchorFinding): string {
  switch (finding.kind) {
    case 'bad-signature':
      return `Mốc neo không hợp lệ: chữ ký không khớp khóa ${finding.keyId}`;
    case 'removed-stream':
      return `Dòng sự kiện ${finding.streamId} đã bị xóa (mốc neo ghi nhận đến phiên bản ${finding.anchoredVersion})`;
    case 'truncated-stream':
      return `Dòng sự kiện ${finding.streamId} bị cắt cụt: còn đến phiên bản ${finding.storedVersion}, mốc neo ghi nhận ${finding.anchoredVersion}`;
    case 'removed-event':
      return `Sự kiện phiên bản ${finding.version} của dòng ${finding.streamId}${finding.eventId ? ` (${finding.eventId})` : ''} đã bị xóa`;
    case 'edited-event':
      return `Sự kiện phiên bản ${finding.version} của dòng ${finding.streamId} (${finding.eventId}) khác với bản lưu trữ của dịch vụ báo cáo`;
    case 're-hashed-edit':
      return `Sự kiện phiên bản ${finding.version} của dòng ${finding.streamId} đã bị sửa và tính lại mã băm (mốc neo ${finding.expectedHash.slice(0, 12)}…, hiện tại ${finding.storedHash.slice(0, 12)}…)`;
  }
}

async function wholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after = LOG_START; ;) {
    const batch = await store.readAll({ after, limit: 5000 });
    all.push(...batch);
    if (batch.length < 5000) return all;
    after = batch[batch.length - 1].position;
  }
}

/**
 * A context's store against the copies the reporting archive keeps of its events (same ids, original data
 * and metadata): an event archived but gone from its store was removed, one whose data or metadata differ
 * was edited, whatever its store's hashes say.
 */
export async function checkAgainstArchive(source: EventStore, archive: EventStore, context: string): Promise<EventFinding[]> {
  const stored = new Map((await wholeLog(source)).map((e) => [e.id, e]));
  const findings: EventFinding[] = [];
  for (const copy of await wholeLog(archive)) {
    if (copy.metadata.source !== context) continue;
    const original = stored.get(copy.id);
    if (!original) findings.push({ kind: 'removed-event', streamId: copy.streamId, version: copy.streamVersion, eventId: copy.id });
    else if (
      JSON.stringify(original.data) !== JSON.stringify(copy.data) ||
      JSON.stringify(original.metadata) !== JSON.stringify(copy.metadata)
    ) {
      findings.push({ kind: 'edited-event', streamId: original.streamId, version: original.streamVersion, eventId: copy.id });
    }
  }
  return findings;
}
