import { DomainRuleViolation, ForbiddenError, REPORTING_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { communeOfficer, communePath, DISTRICT, districtStandingBody, figures, period2024 } from './report.fixtures';
import { unitReportDecider } from './unit-report.decider';
import type { UnitReportEvent } from './unit-report.state';

const spec = deciderSpec(unitReportDecider);

const submitTanKien = (submittedAt: string) => ({
  type: 'SubmitReport' as const,
  actor: communeOfficer('tan-kien'),
  period: period2024,
  unitId: 'vn-hcm-binh-chanh-tan-kien',
  unitPath: communePath('tan-kien'),
  level: 'commune' as const,
  figures: figures(3),
  narrative: 'Xã Tân Kiên báo cáo kết quả năm 2024',
  submittedAt,
});

const submitted = (submittedAt: string, late: boolean): UnitReportEvent => ({
  type: E.ReportSubmitted,
  data: {
    reportId: 'bc-2024-yearly/vn-hcm-binh-chanh-tan-kien',
    periodId: 'bc-2024-yearly',
    unitId: 'vn-hcm-binh-chanh-tan-kien',
    unitPath: communePath('tan-kien'),
    level: 'commune',
    figures: figures(3),
    narrative: 'Xã Tân Kiên báo cáo kết quả năm 2024',
    submittedAt,
    dueBy: '2024-11-01T00:00:00+07:00',
    late,
    aggregated: false,
  },
});

describe('unit reports and deadlines', () => {
  it('a report before the deadline for its level is on time', () => {
    spec
      .given([])
      .when(submitTanKien('2024-10-31T16:59:00Z'))
      .then([submitted('2024-10-31T16:59:00Z', false)]);
  });

  it('a report after the deadline is recorded as late (deadline compared as an instant, across time zones)', () => {
    // 17:01 UTC on 31 October is 00:01 on 1 November in Vietnam.
    spec
      .given([])
      .when(submitTanKien('2024-10-31T17:01:00Z'))
      .then([submitted('2024-10-31T17:01:00Z', true)]);
  });

  it('a level without a deadline is never late', () => {
    const province = { ...period2024, deadlines: [{ level: 'province' as const, dueBy: '2024-12-01T00:00:00+07:00' }] };
    spec
      .given([])
      .when({ ...submitTanKien('2025-01-10T00:00:00Z'), period: province })
      .thenMatches(([e]) => {
        expect(e.data).toMatchObject({ late: false });
        expect(e.data).not.toHaveProperty('dueBy');
      });
  });

  it('refuses a second submission, negative figures, and another unit reporting', () => {
    spec
      .given([submitted('2024-10-20T00:00:00Z', false)])
      .when(submitTanKien('2024-10-21T00:00:00Z'))
      .thenThrows(DomainRuleViolation, /Báo cáo đã nộp; hãy sửa đổi báo cáo/);
    spec
      .given([])
      .when({ ...submitTanKien('2024-10-20T00:00:00Z'), figures: { ...figures(1), awardsGiven: -2 } })
      .thenThrows(DomainRuleViolation, /awardsGiven/);
    spec
      .given([])
      .when({ ...submitTanKien('2024-10-20T00:00:00Z'), actor: communeOfficer('binh-loi') })
      .thenThrows(ForbiddenError);
  });

  it('an amendment needs a submitted report and a reason', () => {
    const amend = {
      type: 'AmendReport' as const,
      actor: communeOfficer('tan-kien'),
      figures: figures(4),
      narrative: 'Bổ sung',
      amendedAt: '2024-10-25T00:00:00Z',
      reason: 'Bổ sung 1 hồ sơ',
    };
    spec
      .given([])
      .when(amend)
      .thenThrows(DomainRuleViolation, /Chỉ báo cáo đã nộp mới được sửa đổi/);
    spec
      .given([submitted('2024-10-20T00:00:00Z', false)])
      .when({ ...amend, reason: '' })
      .thenThrows(DomainRuleViolation, /Sửa đổi báo cáo cần nêu lý do/);
    spec
      .given([submitted('2024-10-20T00:00:00Z', false)])
      .when(amend)
      .then([
        {
          type: E.ReportAmended,
          data: {
            reportId: 'bc-2024-yearly/vn-hcm-binh-chanh-tan-kien',
            periodId: 'bc-2024-yearly',
            unitId: 'vn-hcm-binh-chanh-tan-kien',
            figures: figures(4),
            narrative: 'Bổ sung',
            amendedAt: '2024-10-25T00:00:00Z',
            reason: 'Bổ sung 1 hồ sơ',
          },
        },
      ]);
  });
});

describe('roll-up by the standing body', () => {
  const child = (slug: string, n: number) => ({
    reportId: `bc-2024-yearly/vn-hcm-binh-chanh-${slug}`,
    periodId: 'bc-2024-yearly',
    unitId: `vn-hcm-binh-chanh-${slug}`,
    unitPath: communePath(slug),
    level: 'commune' as const,
    figures: figures(n),
  });
  const aggregate = {
    type: 'AggregateReports' as const,
    actor: districtStandingBody,
    period: period2024,
    unitId: 'vn-hcm-binh-chanh',
    unitPath: DISTRICT,
    level: 'district' as const,
    childReports: [child('tan-kien', 3), child('binh-loi', 1)],
    expectedChildUnitIds: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-binh-loi', 'vn-hcm-binh-chanh-le-minh-xuan'],
    aggregatedAt: '2024-11-05T00:00:00Z',
  };
  const aggregated: UnitReportEvent = {
    type: E.ReportsAggregated,
    data: {
      reportId: 'bc-2024-yearly/vn-hcm-binh-chanh',
      periodId: 'bc-2024-yearly',
      unitId: 'vn-hcm-binh-chanh',
      unitPath: DISTRICT,
      level: 'district',
      childReportIds: ['bc-2024-yearly/vn-hcm-binh-chanh-tan-kien', 'bc-2024-yearly/vn-hcm-binh-chanh-binh-loi'],
      totals: { dossiersSubmitted: 4, initiativesApplied: 8, modelsRegistered: 2, awardsGiven: 0, unitsCommended: 1 },
      missingChildUnitIds: ['vn-hcm-binh-chanh-le-minh-xuan'],
      aggregatedAt: '2024-11-05T00:00:00Z',
    },
  };

  it("sums the children's figures and names the children that have not reported", () => {
    spec.given([]).when(aggregate).then([aggregated]);
  });

  it('only the standing body of the parent unit aggregates', () => {
    spec
      .given([])
      .when({ ...aggregate, actor: { ...districtStandingBody, role: 'unit-officer' } })
      .thenThrows(ForbiddenError, /Cơ quan thường trực/);
    const otherDistrict = { ...districtStandingBody, unitId: 'vn-hcm-cu-chi', unitPath: ['vn', 'vn-hcm', 'vn-hcm-cu-chi'] };
    spec
      .given([])
      .when({ ...aggregate, actor: otherDistrict })
      .thenThrows(ForbiddenError, /không phải đơn vị của bạn/);
  });

  it("refuses reports of units that are not the unit's children", () => {
    const stranger = {
      ...child('tan-kien', 1),
      unitId: 'vn-hcm-cu-chi-tan-thong-hoi',
      unitPath: ['vn', 'vn-hcm', 'vn-hcm-cu-chi', 'vn-hcm-cu-chi-tan-thong-hoi'],
    };
    spec
      .given([])
      .when({ ...aggregate, childReports: [stranger] })
      .thenThrows(DomainRuleViolation, /Không phải báo cáo của đơn vị trực thuộc vn-hcm-binh-chanh: vn-hcm-cu-chi-tan-thong-hoi/);
  });

  it('cannot aggregate twice', () => {
    spec
      .given([aggregated])
      .when(aggregate)
      .thenThrows(DomainRuleViolation, /Báo cáo của kỳ này đã được tổng hợp/);
  });

  it('then submits upward with the totals as its own report, on time for the district deadline', () => {
    const submitUp = {
      type: 'SubmitReport' as const,
      actor: districtStandingBody,
      period: period2024,
      unitId: 'vn-hcm-binh-chanh',
      unitPath: DISTRICT,
      level: 'district' as const,
      narrative: 'Huyện Bình Chánh tổng hợp',
      submittedAt: '2024-11-10T00:00:00Z',
    };
    spec
      .given([aggregated])
      .when(submitUp)
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          figures: aggregated.data.totals,
          aggregated: true,
          late: false,
          dueBy: '2024-11-15T00:00:00+07:00',
        }),
      );
    spec
      .given([])
      .when(submitUp)
      .thenThrows(DomainRuleViolation, /Báo cáo phải có số liệu/);
  });
});
