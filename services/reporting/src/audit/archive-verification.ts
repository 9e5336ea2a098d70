import {
  anchorSignatureValid,
  checkCopiesAgainstAnchor,
  checkRowsAgainstAnchor,
  describeFinding,
  type AnchorFinding,
  type ChainBreak,
  type EventStore,
  type SignedAnchor,
} from '@cem/event-store';

/** What the reporting service can check from where it stands: its own store (the archive) and the published anchors. */
export interface ArchiveAnchors {
  /** The archive's name in anchors (the reporting store's schema). */
  archiveStore: string;
  /** Every anchor read from `<prefix>cem.anchors`; undefined when the topic cannot be read (e.g. the in-process bus). */
  anchors?: SignedAnchor[];
  /** Public keys (PEM) whose signatures are trusted. */
  trustedPublicKeys: string[];
}

export interface ArchiveFinding {
  /** The store whose anchor names it. */
  store: string;
  kind: AnchorFinding['kind'];
  streamId?: string;
  version?: number;
  eventId?: string;
  /** One line a person reads. */
  text: string;
}

export interface AnchoredStore {
  store: string;
  anchors: number;
  latestAnchoredAt: string;
  /** Streams the latest anchor names whose copies the archive does not hold yet (it follows Kafka). */
  pendingStreams: number;
}

export interface ArchiveVerification {
  ok: boolean;
  eventsChecked: number;
  firstBreak?: ChainBreak;
  anchorsChecked: number;
  stores: AnchoredStore[];
  findings: ArchiveFinding[];
  /** Why the anchors were not checked, when they were not. */
  note?: string;
}

const findingKey = (f: ArchiveFinding) =>
  // One edit re-hashed along its stream shows at every later anchored head: named once, at the earliest.
  f.kind === 're-hashed-edit' ? `${f.store}|${f.kind}|${f.streamId}` : `${f.store}|${f.kind}|${f.streamId}|${f.version}`;

/**
 * The reporting archive's tamper evidence, as far as the reporting service can see without reading another
 * service's database (each service owns its store): its hash chains; its own streams against EVERY signed
 * anchor of its store (a truncated stream, a removed stream or event, a re-hashed edit: later anchors signed
 * over a tampered store do not hide what earlier ones recorded); and the copies it keeps of the other stores'
 * events against those stores' anchors (same ids and versions, hence the same hashes). The other stores
 * themselves are checked from outside by `npm run audit -- verify-stores` and `verify-kafka`.
 */
export async function verifyArchive(store: EventStore, at: ArchiveAnchors): Promise<ArchiveVerification> {
  const chain = await store.verifyChain();
  const base = { eventsChecked: chain.eventsChecked, ...(chain.firstBreak ? { firstBreak: chain.firstBreak } : {}) };
  if (!at.anchors) {
    return { ok: !chain.firstBreak, ...base, anchorsChecked: 0, stores: [], findings: [], note: 'Không đọc được các mốc neo đã công bố' };
  }
  if (!store.chainRows) throw new Error('store cannot list its chain rows');
  const rows = await store.chainRows();
  const found = new Map<string, ArchiveFinding>();
  const stores = new Map<string, AnchoredStore>();
  const anchors = [...at.anchors].sort((a, b) => (a.payload.anchoredAt < b.payload.anchoredAt ? -1 : 1));
  for (const anchor of anchors) {
    const name = anchor.payload.store;
    let findings: AnchorFinding[];
    let pendingStreams = 0;
    if (!at.trustedPublicKeys.some((key) => anchorSignatureValid(anchor, key))) findings = [{ kind: 'bad-signature', keyId: anchor.keyId }];
    else if (name === at.archiveStore) findings = checkRowsAgainstAnchor(rows, anchor);
    else ({ findings, pendingStreams } = checkCopiesAgainstAnchor(rows, anchor));
    stores.set(name, {
      store: name,
      anchors: (stores.get(name)?.anchors ?? 0) + 1,
      latestAnchoredAt: anchor.payload.anchoredAt,
      pendingStreams,
    });
    for (const f of findings) {
      const finding: ArchiveFinding = {
        store: name,
        kind: f.kind,
        ...('streamId' in f ? { streamId: f.streamId } : {}),
        ...('version' in f ? { version: f.version } : 'anchoredVersion' in f ? { version: f.anchoredVersion } : {}),
        ...('eventId' in f && f.eventId ? { eventId: f.eventId } : {}),
        text: `${name}: ${describeFinding(f)}`,
      };
      const key = findingKey(finding);
      const known = found.get(key);
      if (!known || (finding.version ?? 0) < (known.version ?? 0)) found.set(key, finding);
    }
  }
  const findings = [...found.values()];
  return {
    ok: !chain.firstBreak && findings.length === 0,
    ...base,
    anchorsChecked: anchors.length,
    stores: [...stores.values()].sort((a, b) => (a.store < b.store ? -1 : 1)),
    findings,
  };
}

/** Anchors as published (one JSON per message); anything else on the topic is passed over. */
export function parseAnchors(values: string[]): SignedAnchor[] {
  const anchors: SignedAnchor[] = [];
  for (const value of values) {
    try {
      const a = JSON.parse(value) as SignedAnchor;
      if (a?.payload?.store && Array.isArray(a.payload.heads) && typeof a.signature === 'string') anchors.push(a);
    } catch {
      /* not an anchor */
    }
  }
  return anchors;
}
