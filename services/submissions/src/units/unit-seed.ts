import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, UNIT_KINDS, UnitKind, UnitRegisteredData, ValidationFailed } from '@cem/contracts';
import { ensure } from '../shared/rules';
import { placeUnit } from './unit.rules';

interface SeedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  level: AdministrativeLevel;
  parentId?: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function readEntry(raw: unknown, index: number): SeedUnit {
  const e = (raw ?? {}) as Record<string, unknown>;
  const problems = [
    !isText(e.id) && 'id',
    !isText(e.name) && 'name',
    !(UNIT_KINDS as readonly unknown[]).includes(e.kind) && 'kind',
    !(ADMINISTRATIVE_LEVELS as readonly unknown[]).includes(e.level) && 'level',
    e.parentId !== undefined && !isText(e.parentId) && 'parentId',
  ].filter(Boolean);
  if (problems.length) throw new ValidationFailed(`units[${index}]: invalid ${problems.join(', ')}`, { index });
  return e as unknown as SeedUnit;
}

/**
 * Reads a unit seed file ({ units: [{ id, name, kind, level, parentId? }] }) into the UnitRegistered facts to
 * record, parents before children, applying the same placement rules as the unit decider.
 */
export function parseUnitSeed(json: unknown): UnitRegisteredData[] {
  const doc = (typeof json === 'string' ? JSON.parse(json) : json) as { units?: unknown };
  if (!doc || !Array.isArray(doc.units)) throw new ValidationFailed('unit seed: expected { units: [...] }');
  const entries = doc.units.map(readEntry);

  const byId = new Map<string, SeedUnit>();
  for (const e of entries) {
    ensure(!byId.has(e.id), 'unit-duplicate', `Mã đơn vị ${e.id} bị lặp`);
    byId.set(e.id, e);
  }
  const unknownParent = entries.find((e) => e.parentId !== undefined && !byId.has(e.parentId));
  ensure(!unknownParent, 'unit-parent-unknown', `Đơn vị cấp trên ${unknownParent?.parentId} không có trong danh sách`);

  const placed = new Map<string, UnitRegisteredData>();
  const visiting = new Set<string>();
  const place = (e: SeedUnit): UnitRegisteredData => {
    const done = placed.get(e.id);
    if (done) return done;
    ensure(!visiting.has(e.id), 'unit-cycle', `Đơn vị ${e.id} nằm trong một vòng lặp cấp trên`);
    visiting.add(e.id);
    const parent = e.parentId === undefined ? undefined : place(byId.get(e.parentId)!);
    const unitPath = placeUnit({ unitId: e.id, kind: e.kind, level: e.level }, parent && { ...parent });
    const unit: UnitRegisteredData = {
      unitId: e.id,
      name: e.name,
      kind: e.kind,
      level: e.level,
      ...(parent ? { parentUnitId: parent.unitId } : {}),
      unitPath,
    };
    placed.set(e.id, unit);
    return unit;
  };
  entries.forEach(place);
  // Insertion order of `placed` is parent-first by construction.
  return [...placed.values()];
}
