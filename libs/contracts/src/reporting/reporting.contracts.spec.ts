import { EventContractRegistry } from '../event-contract';
import { REPORTING_CONTRACTS, REPORTING_EVENTS } from './reporting.contracts';

describe('reporting event contracts', () => {
  const registry = new EventContractRegistry(REPORTING_CONTRACTS);
  const submitted = {
    reportId: '2024-yearly/vn-hcm-binh-chanh-tan-kien',
    periodId: '2024-yearly',
    unitId: 'vn-hcm-binh-chanh-tan-kien',
    unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
    level: 'commune',
    figures: { dossiersSubmitted: 3, initiativesApplied: 2, modelsRegistered: 1, awardsGiven: 0, unitsCommended: 0 },
    narrative: 'Kết quả triển khai năm 2024',
    submittedAt: '2024-10-20T09:00:00+07:00',
    late: false,
    aggregated: false,
  };

  it('registers every reporting event once, at schema version 1', () => {
    expect(REPORTING_CONTRACTS.map((c) => c.type).sort()).toEqual(Object.values(REPORTING_EVENTS).sort());
  });

  it('accepts a report and refuses negative or fractional figures', () => {
    expect(registry.check(REPORTING_EVENTS.ReportSubmitted, 1, submitted)).toEqual({ ok: true });
    const negative = { ...submitted, figures: { ...submitted.figures, awardsGiven: -1 } };
    expect(registry.check(REPORTING_EVENTS.ReportSubmitted, 1, negative)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('figures.awardsGiven'),
    });
    const fractional = { ...submitted, figures: { ...submitted.figures, dossiersSubmitted: 1.5 } };
    expect(registry.check(REPORTING_EVENTS.ReportSubmitted, 1, fractional)).toMatchObject({ ok: false });
  });

  it('refuses a period of an unknown kind', () => {
    const period = {
      periodId: 'p',
      year: 2024,
      kind: 'monthly',
      title: 'Báo cáo năm 2024',
      openedByUnitId: 'vn-hcm-binh-chanh',
      deadlines: [{ level: 'district', dueBy: '2024-11-01T00:00:00+07:00' }],
    };
    expect(registry.check(REPORTING_EVENTS.ReportingPeriodOpened, 1, period)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('kind'),
    });
  });
});
