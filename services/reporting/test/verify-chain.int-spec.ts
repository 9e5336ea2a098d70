import { createTestPostgresStore, testPgUrl, TestPostgresStore } from '@cem/event-store/testing';
import type { Actor } from '@cem/contracts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportChainRows } from '../src/audit/chain-export';
import { verifyChainCommand, verifyExportCommand } from '../src/cli/audit.commands';

const actor: Actor = { id: 'u-1', role: 'standing-body', unitId: 'vn-ha-nam', level: 'province', unitPath: ['vn', 'vn-ha-nam'] };
const meta = (i: number) => ({ actor, occurredAt: `2024-10-0${i}T08:00:00Z`, correlationId: 'c-1', source: 'reporting' });

describe('audit verify-chain on a real PostgreSQL store', () => {
  let pg: TestPostgresStore;

  beforeAll(async () => {
    pg = await createTestPostgresStore({ schemaPrefix: 'audit_chain' });
    for (const stream of ['report-a', 'report-b']) {
      await pg.store.append(
        stream,
        [1, 2, 3].map((i) => ({ type: 'reporting.ReportAmended', data: { stream, n: i }, metadata: meta(i) })),
      );
    }
  });
  afterAll(() => pg?.drop());

  it('reports OK while nobody touched the events', async () => {
    const outcome = await verifyChainCommand({ pgUrl: testPgUrl(), schema: pg.schema });
    expect(outcome.ok).toBe(true);
    expect(outcome.lines[0]).toMatch(/^OK: 6 events/);
  });

  it('re-verifies an export offline and names a forged row', async () => {
    const chain = await exportChainRows(pg.store);
    const dir = await mkdtemp(join(tmpdir(), 'cem-audit-'));
    await writeFile(join(dir, 'ok.json'), JSON.stringify({ chain }));
    expect(await verifyExportCommand(join(dir, 'ok.json'))).toEqual({
      ok: true,
      lines: ['OK: 6 exported events in 2 streams, every hash chain intact'],
    });

    const forged = chain.map((r, i) => (i === 4 ? { ...r, dataText: r.dataText.replace('"n":2', '"n":7') } : r));
    expect(forged[4].dataText).not.toBe(chain[4].dataText);
    await writeFile(join(dir, 'forged.json'), JSON.stringify({ chain: forged }));
    const outcome = await verifyExportCommand(join(dir, 'forged.json'));
    expect(outcome.ok).toBe(false);
    expect(outcome.lines[0]).toContain(`hash-mismatch at event ${chain[4].eventId}`);
  });

  it('names the event whose data was changed directly in PostgreSQL', async () => {
    const [target] = await pg.sql<{ event_id: string }>(
      `SELECT event_id::text FROM events WHERE stream_id = 'report-b' AND stream_version = 2`,
    );
    await pg.sql(`UPDATE events SET data = jsonb_set(data::jsonb, '{n}', '99')::json WHERE event_id = $1`, [target.event_id]);

    const outcome = await verifyChainCommand({ pgUrl: testPgUrl(), schema: pg.schema });

    expect(outcome.ok).toBe(false);
    expect(outcome.lines.join('\n')).toContain(`event ${target.event_id} (stream report-b, version 2`);
  });
});
