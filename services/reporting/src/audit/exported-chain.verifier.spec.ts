import { chainHash, ExportedChainRow, verifyExportedChain } from './exported-chain.verifier';

type Content = Omit<ExportedChainRow, 'prevHash' | 'hash'>;

/** Builds rows the way the store chains them: per stream, each row's prevHash is the previous row's hash. */
function chain(contents: Content[]): ExportedChainRow[] {
  const last = new Map<string, string>();
  return contents.map((c) => {
    const prevHash = last.get(c.streamId) ?? '';
    const hash = chainHash({ ...c, prevHash });
    last.set(c.streamId, hash);
    return { ...c, prevHash, hash };
  });
}

const row = (streamId: string, streamVersion: number, type: string, dataText: string, n: number): Content => ({
  eventId: `0190f3a2-0000-7000-8000-00000000000${n}`,
  streamId,
  streamVersion,
  type,
  schemaVersion: 1,
  dataText,
  metadataText: '{"source": "submissions"}',
});

const history = chain([
  row('dossier-d1', 1, 'submissions.DossierSubmitted', '{"level": "district", "dossierId": "d1"}', 1),
  row('dossier-d2', 1, 'submissions.DossierSubmitted', '{"level": "district", "dossierId": "d2"}', 2),
  row('dossier-d1', 2, 'submissions.DossierReceived', '{"level": "district", "dossierId": "d1"}', 3),
  row('dossier-d1', 3, 'submissions.DossierForwarded', '{"toLevel": "province", "dossierId": "d1"}', 4),
]);

describe('offline verification of an exported hash chain', () => {
  it("hashes exactly like the store's event_hash: prev|id|stream|version|type|schema|data|metadata", () => {
    // Independently computed: printf '%s' '|0190f3a2-…-000000000001|dossier-d1|1|…|{"source": "submissions"}' | sha256sum
    expect(history[0].hash).toBe('ea557aec91798ecb3c91461405d7853baa50b2fc8e447e0ad8b3260ed4709dcc');
  });

  it('accepts an intact export interleaving several streams', () => {
    expect(verifyExportedChain(history)).toEqual({ ok: true, checked: 4, streams: 2 });
  });

  it('detects an edited row', () => {
    const tampered = history.map((r, i) => (i === 2 ? { ...r, dataText: '{"level": "province", "dossierId": "d1"}' } : r));
    expect(verifyExportedChain(tampered)).toEqual({
      ok: false,
      checked: 2,
      eventId: history[2].eventId,
      streamId: 'dossier-d1',
      streamVersion: 2,
      reason: 'hash-mismatch',
    });
  });

  it('detects an edited row whose own hash was recomputed, at the next row of its stream', () => {
    const forged = { ...history[2], metadataText: '{"source": "forged"}' };
    forged.hash = chainHash(forged);
    const rows = history.map((r, i) => (i === 2 ? forged : r));
    expect(verifyExportedChain(rows)).toMatchObject({ ok: false, eventId: history[3].eventId, reason: 'prev-hash-mismatch' });
  });

  it('detects a deleted row', () => {
    const rows = history.filter((_, i) => i !== 2);
    expect(verifyExportedChain(rows)).toMatchObject({ ok: false, eventId: history[3].eventId, reason: 'version-gap' });
  });
});
