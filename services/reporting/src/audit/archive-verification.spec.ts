import { AnchorKey, headsRoot, type ChainRow, type EventStore, type SignedAnchor } from '@cem/event-store';
import { parseAnchors, verifyArchive } from './archive-verification';

/** The archive as verifyArchive reads it: its chain verdict and its rows (stream, version, hash, event id). */
const archiveOf = (rows: ChainRow[]) =>
  ({ verifyChain: () => Promise.resolve({ eventsChecked: rows.length }), chainRows: () => Promise.resolve(rows) }) as unknown as EventStore;
const row = (streamId: string, version: number, hash = `${streamId}-${version}`): ChainRow => ({
  streamId,
  version,
  hash,
  eventId: `e-${streamId}-${version}`,
});
const anchor = (key: AnchorKey, store: string, at: string, heads: { streamId: string; version: number; hash?: string }[]): SignedAnchor => {
  const full = heads.map((h) => ({ streamId: h.streamId, version: h.version, hash: h.hash ?? `${h.streamId}-${h.version}` }));
  return key.sign({ store, anchoredAt: at, events: full.reduce((n, h) => n + h.version, 0), heads: full, root: headsRoot(full) });
};

describe('verifyArchive: the reporting archive against the published anchors', () => {
  const key = AnchorKey.generate();
  const at = (anchors: SignedAnchor[], trusted = [key.publicKeyPem]) => ({
    archiveStore: 'reporting',
    anchors,
    trustedPublicKeys: trusted,
  });

  it('is clean when every anchor agrees; copies not archived yet are pending, not findings', async () => {
    const rows = [row('report-1', 1), row('report-1', 2), row('dossier-a', 1)];
    const result = await verifyArchive(
      archiveOf(rows),
      at([
        anchor(key, 'reporting', '2026-12-02T01:00:00Z', [{ streamId: 'report-1', version: 2 }]),
        anchor(key, 'submissions', '2026-12-02T01:00:00Z', [{ streamId: 'dossier-a', version: 2 }]),
      ]),
    );
    expect(result).toMatchObject({ ok: true, anchorsChecked: 2, findings: [] });
    expect(result.stores).toEqual([
      { store: 'reporting', anchors: 1, latestAnchoredAt: '2026-12-02T01:00:00Z', pendingStreams: 0 },
      { store: 'submissions', anchors: 1, latestAnchoredAt: '2026-12-02T01:00:00Z', pendingStreams: 1 },
    ]);
  });

  it('a later anchor signed over the truncated archive does not hide what the earlier one recorded', async () => {
    const rows = [row('report-1', 1)];
    const result = await verifyArchive(
      archiveOf(rows),
      at([
        anchor(key, 'reporting', '2026-12-02T01:00:00Z', [{ streamId: 'report-1', version: 2 }]),
        anchor(key, 'reporting', '2026-12-02T01:05:00Z', [{ streamId: 'report-1', version: 1 }]),
      ]),
    );
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ store: 'reporting', kind: 'truncated-stream', streamId: 'report-1', version: 2 }),
    ]);
    expect(result.findings[0].text).toBe('reporting: Dòng sự kiện report-1 bị cắt cụt: còn đến phiên bản 1, mốc neo ghi nhận 2');
  });

  it('names one re-hashed edit once, at the earliest anchored version, whatever the number of anchors', async () => {
    const rows = [row('report-1', 1), row('report-1', 2, 'forged-2'), row('report-1', 3, 'forged-3')];
    const result = await verifyArchive(
      archiveOf(rows),
      at([
        anchor(key, 'reporting', '2026-12-02T01:00:00Z', [{ streamId: 'report-1', version: 2 }]),
        anchor(key, 'reporting', '2026-12-02T01:05:00Z', [{ streamId: 'report-1', version: 3 }]),
      ]),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 're-hashed-edit', streamId: 'report-1', version: 2, eventId: 'e-report-1-2' }),
    ]);
  });

  it('refuses an anchor signed with a key it does not trust', async () => {
    const forger = AnchorKey.generate();
    const result = await verifyArchive(archiveOf([row('report-1', 1)]), at([anchor(forger, 'reporting', '2026-12-02T01:00:00Z', [])]));
    expect(result.findings).toEqual([expect.objectContaining({ store: 'reporting', kind: 'bad-signature' })]);
    expect(result.findings[0].text).toContain(`Mốc neo không hợp lệ: chữ ký không khớp khóa ${forger.keyId}`);
  });

  it('without readable anchors checks the chains only and says why', async () => {
    const result = await verifyArchive(archiveOf([row('report-1', 1)]), { archiveStore: 'reporting', trustedPublicKeys: [] });
    expect(result).toMatchObject({ ok: true, anchorsChecked: 0, note: 'Không đọc được các mốc neo đã công bố' });
  });

  it('reads anchors from the topic values and passes over anything else', () => {
    const a = anchor(key, 'reporting', '2026-12-02T01:00:00Z', []);
    expect(parseAnchors([JSON.stringify(a), '{not json', '{"payload":{}}'])).toEqual([a]);
  });
});
