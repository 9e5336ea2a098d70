/** Administrative levels, top to bottom: Trung ương > tỉnh/Thành phố > huyện/quận > xã/phường/thị trấn. */
export const ADMINISTRATIVE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number];

export const LEVEL_LABELS_VI: Record<AdministrativeLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh/Thành phố',
  district: 'Huyện/Quận',
  commune: 'Xã/Phường/Thị trấn',
};

/** The level directly above, or undefined for central. */
export function parentLevel(level: AdministrativeLevel): AdministrativeLevel | undefined {
  const i = ADMINISTRATIVE_LEVELS.indexOf(level);
  return i > 0 ? ADMINISTRATIVE_LEVELS[i - 1] : undefined;
}

/** Roles people act in. One token carries one role at one unit; no token carries SYSTEM_ROLE. */
export const ROLES = [
  'submitter', // cá nhân / tác giả
  'unit-officer', // cán bộ đơn vị đề cử
  'agency-officer', // cơ quan tiếp nhận theo lĩnh vực
  'front-chair', // Chủ tịch Ủy ban MTTQ (establishes councils)
  'council-chair', // Chủ tịch Hội đồng
  'council-secretary', // Thư ký Hội đồng
  'council-member', // Thành viên Hội đồng
  'expert', // Chuyên gia
  'emulation-board', // Ban Thi đua - Khen thưởng
  'authority', // cấp có thẩm quyền quyết định khen thưởng
  'standing-body', // cơ quan thường trực tổng hợp báo cáo
  'auditor', // kiểm tra, giám sát (read-only)
  'analyst',
  'admin',
] as const;
export type PersonRole = (typeof ROLES)[number];

/** The role of what the platform records by itself, reacting to another service's event (never a person's). */
export const SYSTEM_ROLE = 'system';
export const SYSTEM_ACTOR_NAME_VI = 'Hệ thống (tự động)';
export type Role = PersonRole | typeof SYSTEM_ROLE;

/**
 * Who did something. `unitPath` lists unit ids from the top (central) down to the actor's own unit,
 * so jurisdiction ("is this record inside my unit's subtree?") is answerable without a lookup.
 */
export interface Actor {
  id: string;
  name?: string;
  role: Role;
  unitId: string;
  level: AdministrativeLevel;
  unitPath: string[];
  /**
   * Set when the person acts for a jurisdiction by a mandate (ủy quyền / giao nhiệm vụ): `unitId`, `unitPath`
   * and `level` above are then the jurisdiction's, and this keeps the person's own unit and the decision, so
   * every event records both (see docs/security.md).
   */
  mandate?: MandateUse;
}

/** Which mandate a person used, and the unit they belong to themselves. */
export interface MandateUse {
  mandateId: string;
  decisionRef: string;
  ownUnitId: string;
  ownUnitPath: string[];
  ownLevel: AdministrativeLevel;
}

/**
 * The actor recorded on events a service appends by itself, reacting to another service's event (the event
 * that caused it is the metadata's causationId). Not an administrator: it is counted as nobody's action.
 */
export function systemActor(context: string): Actor {
  return { id: `system:${context}`, name: SYSTEM_ACTOR_NAME_VI, role: SYSTEM_ROLE, unitId: 'system', level: 'central', unitPath: [] };
}
