import { EventContractRegistry } from '../event-contract';
import { RECOGNITION_CONTRACTS, RECOGNITION_EVENTS } from './recognition.contracts';

describe('recognition event contracts', () => {
  const registry = new EventContractRegistry(RECOGNITION_CONTRACTS);
  const decided = {
    proposalId: 'p1',
    dossierId: 'd1',
    awardCode: 'nguoi-ha-nam-dkst',
    level: 'province',
    jurisdictionUnitId: 'vn-ha-nam',
    year: 2019,
    fieldCode: 'khcn',
    awardName: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
    title: 'Máy gieo hạt cải tiến',
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2019-11-20',
    signer: 'Chủ tịch UBND tỉnh',
    recipients: [{ name: 'Nguyễn Văn A', kind: 'individual' }],
  };

  it('registers every recognition event once, at schema version 1', () => {
    expect(RECOGNITION_CONTRACTS.map((c) => c.type).sort()).toEqual(Object.values(RECOGNITION_EVENTS).sort());
    expect(RECOGNITION_CONTRACTS.every((c) => c.context === 'recognition' && c.schemaVersion === 1)).toBe(true);
  });

  it('accepts a well-formed award decision and refuses a malformed decision number', () => {
    expect(registry.check(RECOGNITION_EVENTS.AwardDecided, 1, decided)).toEqual({ ok: true });
    expect(registry.check(RECOGNITION_EVENTS.AwardDecided, 1, { ...decided, decisionNumber: 'QĐ-UBND' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('decisionNumber'),
    });
  });

  it('refuses a send-back without a reason and an unknown recipient kind', () => {
    expect(registry.check(RECOGNITION_EVENTS.ProposalSentBack, 1, { proposalId: 'p1', sentBackBy: 'u', reason: '' })).toMatchObject({
      ok: false,
    });
    const bad = { ...decided, recipients: [{ name: 'X', kind: 'company' }] };
    expect(registry.check(RECOGNITION_EVENTS.AwardDecided, 1, bad)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('recipients.0.kind'),
    });
  });
});
