import type { Actor, AdministrativeLevel, Role } from '@cem/contracts';

/** A test actor acting in `role` at the last unit of `unitPath`. */
export function actorAt(role: Role, level: AdministrativeLevel, unitPath: string[], id = `${role}@${unitPath.at(-1)}`): Actor {
  return { id, role, level, unitId: unitPath[unitPath.length - 1], unitPath };
}

export const PATHS = {
  hcm: ['vn', 'vn-hcm'],
  hcmSoKhcn: ['vn', 'vn-hcm', 'vn-hcm-so-khcn'],
  hcmSoNoiVu: ['vn', 'vn-hcm', 'vn-hcm-so-noi-vu'],
  binhChanh: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
  binhChanhNoiVu: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-phong-noi-vu'],
  binhChanhVhtt: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-phong-vhtt'],
  tanKien: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
  vinhLocA: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-vinh-loc-a'],
  cuChi: ['vn', 'vn-hcm', 'vn-hcm-cu-chi'],
  cuChiNoiVu: ['vn', 'vn-hcm', 'vn-hcm-cu-chi', 'vn-hcm-cu-chi-phong-noi-vu'],
  haNam: ['vn', 'vn-ha-nam'],
  central: ['vn'],
  centralMttq: ['vn', 'vn-mttq'],
} as const satisfies Record<string, readonly string[]>;

export const path = (key: keyof typeof PATHS): string[] => [...PATHS[key]];
export const ADMIN = actorAt('admin', 'central', ['vn']);
