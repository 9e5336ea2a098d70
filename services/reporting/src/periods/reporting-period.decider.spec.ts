import { DomainRuleViolation, ForbiddenError, REPORTING_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { communeOfficer, districtStandingBody, period2024 } from '../reports/report.fixtures';
import { reportingPeriodDecider } from './reporting-period.decider';

const spec = deciderSpec(reportingPeriodDecider);
const { openedByUnitId, ...period } = period2024;
const open = { type: 'OpenReportingPeriod' as const, actor: districtStandingBody, period };

describe('reporting periods', () => {
  it('the standing body opens a period with per-level deadlines, once', () => {
    const opened = { type: E.ReportingPeriodOpened, data: { ...period, openedByUnitId } };
    spec.given([]).when(open).then([opened]);
    spec
      .given([opened])
      .when(open)
      .thenThrows(DomainRuleViolation, /Kỳ báo cáo bc-2024-yearly đã được mở/);
  });

  it('refuses other roles, duplicate levels, and deadlines for levels above the opener', () => {
    spec
      .given([])
      .when({ ...open, actor: communeOfficer('tan-kien') })
      .thenThrows(ForbiddenError);
    const twice = { ...period, deadlines: [...period.deadlines, { level: 'commune' as const, dueBy: '2024-10-15T00:00:00+07:00' }] };
    spec
      .given([])
      .when({ ...open, period: twice })
      .thenThrows(DomainRuleViolation, /Mỗi cấp có một hạn nộp/);
    const above = { ...period, deadlines: [{ level: 'province' as const, dueBy: '2024-12-01T00:00:00+07:00' }] };
    spec
      .given([])
      .when({ ...open, period: above })
      .thenThrows(DomainRuleViolation, /Cơ quan cấp huyện không được đặt hạn nộp cho cấp tỉnh/);
  });
});
