import { AdministrativeLevel, UnitKind, levelPhrase } from '@cem/contracts';
import { depthOf, ensure } from '../shared/rules';

/** The part of a unit's id below its parent: lowercase ASCII words joined by hyphens. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ParentUnit {
  unitId: string;
  kind: UnitKind;
  level: AdministrativeLevel;
  unitPath: string[];
}

export interface UnitPlacement {
  unitId: string;
  kind: UnitKind;
  level: AdministrativeLevel;
}

/**
 * Where a unit may sit in the tree, and its path. A people's committee governs the next level down from its
 * parent committee (central > province > district > commune), so it sits exactly one level below; every other
 * body (Sở, Phòng, MTTQ, hội, trường...) belongs to the committee or body above it and stays at its level.
 * Shared by the unit decider and the seed parser so both refuse the same trees.
 */
export function placeUnit(unit: UnitPlacement, parent: ParentUnit | undefined): string[] {
  if (!parent) {
    ensure(unit.level === 'central', 'unit-root-not-central', `Đơn vị gốc ${unit.unitId} phải ở cấp Trung ương`);
    ensure(SLUG.test(unit.unitId), 'unit-id-malformed', `Mã đơn vị ${unit.unitId} không hợp lệ`);
    return [unit.unitId];
  }
  const prefix = `${parent.unitId}-`;
  ensure(
    unit.unitId.startsWith(prefix) && SLUG.test(unit.unitId.slice(prefix.length)),
    'unit-id-not-under-parent',
    `Mã đơn vị ${unit.unitId} phải là mã đơn vị cấp trên (${parent.unitId}) nối '-' và tên viết liền không dấu`,
  );
  if (unit.kind === 'people-committee') {
    ensure(
      parent.kind === 'people-committee' || parent.unitPath.length === 1,
      'committee-under-body',
      `Ủy ban nhân dân ${unit.unitId} phải trực thuộc một Ủy ban nhân dân cấp trên`,
    );
    ensure(
      depthOf(unit.level) === depthOf(parent.level) + 1,
      'unit-level-mismatch',
      `Đơn vị ${unit.unitId} phải ở cấp ngay dưới cấp của ${parent.unitId}`,
      { parentLevel: parent.level, level: unit.level },
    );
  } else {
    ensure(
      unit.level === parent.level,
      'unit-level-mismatch',
      `Cơ quan ${unit.unitId} thuộc ${parent.unitId} nên ở cùng cấp với đơn vị đó (${levelPhrase(parent.level)})`,
      { parentLevel: parent.level, level: unit.level },
    );
  }
  return [...parent.unitPath, unit.unitId];
}
