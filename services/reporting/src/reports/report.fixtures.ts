import type { Actor, ReportFigures, ReportingPeriodOpenedData, Role } from '@cem/contracts';

export const DISTRICT = ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'];
export const communePath = (slug: string) => [...DISTRICT, `vn-hcm-binh-chanh-${slug}`];

export const actorAt = (role: Role, unitPath: string[], level: Actor['level']): Actor => ({
  id: `u-${role}-${unitPath[unitPath.length - 1]}`,
  role,
  unitId: unitPath[unitPath.length - 1],
  level,
  unitPath,
});

export const districtStandingBody = actorAt('standing-body', DISTRICT, 'district');
export const communeOfficer = (slug: string) => actorAt('unit-officer', communePath(slug), 'commune');

/** Bình Chánh 2024: units report "trước ngày 01 tháng 11"; the district to the city by 15 November. */
export const period2024: ReportingPeriodOpenedData = {
  periodId: 'bc-2024-yearly',
  year: 2024,
  kind: 'yearly',
  campaignId: 'hcm-sang-tao-2024',
  title: 'Báo cáo kết quả thực hiện Đề án năm 2024',
  openedByUnitId: 'vn-hcm-binh-chanh',
  deadlines: [
    { level: 'commune', dueBy: '2024-11-01T00:00:00+07:00' },
    { level: 'district', dueBy: '2024-11-15T00:00:00+07:00' },
  ],
};

export const figures = (n: number): ReportFigures => ({
  dossiersSubmitted: n,
  initiativesApplied: 2 * n,
  modelsRegistered: 1,
  awardsGiven: 0,
  unitsCommended: n > 2 ? 1 : 0,
});
