import { readFileSync } from 'fs';
import { join } from 'path';
import { DomainRuleViolation, ValidationFailed } from '@cem/contracts';
import { errorOf } from '../shared/error-of';
import { parseUnitSeed } from './unit-seed';

const seedFile = readFileSync(join(__dirname, '../../seed/units.seed.json'), 'utf8');

describe('parseUnitSeed', () => {
  const units = parseUnitSeed(seedFile);
  const byId = new Map(units.map((u) => [u.unitId, u]));

  it('reads the shipped seed: both plans, their agencies and communes', () => {
    expect(byId.get('vn-ha-nam-phu-ly')).toMatchObject({ level: 'district', parentUnitId: 'vn-ha-nam', kind: 'people-committee' });
    expect(byId.get('vn-hcm-binh-chanh-tan-kien')).toMatchObject({
      level: 'commune',
      unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
    });
    // Bodies of a committee stay at its level.
    expect(byId.get('vn-hcm-so-khcn')).toMatchObject({ level: 'province', unitPath: ['vn', 'vn-hcm', 'vn-hcm-so-khcn'] });
    expect(byId.get('vn-ha-nam-so-noi-vu-ban-tdkt')?.unitPath).toEqual([
      'vn',
      'vn-ha-nam',
      'vn-ha-nam-so-noi-vu',
      'vn-ha-nam-so-noi-vu-ban-tdkt',
    ]);
    const cityAgencies = units.filter((u) => u.parentUnitId === 'vn-hcm' && u.kind !== 'people-committee' && u.kind !== 'front-committee');
    expect(cityAgencies).toHaveLength(7);
    const haNamDistricts = units.filter((u) => u.parentUnitId === 'vn-ha-nam' && u.kind === 'people-committee');
    expect(haNamDistricts.map((u) => u.name)).toEqual([
      'Thành phố Phủ Lý',
      'Thị xã Duy Tiên',
      'Huyện Kim Bảng',
      'Huyện Thanh Liêm',
      'Huyện Bình Lục',
      'Huyện Lý Nhân',
    ]);
  });

  it('orders parents before children whatever the input order', () => {
    const shuffled = parseUnitSeed({
      units: [
        {
          id: 'vn-hcm-binh-chanh-tan-kien',
          name: 'Xã Tân Kiên',
          kind: 'people-committee',
          level: 'commune',
          parentId: 'vn-hcm-binh-chanh',
        },
        { id: 'vn-hcm-binh-chanh', name: 'Huyện Bình Chánh', kind: 'people-committee', level: 'district', parentId: 'vn-hcm' },
        { id: 'vn', name: 'Trung ương', kind: 'other', level: 'central' },
        { id: 'vn-hcm', name: 'Thành phố Hồ Chí Minh', kind: 'people-committee', level: 'province', parentId: 'vn' },
      ],
    });
    expect(shuffled.map((u) => u.unitId)).toEqual(['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien']);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentUnitId) expect(seen.has(u.parentUnitId)).toBe(true);
      seen.add(u.unitId);
    }
  });

  const root = { id: 'vn', name: 'Trung ương', kind: 'other', level: 'central' };
  const province = { id: 'vn-hcm', name: 'Thành phố Hồ Chí Minh', kind: 'people-committee', level: 'province', parentId: 'vn' };

  it.each([
    ['an unknown parent', [root, { ...province, parentId: 'vn-x' }], 'unit-parent-unknown'],
    ['a duplicate id', [root, province, province], 'unit-duplicate'],
    ['an id not built from its parent', [root, { ...province, id: 'hcm' }], 'unit-id-not-under-parent'],
    ['a committee skipping a level', [root, { ...province, level: 'district' }], 'unit-level-mismatch'],
    [
      'a department below its committee',
      [root, province, { id: 'vn-hcm-so-khcn', name: 'Sở KH&CN', kind: 'department', level: 'district', parentId: 'vn-hcm' }],
      'unit-level-mismatch',
    ],
    ['a root below central', [{ ...root, level: 'province' }], 'unit-root-not-central'],
  ])('refuses %s', (_label, units, code) => {
    const error = errorOf(() => parseUnitSeed({ units }));
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect((error as DomainRuleViolation).code).toBe(code);
  });

  it('refuses malformed entries with the index and field', () => {
    expect(() => parseUnitSeed({ units: [{ ...root, kind: 'ministry' }] })).toThrow(ValidationFailed);
    expect(() => parseUnitSeed({ units: [{ ...root, kind: 'ministry' }] })).toThrow(/units\[0\]: invalid kind/);
    expect(() => parseUnitSeed({})).toThrow(ValidationFailed);
  });
});
