import type { MintRequest } from './local-issuer';

/** A unit id is its parent's id + '-' + slug, so a unit path is the chain of prefixes (seed data uses the same ids). */
export function unitPathOf(...slugs: string[]): string[] {
  return slugs.map((_, i) => slugs.slice(0, i + 1).join('-'));
}

function demoUser(sub: string, name: string, role: MintRequest['role'], level: MintRequest['level'], slugs: string[]) {
  const unitPath = unitPathOf(...slugs);
  return { sub, name, role, level, unitPath, unitId: unitPath[unitPath.length - 1] } satisfies MintRequest;
}

/** People to try the platform as; `npm run token -- --demo <key>` and the embedded launcher mint for them. */
export const DEMO_USERS = {
  'commune-officer': demoUser('demo-commune-officer', 'Nguyễn Văn An', 'unit-officer', 'commune', ['vn', 'hcm', 'binh-chanh', 'tan-kien']),
  submitter: demoUser('demo-submitter', 'Trần Thị Bình', 'submitter', 'commune', ['vn', 'hcm', 'binh-chanh', 'tan-kien']),
  'district-agency-officer': demoUser('demo-district-agency', 'Lê Minh Châu', 'agency-officer', 'district', [
    'vn',
    'hcm',
    'binh-chanh',
    'phong-noi-vu',
  ]),
  'district-front-chair': demoUser('demo-district-front-chair', 'Phạm Quốc Dũng', 'front-chair', 'district', ['vn', 'hcm', 'binh-chanh']),
  'province-council-secretary': demoUser('demo-ha-nam-secretary', 'Hoàng Thu Hà', 'council-secretary', 'province', ['vn', 'ha-nam']),
  'province-emulation-board': demoUser('demo-ha-nam-board', 'Vũ Đức Giang', 'emulation-board', 'province', ['vn', 'ha-nam']),
  admin: demoUser('demo-admin', 'Quản trị hệ thống', 'admin', 'central', ['vn']),
  auditor: demoUser('demo-auditor', 'Đặng Thanh Hương', 'auditor', 'central', ['vn']),
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;
