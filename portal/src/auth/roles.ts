// The role groups and the roles are the platform's (libs/contracts): the portal shows what the services allow.
import { ROLES } from '../../../libs/contracts/src/administrative';
import { AWARD_HISTORY_READERS, SCORING_ROLES } from '../../../libs/contracts/src/role-groups';

/** Each role's area of the portal (its home page) and which areas it may open. */
export interface Area {
  path: string;
  title: string;
  roles: string[];
}

export const AREAS: Area[] = [
  { path: '/don-vi', title: 'Hồ sơ của đơn vị', roles: ['submitter', 'unit-officer'] },
  { path: '/tiep-nhan', title: 'Tiếp nhận hồ sơ', roles: ['agency-officer'] },
  { path: '/hoi-dong', title: 'Hội đồng thẩm định', roles: ['council-secretary', 'council-chair', 'front-chair'] },
  { path: '/tham-dinh', title: 'Phiếu chấm của tôi', roles: [...SCORING_ROLES] },
  { path: '/khen-thuong', title: 'Đề nghị khen thưởng', roles: ['emulation-board', 'authority'] },
  // Before reporting: an auditor's home is the audit (search, decision history).
  { path: '/kiem-tra', title: 'Kiểm tra, giám sát', roles: ['auditor'] },
  { path: '/bao-cao', title: 'Báo cáo và thống kê', roles: ['standing-body', 'analyst', 'admin', 'emulation-board', 'auditor'] },
  { path: '/lich-su-khen-thuong', title: 'Lịch sử khen thưởng', roles: [...AWARD_HISTORY_READERS] },
  // The initiative database: every role a person acts in.
  { path: '/sang-kien', title: 'Cơ sở dữ liệu sáng kiến', roles: [...ROLES] },
  {
    path: '/toan-canh',
    title: 'Toàn cảnh phong trào',
    roles: [
      'unit-officer',
      'agency-officer',
      'front-chair',
      'council-chair',
      'council-secretary',
      'emulation-board',
      'authority',
      'standing-body',
      'auditor',
      'analyst',
      'admin',
    ],
  },
  { path: '/cong-khai', title: 'Gương sáng tạo (công khai)', roles: [] },
];

export function areasFor(role: string): Area[] {
  return AREAS.filter((a) => a.roles.includes(role));
}

export function homeFor(role: string): string {
  return areasFor(role)[0]?.path ?? '/cong-khai';
}
