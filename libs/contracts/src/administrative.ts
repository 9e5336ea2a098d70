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

/** Roles people act in. One token carries one role at one unit. */
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
export type Role = (typeof ROLES)[number];

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

/** The actor recorded on events raised by the platform itself (reactions to other services' events). */
export function systemActor(context: string): Actor {
  return { id: `system:${context}`, role: 'admin', unitId: 'system', level: 'central', unitPath: [] };
}
