import { missingReports } from './missing-reports';
import { period2024 } from './report.fixtures';

describe('missing and late reports', () => {
  const expected = [
    { unitId: 'tan-kien', level: 'commune' as const },
    { unitId: 'binh-loi', level: 'commune' as const },
    { unitId: 'le-minh-xuan', level: 'commune' as const },
    { unitId: 'binh-chanh', level: 'district' as const },
  ];
  const submitted = [
    { unitId: 'tan-kien', reportId: 'r1', submittedAt: '2024-10-20T00:00:00+07:00' },
    { unitId: 'binh-loi', reportId: 'r2', submittedAt: '2024-11-03T00:00:00+07:00' },
  ];

  it('after the commune deadline: missing communes, late communes, the district still pending', () => {
    const r = missingReports(period2024, expected, submitted, '2024-11-05T00:00:00+07:00');
    expect(r.missing).toEqual([{ unitId: 'le-minh-xuan', level: 'commune', dueBy: '2024-11-01T00:00:00+07:00' }]);
    expect(r.late).toEqual([
      {
        unitId: 'binh-loi',
        level: 'commune',
        reportId: 'r2',
        submittedAt: '2024-11-03T00:00:00+07:00',
        dueBy: '2024-11-01T00:00:00+07:00',
      },
    ]);
    expect(r.pending).toEqual([{ unitId: 'binh-chanh', level: 'district', dueBy: '2024-11-15T00:00:00+07:00' }]);
  });

  it('before any deadline nobody is missing', () => {
    const r = missingReports(period2024, expected, [], new Date('2024-10-01T00:00:00Z'));
    expect(r.missing).toEqual([]);
    expect(r.pending.map((u) => u.unitId)).toEqual(['tan-kien', 'binh-loi', 'le-minh-xuan', 'binh-chanh']);
  });
});
