import { EventContractRegistry } from '../event-contract';
import { COUNCILS_CONTRACTS, COUNCILS_EVENTS } from './councils.contracts';

describe('councils event contracts', () => {
  const registry = new EventContractRegistry(COUNCILS_CONTRACTS);

  it('registers every councils event once, at schema version 1, owned by councils', () => {
    expect(COUNCILS_CONTRACTS.map((c) => c.type).sort()).toEqual(Object.values(COUNCILS_EVENTS).sort());
    expect(COUNCILS_CONTRACTS.every((c) => c.context === 'councils' && c.schemaVersion === 1)).toBe(true);
  });

  it('rejects a recusal without a reason and an unknown grade', () => {
    expect(registry.check(COUNCILS_EVENTS.MemberRecused, 1, { caseId: 'c', memberId: 'm', reason: '' })).toMatchObject({ ok: false });
    const ranking = {
      councilId: 'hd',
      campaignId: 'dkst',
      year: 2019,
      fieldCode: 'khcn',
      level: 'province',
      tieBreak: 'dossier-id',
      revision: 1,
      publishedAt: '2019-05-25T08:00:00Z',
      entries: [{ rank: 1, caseId: 'c', dossierId: 'd', score: 9, grade: 'gioi' }],
    };
    const check = registry.check(COUNCILS_EVENTS.RankingPublished, 1, ranking);
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('entries.0.grade') });
    expect(
      registry.check(COUNCILS_EVENTS.RankingPublished, 1, { ...ranking, entries: [{ ...ranking.entries[0], grade: 'xuat-sac' }] }),
    ).toEqual({ ok: true });
  });
});
