/*
 * Section 3, lists people open all day: GET /dossiers at BENCH_LIST_DOSSIERS dossiers (default 100,000), p50/p99
 * per kind of reader, on the embedded store (in this process, the controller's own filter and page functions) and
 * on FerretDB (through HTTP on the submissions service in its own process, as deployed). The list documents are
 * generated straight into the read model (the projection's shape), not through 100,000 commands.
 * "Before" on the embedded store is the store as it was: no secondary index, every match sorted, then sliced.
 * Knobs: BENCH_LIST_DOSSIERS, BENCH_LIST_REQUESTS (requests per reader, default 100 embedded / FerretDB within 20 s),
 * BENCH_LIST_FERRETDB (default 1; 0 skips the FerretDB half), BENCH_LIST_FERRETDB_DOSSIERS (default: BENCH_LIST_DOSSIERS;
 * our FerretDB build on PostgreSQL runs list queries in SQL; on the SQLite backend every list query decodes the
 * whole collection, so keep it at a few thousand there).
 */
import 'reflect-metadata';
import sift from 'sift';
import type { Actor } from '@cem/contracts';
import { createMongoDocumentStore, EmbeddedDocumentStore, type DocumentCollection, type Filter } from '@cem/read-models';
import { distributedNames, findPage, TOTAL_COUNT_HEADER, type PageQuery } from '@cem/service-kit';
import { documentComparator } from '../../libs/read-models/src/embedded/document-order';
import { dossierListProjection, reachedKey, type DossierListDoc } from '../../services/submissions/src/dossiers/dossier-list.projection';
import { dossierListFilter, type DossierListCriteria } from '../../services/submissions/src/dossiers/dossier-list.query';
import { searchTextOf } from '../../services/submissions/src/dossiers/search-text';
import { actorAt } from '../../services/submissions/src/shared/actors.fixtures';
import { env, log, MONGO_URL, record, recordError } from './common';
import { startServiceProcesses, type ServiceProcesses } from './service-processes';

const DOSSIERS = Number(env.BENCH_LIST_DOSSIERS ?? 100_000);
const REQUESTS = Number(env.BENCH_LIST_REQUESTS ?? 100);
const FERRETDB = (env.BENCH_LIST_FERRETDB ?? '1') !== '0';
/** On FerretDB's SQLite backend every list query decodes the whole collection (docs/benchmarks.md): set a few thousand there. */
const FERRETDB_DOSSIERS = Math.min(DOSSIERS, Number(env.BENCH_LIST_FERRETDB_DOSSIERS ?? DOSSIERS));
const FERRETDB_SECONDS = 20;
const TARGET_MS = 50;
const SORT = { updatedAt: -1 as const, _id: 1 as const };

// 5 provinces x 10 districts x 10 communes: 500 nominating units, 200 dossiers each at 100,000.
const PROVINCES = 5;
const DISTRICTS = 10;
const COMMUNES = 10;
const province = (p: number) => `vn-p${p}`;
const district = (p: number, d: number) => `${province(p)}-d${d}`;
const commune = (p: number, d: number, c: number) => `${district(p, d)}-c${c}`;
const WORDS = ['máy bơm', 'tiết kiệm điện', 'số hóa hồ sơ', 'cải tiến quy trình', 'phần mềm quản lý', 'giống lúa', 'xử lý rác'];
const STATUSES = ['draft', 'submitted', 'received', 'forwarded', 'returned'] as const;

function dossier(n: number): DossierListDoc {
  const c = n % COMMUNES;
  const d = Math.floor(n / COMMUNES) % DISTRICTS;
  const p = Math.floor(n / (COMMUNES * DISTRICTS)) % PROVINCES;
  const status = STATUSES[Math.floor(n / 7) % STATUSES.length];
  const reached =
    status === 'draft'
      ? []
      : status === 'forwarded'
        ? [reachedKey('district', district(p, d)), reachedKey('province', province(p))]
        : [reachedKey('district', district(p, d))];
  const title = `Sáng kiến ${WORDS[n % WORDS.length]} số ${n}`;
  const authors = [`Nguyễn Văn ${n % 997}`];
  return {
    _id: `hs-${n}`,
    dossierId: `hs-${n}`,
    campaignId: `phong-trao-${n % 3}`,
    year: 2024 + (n % 2),
    fieldCode: n % 2 ? 'khcn' : 'vhnt',
    type: 'initiative',
    typeLabel: 'Sáng kiến',
    title,
    applicantKind: 'individual',
    authors,
    authorPersonIds: [`p-${n % 5000}`],
    nominatingUnitId: commune(p, d, c),
    nominatingUnitPath: ['vn', province(p), district(p, d), commune(p, d, c)],
    status,
    statusLabel: status,
    level: status === 'draft' ? null : status === 'forwarded' ? 'province' : 'district',
    jurisdictionUnitId: status === 'draft' ? null : status === 'forwarded' ? province(p) : district(p, d),
    receivingAgencyUnitId: null,
    reached,
    attachmentHashes: [],
    lastReason: null,
    searchText: searchTextOf(title, authors),
    // Spread over ~3 years, not in _id order.
    updatedAt: new Date(Date.UTC(2023, 0, 1) + ((n * 7919) % 100_000_000) * 1000).toISOString(),
  };
}

interface Reader {
  name: string;
  actor: Actor;
  criteria: DossierListCriteria;
  page: PageQuery;
}

const READERS: Reader[] = [
  { name: 'auditor, first page (everything visible)', actor: actorAt('auditor', 'central', ['vn']), criteria: {}, page: { limit: 20 } },
  {
    name: 'auditor, page 51 (skip 1000)',
    actor: actorAt('auditor', 'central', ['vn']),
    criteria: {},
    page: { limit: 20, skip: 1000 },
  },
  {
    name: 'commune officer, own dossiers',
    actor: actorAt('unit-officer', 'commune', ['vn', 'vn-p1', 'vn-p1-d2', 'vn-p1-d2-c3']),
    criteria: {},
    page: { limit: 20 },
  },
  {
    name: 'district agency, lodged with it, with total',
    actor: actorAt('agency-officer', 'district', ['vn', 'vn-p1', 'vn-p1-d2', 'vn-p1-d2-phong-noi-vu']),
    criteria: {},
    page: { limit: 20, total: true },
  },
  {
    name: 'province board, status forwarded',
    actor: actorAt('emulation-board', 'province', ['vn', 'vn-p2', 'vn-p2-so-noi-vu']),
    criteria: { status: 'forwarded' },
    page: { limit: 20 },
  },
  {
    name: 'auditor, search "may bom" (no diacritics)',
    actor: actorAt('auditor', 'central', ['vn']),
    criteria: { q: 'may bom' },
    page: { limit: 20 },
  },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function timed(times: number, seconds: number, body: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  const until = nowMs() + seconds * 1000;
  for (let i = 0; i < times && (i < 3 || nowMs() < until); i++) {
    const t0 = nowMs();
    await body();
    samples.push(nowMs() - t0);
  }
  return samples.sort((a, b) => a - b);
}

/** The embedded store's list as it was before this section existed: every document tested, all matches sorted. */
function findAsBefore(docs: DossierListDoc[], filter: Filter, page: PageQuery): DossierListDoc[] {
  const test = sift(filter as never);
  const start = page.skip ?? 0;
  return docs
    .filter((d) => test(d))
    .sort(documentComparator(SORT))
    .slice(start, start + (page.limit ?? 100))
    .map((d) => structuredClone(d));
}

async function insertAll(collection: DocumentCollection<DossierListDoc>, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    await collection.insertMany(Array.from({ length: Math.min(1000, count - start) }, (_, i) => dossier(start + i)));
    if ((start + 1000) % 20_000 === 0) log(`lists: ${start + 1000}/${count} dossiers written`);
  }
}

async function embedded(): Promise<void> {
  const store = new EmbeddedDocumentStore();
  const list = store.collection<DossierListDoc>('dossier_list');
  await list.ensureIndexes(dossierListProjection.indexes ?? []);
  await insertAll(list, DOSSIERS);
  const all = Array.from({ length: DOSSIERS }, (_, n) => dossier(n));
  for (const reader of READERS) {
    const filter = dossierListFilter([reader.actor], reader.criteria);
    const sink = { headers: {} as Record<string, string>, setHeader: (k: string, v: string) => (sink.headers[k] = v) };
    let rows = 0;
    await findPage(list, filter, SORT, reader.page, sink); // warm-up (the first read in an order sorts the index once)
    const cpu0 = process.cpuUsage();
    const ours = await timed(REQUESTS, 30, async () => (rows = (await findPage(list, filter, SORT, reader.page, sink)).length));
    const used = process.cpuUsage(cpu0);
    const cpuMs = (used.user + used.system) / 1000 / ours.length;
    const before = await timed(Math.min(REQUESTS, 10), 10, () => Promise.resolve(findAsBefore(all, filter, reader.page)));
    const p99 = percentile(ours, 99);
    record({
      figure: `lists: GET /dossiers on the embedded store, ${DOSSIERS} dossiers, ${reader.name}`,
      side: 'ours',
      label: `p99; p50 ${percentile(ours, 50).toFixed(2)} ms; CPU ${cpuMs.toFixed(2)} ms/request; ${rows} rows${sink.headers[TOTAL_COUNT_HEADER] ? ` of ${sink.headers[TOTAL_COUNT_HEADER]}` : ''}; ${ours.length} requests`,
      samples: [p99],
      unit: 'ms',
      note: `before (no index, full sort): p50 ${percentile(before, 50).toFixed(1)} p99 ${percentile(before, 99).toFixed(1)} ms; target p99 < ${TARGET_MS} ms: ${p99 < TARGET_MS ? 'MET' : 'MISSED'}`,
    });
  }
  await store.close();
}

async function ferretdb(): Promise<void> {
  let services: ServiceProcesses | undefined;
  try {
    services = await startServiceProcesses(['submissions']);
    const p = services;
    const documents = await createMongoDocumentStore({ url: MONGO_URL, dbName: distributedNames('submissions', p.prefix).database });
    try {
      const list = documents.collection<DossierListDoc>(dossierListProjection.collection);
      await list.ensureIndexes(dossierListProjection.indexes ?? []);
      const t0 = nowMs();
      await insertAll(list, FERRETDB_DOSSIERS);
      log(`lists: ${FERRETDB_DOSSIERS} dossiers into FerretDB in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
    } finally {
      await documents.close();
    }
    const url = p.url('submissions');
    for (const reader of READERS) {
      const token = await p.issuer.mintFor(reader.actor);
      const query = new URLSearchParams(
        Object.entries({ ...reader.criteria, ...reader.page }).map(([k, v]) => [k, String(v)] as [string, string]),
      ).toString();
      let rows = 0;
      let total = '';
      await fetch(`${url}/dossiers?${query}`, { headers: { authorization: `Bearer ${token}` } }); // warm-up
      const samples = await timed(REQUESTS, FERRETDB_SECONDS, async () => {
        const res = await fetch(`${url}/dossiers?${query}`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`GET /dossiers: ${res.status} ${(await res.text()).slice(0, 200)}`);
        rows = ((await res.json()) as unknown[]).length;
        total = res.headers.get(TOTAL_COUNT_HEADER) ?? '';
      });
      const p99 = percentile(samples, 99);
      record({
        figure: `lists: GET /dossiers over HTTP on FerretDB, ${FERRETDB_DOSSIERS} dossiers, ${reader.name}`,
        side: 'ours',
        label: `p99; p50 ${percentile(samples, 50).toFixed(1)} ms; ${rows} rows${total ? ` of ${total}` : ''}; ${samples.length} requests`,
        samples: [p99],
        unit: 'ms',
        note: `target p99 < ${TARGET_MS} ms: ${p99 < TARGET_MS ? 'MET' : 'MISSED'}`,
      });
    }
  } finally {
    await services?.stop().catch((e) => log(`lists stop: ${String(e)}`));
  }
}

async function main(): Promise<void> {
  try {
    await embedded();
  } catch (error) {
    recordError('lists (embedded)', error);
    process.exitCode = 1;
  }
  if (FERRETDB) {
    try {
      await ferretdb();
    } catch (error) {
      recordError('lists (FerretDB)', error);
      process.exitCode = 1;
    }
  }
}

void main().then(() => process.exit());
