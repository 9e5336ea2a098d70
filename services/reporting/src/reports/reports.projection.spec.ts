import { REPORTING_EVENTS as E } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { communePath, DISTRICT, figures } from './report.fixtures';
import { reportsProjection } from './reports.projection';

const submitted = recorded(E.ReportSubmitted, {
  reportId: 'bc-2024/vn-hcm-binh-chanh-an-phu-tay',
  periodId: 'bc-2024',
  unitId: 'vn-hcm-binh-chanh-an-phu-tay',
  unitPath: communePath('an-phu-tay'),
  level: 'commune',
  figures: figures(2),
  narrative: 'Xã An Phú Tây',
  submittedAt: '2024-11-02T08:00:00Z',
  dueBy: '2024-11-01T00:00:00+07:00',
  late: true,
  aggregated: false,
});

const apply = (events = [submitted]) =>
  events.reduce(
    (doc, e) => reportsProjection.apply(doc, e, reportsProjection.documentIds(e)[0]),
    null as ReturnType<typeof reportsProjection.apply>,
  );

describe('unit reports read model', () => {
  it('files a report under the unit it goes to', () => {
    expect(apply()).toEqual(expect.objectContaining({ parentUnitId: DISTRICT.at(-1), submitted: true, late: true, amendments: 0 }));
  });

  it('an amendment replaces the figures and is counted', () => {
    const amended = recorded(E.ReportAmended, {
      reportId: 'bc-2024/vn-hcm-binh-chanh-an-phu-tay',
      periodId: 'bc-2024',
      unitId: 'vn-hcm-binh-chanh-an-phu-tay',
      figures: figures(3),
      narrative: 'sửa',
      amendedAt: '2024-11-03T08:00:00Z',
      reason: 'bổ sung',
    });
    expect(apply([submitted, amended])).toEqual(expect.objectContaining({ figures: figures(3), narrative: 'sửa', amendments: 1 }));
  });
});
