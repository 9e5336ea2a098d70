import { readFile } from 'node:fs/promises';
import { consumerGroupId, eventsTopic } from '@cem/contracts';
import { KafkaEventBus, tryDecodeEvent } from '@cem/messaging';
import {
  checkAgainstAnchor,
  checkAgainstCarriedHashes,
  checkAgainstArchive,
  createPostgresEventStore,
  describeFinding,
  PgSqlClient,
  type AnchorFinding,
  type SignedAnchor,
} from '@cem/event-store';
import { createMongoDocumentStore } from '@cem/read-models';
import { roleLabel, levelPhrase } from '@cem/contracts';
import { decisionHistory, HistoryRow, HistorySubject } from '../audit/decision-history';
import { personNames } from '../audit/person-names';
import { subjectEventsOutsideService } from '../audit/subject-events';
import { ChainVerdict, ExportedChainRow, verifyExportedChain } from '../audit/exported-chain.verifier';

/** What a command found: `ok` sets the exit code, `lines` are printed. */
export interface CommandOutcome {
  ok: boolean;
  lines: string[];
}

export interface StoreLocation {
  pgUrl: string;
  schema: string;
}

/** The archive and the reporting service's read models (the audit index) beside it. */
export interface ArchiveLocation extends StoreLocation {
  mongoUrl: string;
  /** The reporting service's database: `cem_<schema>` in a deployment (service-kit's distributedNames). */
  database: string;
}

/** Opening a store creates its tables; an audit tool must not conjure an empty archive out of a typo. */
async function requireSchema(at: StoreLocation): Promise<void> {
  const client = new PgSqlClient({ connectionString: at.pgUrl, poolSize: 1 });
  try {
    const rows = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'events'`, [
      at.schema,
    ]);
    if (!rows.length) throw new Error(`no event store in schema ${at.schema}`);
  } finally {
    await client.close();
  }
}

async function withStore<T>(
  at: StoreLocation,
  run: (store: Awaited<ReturnType<typeof createPostgresEventStore>>) => Promise<T>,
): Promise<T> {
  await requireSchema(at);
  const store = await createPostgresEventStore({ connectionString: at.pgUrl, schema: at.schema, poolSize: 2 });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Re-hashes every stream in the store and names the first broken link in global order. */
export async function verifyChainCommand(at: StoreLocation): Promise<CommandOutcome> {
  const result = await withStore(at, (store) => store.verifyChain());
  const b = result.firstBreak;
  if (!b) return { ok: true, lines: [`OK: ${result.eventsChecked} events in ${at.schema}, every hash chain intact`] };
  return {
    ok: false,
    lines: [
      `BROKEN: first broken link in ${at.schema} after checking ${result.eventsChecked} events`,
      `  event ${b.eventId} (stream ${b.streamId}, version ${b.streamVersion}, position ${b.position.tx}/${b.position.pos})`,
      `  stored hash   ${b.storedHash}`,
      `  expected hash ${b.expectedHash}`,
    ],
  };
}

const formatRow = (r: HistoryRow) => {
  // The system acts for no unit; a person's unit is shown with its own level.
  const where = r.unit ? `, ${r.unit}, ${levelPhrase(r.level)}` : '';
  return `${r.when}  ${r.who} (${roleLabel(r.role)}${where})  [${r.context}] ${r.what}${r.why ? ` — lý do: ${r.why}` : ''}`;
};

/**
 * A dossier's or a proposal's decision history, read like GET /audit/.../history: the streams the reporting
 * service's audit index (audit_streams) lists for it, completed by the archive's events past the index's
 * checkpoint; its council members named from the audit_people register. The whole archive is read only when no
 * index of this release exists (a deployment whose reporting service never ran, or is rebuilding it).
 */
export async function historyCommand(
  at: ArchiveLocation,
  subject: HistorySubject,
): Promise<CommandOutcome & { rows: HistoryRow[]; via: 'index' | 'archive' }> {
  await requireSchema(at);
  const documents = await createMongoDocumentStore({ url: at.mongoUrl, dbName: at.database });
  try {
    return await withStore(at, async (store) => {
      const read = await subjectEventsOutsideService({ store, documents }, subject);
      const rows = decisionHistory(read.events, subject, await personNames(documents, read.events));
      const note =
        read.via === 'archive'
          ? [`(no audit index in ${at.database}: read the whole archive, ${read.tail} events)`]
          : read.tail
            ? [`(audit index of ${at.database}, and ${read.tail} archived events it had not indexed yet)`]
            : [];
      return { ok: true, rows, via: read.via, lines: [...(rows.length ? rows.map(formatRow) : ['(no events)']), ...note] };
    });
  } finally {
    await documents.close();
  }
}

function describe(verdict: ChainVerdict): string[] {
  if (verdict.ok) return [`OK: ${verdict.checked} exported events in ${verdict.streams} streams, every hash chain intact`];
  return [
    `BROKEN: ${verdict.reason} at event ${verdict.eventId} (stream ${verdict.streamId}, version ${verdict.streamVersion}) after ${verdict.checked} good events`,
  ];
}

/** Re-verifies an audit export offline: a GET /audit/export body, or a bare array of chain rows. */
export async function verifyExportCommand(file: string): Promise<CommandOutcome> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { chain?: ExportedChainRow[] } | ExportedChainRow[];
  const rows = Array.isArray(parsed) ? parsed : (parsed.chain ?? []);
  const verdict = verifyExportedChain(rows);
  return { ok: verdict.ok, lines: describe(verdict) };
}

export interface StoresToVerify {
  pgUrl: string;
  /** CEM_NAME_PREFIX of the deployment. */
  prefix: string;
  contexts: string[];
  /** Signed anchors (as published to <prefix>cem.anchors) and the public key that must have signed them. */
  anchors?: SignedAnchor[];
  publicKeyPem?: string;
}

/**
 * Every store of a deployment the auditor can read: each one's hash chains, each context against the copies
 * the reporting archive keeps of its events, and each store against its latest signed anchor when given.
 * Names truncated streams, removed events and re-hashed edits that a chain alone lets through.
 */
export async function verifyStoresCommand(at: StoresToVerify): Promise<CommandOutcome> {
  const lines: string[] = [];
  let ok = true;
  const archiveAt = { pgUrl: at.pgUrl, schema: `${at.prefix}reporting` };
  for (const context of at.contexts) {
    const here = { pgUrl: at.pgUrl, schema: `${at.prefix}${context}` };
    try {
      await requireSchema(here);
    } catch {
      lines.push(`SKIPPED: ${here.schema} (no event store)`);
      continue;
    }
    const chain = await verifyChainCommand(here);
    ok &&= chain.ok;
    lines.push(...chain.lines);
    const findings: AnchorFinding[] = [];
    if (context !== 'reporting') {
      try {
        await requireSchema(archiveAt);
        findings.push(
          ...(await withStore(here, (source) => withStore(archiveAt, (archive) => checkAgainstArchive(source, archive, context)))),
        );
      } catch (error) {
        lines.push(`  (no reporting archive to compare with: ${(error as Error).message})`);
      }
    }
    const anchor = at.anchors
      ?.filter((a) => a.payload.store === here.schema)
      .sort((a, b) => (a.payload.anchoredAt < b.payload.anchoredAt ? 1 : -1))[0];
    if (anchor && at.publicKeyPem) {
      findings.push(...(await withStore(here, (store) => checkAgainstAnchor(store, anchor, at.publicKeyPem!))));
      lines.push(`  anchor of ${anchor.payload.anchoredAt} (key ${anchor.keyId}) checked`);
    }
    if (findings.length) ok = false;
    lines.push(...findings.map((f) => `  TAMPERED: ${describeFinding(f)}`));
  }
  return { ok, lines };
}

export interface KafkaTopicToVerify {
  pgUrl: string;
  brokers: string[];
  /** CEM_NAME_PREFIX of the deployment. */
  prefix: string;
  /** Whose events topic: `<prefix>cem.<context>.events`. */
  context: string;
  /** The reporting archive (default) or the context's own store. */
  against: 'archive' | 'store';
}

/**
 * Reads a context's events topic from its beginning and checks the hash each message carried when it was
 * published (ce_hash, by ce_id) against the store: the reporting archive by default, or the context's own
 * store. Names each event removed or edited and re-hashed since it was published. Against the archive,
 * messages past the reporting consumer group's committed offsets are not archived yet: counted, not checked.
 */
export async function verifyKafkaCommand(at: KafkaTopicToVerify): Promise<CommandOutcome> {
  const topic = eventsTopic(at.context, at.prefix);
  const schema = at.against === 'archive' ? `${at.prefix}reporting` : `${at.prefix}${at.context}`;
  await requireSchema({ pgUrl: at.pgUrl, schema });
  const bus = new KafkaEventBus({ brokers: at.brokers, clientId: `${at.prefix}cem.audit`, logLevel: 'NOTHING' });
  try {
    if (!(await bus.listTopics()).includes(topic)) throw new Error(`no topic ${topic}`);
    const messages = await bus.readTopic(topic);
    const archived =
      at.against === 'archive' && messages.length ? await bus.committedOffsets(consumerGroupId('reporting', at.prefix), topic) : undefined;
    const carried = new Map<string, { streamId: string; version: number; hash: string }>();
    let pending = 0;
    let undecodable = 0;
    for (const message of messages) {
      if (archived && Number(message.offset) >= (archived.get(message.partition ?? 0) ?? -1)) {
        pending++;
        continue;
      }
      const decoded = tryDecodeEvent(message);
      if (!decoded.ok) {
        undecodable++;
        continue;
      }
      const { id, streamId, streamVersion, hash } = decoded.event;
      carried.set(id, { streamId, version: streamVersion, hash });
    }
    const findings = await withStore({ pgUrl: at.pgUrl, schema }, (store) => checkAgainstCarriedHashes(store, carried));
    const summary =
      `${messages.length} messages of ${topic}: ${carried.size} events checked against ${schema}` +
      (pending ? `, ${pending} not archived yet` : '') +
      (undecodable ? `, ${undecodable} not events (passed over)` : '');
    return {
      ok: findings.length === 0,
      lines: [findings.length ? `TAMPERED: ${summary}` : `OK: ${summary}`, ...findings.map((f) => `  TAMPERED: ${describeFinding(f)}`)],
    };
  } finally {
    await bus.close();
  }
}
