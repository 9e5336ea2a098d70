import { Actor, ForbiddenError } from '@cem/contracts';
import { allOf, anyOf, atLevel, definePolicy, hasRole, sameUnit, withinJurisdiction } from './authorisation';
import { unitPathOf } from './demo-users';

const districtOfficer: Actor = {
  id: 'u-district',
  role: 'agency-officer',
  unitId: 'vn-hcm-binh-chanh',
  level: 'district',
  unitPath: unitPathOf('vn', 'hcm', 'binh-chanh'),
};
const haNamSecretary: Actor = {
  id: 'u-ha-nam',
  role: 'council-secretary',
  unitId: 'vn-ha-nam',
  level: 'province',
  unitPath: unitPathOf('vn', 'ha-nam'),
};

interface Dossier {
  unitId: string;
  unitPath: string[];
  level: 'commune' | 'district' | 'province' | 'central';
}
const tanKienDossier: Dossier = {
  unitId: 'vn-hcm-binh-chanh-tan-kien',
  unitPath: unitPathOf('vn', 'hcm', 'binh-chanh', 'tan-kien'),
  level: 'district',
};

describe('authorisation rules', () => {
  it('hasRole names the role required and the one held', () => {
    expect(hasRole('agency-officer')(districtOfficer, null)).toBe(true);
    expect(hasRole('agency-officer')(haNamSecretary, null)).toBe(
      'Cần vai trò Cán bộ cơ quan tiếp nhận (bạn đang thực hiện với vai trò Thư ký Hội đồng)',
    );
    expect(hasRole('council-chair', 'council-secretary')(haNamSecretary, null)).toBe(true);
    expect(hasRole('council-chair', 'expert')(districtOfficer, null)).toBe(
      'Cần một trong các vai trò: Chủ tịch Hội đồng, Chuyên gia (bạn đang thực hiện với vai trò Cán bộ cơ quan tiếp nhận)',
    );
  });

  it('sameUnit compares the record unit with the actor unit', () => {
    const rule = sameUnit((d: Dossier) => d.unitId);
    expect(rule({ ...districtOfficer, unitId: tanKienDossier.unitId }, tanKienDossier)).toBe(true);
    expect(rule(districtOfficer, tanKienDossier)).toBe('Đơn vị vn-hcm-binh-chanh-tan-kien không phải đơn vị của bạn (vn-hcm-binh-chanh)');
  });

  it('withinJurisdiction allows the own unit and its ancestors, nobody else', () => {
    const rule = withinJurisdiction((d: Dossier) => d.unitPath);
    expect(rule(districtOfficer, tanKienDossier)).toBe(true); // district above its commune
    expect(rule({ ...districtOfficer, unitId: 'vn' }, tanKienDossier)).toBe(true); // central above all
    expect(rule({ ...districtOfficer, unitId: 'vn-hcm-binh-chanh-tan-kien' }, tanKienDossier)).toBe(true);
    expect(rule(haNamSecretary, tanKienDossier)).toBe('Đơn vị vn-hcm-binh-chanh-tan-kien nằm ngoài phạm vi quản lý của bạn (vn-ha-nam)');
    // A commune cannot reach up into its district's records.
    const districtRecord = { ...tanKienDossier, unitId: 'vn-hcm-binh-chanh', unitPath: unitPathOf('vn', 'hcm', 'binh-chanh') };
    expect(rule({ ...districtOfficer, unitId: 'vn-hcm-binh-chanh-tan-kien' }, districtRecord)).toMatch(/nằm ngoài phạm vi quản lý/);
  });

  it('withinJurisdiction does not confuse a unit with a sibling sharing its prefix', () => {
    const rule = withinJurisdiction<Dossier>((d) => d.unitPath);
    const binhChanhNew = { ...tanKienDossier, unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh-moi'] };
    expect(rule(districtOfficer, binhChanhNew)).toMatch(/nằm ngoài phạm vi quản lý/);
  });

  it('atLevel takes the level from the record or a constant', () => {
    expect(atLevel((d: Dossier) => d.level)(districtOfficer, tanKienDossier)).toBe(true);
    expect(atLevel('province')(districtOfficer, null)).toBe('Việc này do cấp tỉnh thực hiện (bạn đang thực hiện ở cấp huyện)');
  });

  it('allOf allows only when every rule does and reports the first denial', () => {
    const rule = allOf(
      hasRole('agency-officer'),
      withinJurisdiction((d: Dossier) => d.unitPath),
    );
    expect(rule(districtOfficer, tanKienDossier)).toBe(true);
    expect(rule(haNamSecretary, tanKienDossier)).toBe(
      'Cần vai trò Cán bộ cơ quan tiếp nhận (bạn đang thực hiện với vai trò Thư ký Hội đồng)',
    );
    expect(rule({ ...haNamSecretary, role: 'agency-officer' }, tanKienDossier)).toMatch(/nằm ngoài phạm vi quản lý/);
  });

  it('anyOf allows when one rule does and otherwise lists every way in', () => {
    const rule = anyOf(
      hasRole('auditor'),
      withinJurisdiction((d: Dossier) => d.unitPath),
    );
    expect(rule(districtOfficer, tanKienDossier)).toBe(true);
    expect(rule({ ...haNamSecretary, role: 'auditor' }, tanKienDossier)).toBe(true);
    expect(rule(haNamSecretary, tanKienDossier)).toBe(
      'Cần vai trò Kiểm tra viên (bạn đang thực hiện với vai trò Thư ký Hội đồng); hoặc Đơn vị vn-hcm-binh-chanh-tan-kien nằm ngoài phạm vi quản lý của bạn (vn-ha-nam)',
    );
  });
});

describe('definePolicy', () => {
  const dossierPolicy = definePolicy<Dossier, 'receive' | 'read'>({
    // hasRole fits any resource, so the resource type comes from the rules that read it.
    receive: allOf(
      hasRole('agency-officer'),
      withinJurisdiction((d: Dossier) => d.unitPath),
    ),
    read: anyOf(
      hasRole('auditor'),
      withinJurisdiction<Dossier>((d) => d.unitPath),
    ),
  });

  it('check returns the decision with the reason', () => {
    expect(dossierPolicy.check('receive', districtOfficer, tanKienDossier)).toEqual({ allowed: true });
    expect(dossierPolicy.check('read', haNamSecretary, tanKienDossier)).toEqual({
      allowed: false,
      reason: expect.stringContaining('nằm ngoài phạm vi quản lý của bạn (vn-ha-nam)'),
    });
  });

  it('assert throws ForbiddenError carrying the reason', () => {
    expect(() => dossierPolicy.assert('receive', districtOfficer, tanKienDossier)).not.toThrow();
    let thrown: unknown;
    try {
      dossierPolicy.assert('receive', haNamSecretary, tanKienDossier);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect((thrown as ForbiddenError).message).toBe(
      'Cần vai trò Cán bộ cơ quan tiếp nhận (bạn đang thực hiện với vai trò Thư ký Hội đồng)',
    );
    expect((thrown as ForbiddenError).details).toMatchObject({ action: 'receive', actorId: 'u-ha-nam' });
  });

  it('denies an action that has no rule', () => {
    const policy = definePolicy<Dossier>({});
    expect(policy.check('delete', districtOfficer, tanKienDossier)).toEqual({
      allowed: false,
      reason: "Không có quy tắc nào cho phép thao tác 'delete'",
    });
  });
});

describe('unitPathOf', () => {
  it("builds ids as the parent's id plus the slug", () => {
    expect(unitPathOf('vn', 'hcm', 'binh-chanh', 'tan-kien')).toEqual(['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien']);
  });
});
