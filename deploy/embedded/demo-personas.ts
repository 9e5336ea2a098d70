import { readFileSync } from 'fs';
import { join } from 'path';
import { DEMO_USERS, MintRequest, unitPathOf } from '@cem/identity';

/**
 * The people the portal's sign-in page offers on the embedded default: the identity lib's demo users plus
 * everyone the Hà Nam demo scenario needs to walk a dossier from a district to the public showcase (a
 * district officer, the province's field agency, the Front chair, the council's chair and members, the
 * deciding authority, the standing body). Council members' ids are their member ids in the demo council.
 */
function persona(sub: string, name: string, role: MintRequest['role'], level: MintRequest['level'], slugs: string[]): MintRequest {
  const unitPath = unitPathOf(...slugs);
  return { sub, name, role, level, unitPath, unitId: unitPath[unitPath.length - 1] };
}

const HA_NAM = ['vn', 'ha-nam'];

export const PORTAL_PERSONAS = {
  'district-officer-phu-ly': persona('demo-phu-ly-officer', 'Trịnh Văn Bảo', 'unit-officer', 'district', [...HA_NAM, 'phu-ly']),
  'province-agency-khcn': persona('demo-so-khcn-officer', 'Ngô Thị Mai', 'agency-officer', 'province', [...HA_NAM, 'so-khcn']),
  'province-front-chair': persona('demo-ha-nam-front-chair', 'Trần Văn Hải', 'front-chair', 'province', HA_NAM),
  'council-chair': persona('demo-hd-chair', 'Nguyễn Hữu Thắng', 'council-chair', 'province', HA_NAM),
  'council-member-khcn': persona('demo-hd-khcn', 'Lê Văn Khoa', 'council-member', 'province', HA_NAM),
  'council-member-lhh': persona('demo-hd-lhh', 'Phạm Thị Liên', 'council-member', 'province', HA_NAM),
  'council-member-phu-nu': persona('demo-hd-phu-nu', 'Bùi Thị Nga', 'council-member', 'province', HA_NAM),
  'province-authority': persona('demo-ha-nam-authority', 'Đinh Quang Vinh', 'authority', 'province', HA_NAM),
  'province-standing-body': persona('demo-ha-nam-standing', 'Lại Thị Thu', 'standing-body', 'province', HA_NAM),
} satisfies Record<string, MintRequest>;

export const ALL_PERSONAS: Record<string, MintRequest> = { ...DEMO_USERS, ...PORTAL_PERSONAS };

let unitNames: Map<string, string> | undefined;
/** Unit names from the shipped seed (the same file `POST /units/seed` loads). */
export function unitName(unitId: string): string {
  if (!unitNames) {
    unitNames = new Map();
    try {
      const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'services', 'submissions', 'seed', 'units.seed.json'), 'utf8')) as {
        units: Array<{ id: string; name: string }>;
      };
      for (const u of seed.units) unitNames.set(u.id, u.name);
    } catch {
      /* names are a nicety */
    }
  }
  return unitNames.get(unitId) ?? (unitId === 'vn' ? 'Trung ương' : unitId);
}

export interface PersonaListing {
  key: string;
  name: string;
  role: string;
  level: string;
  unitId: string;
  unitName: string;
}

export function personaListing(): PersonaListing[] {
  return Object.entries(ALL_PERSONAS).map(([key, p]) => ({
    key,
    name: p.name ?? key,
    role: p.role,
    level: p.level,
    unitId: p.unitId,
    unitName: unitName(p.unitId),
  }));
}
