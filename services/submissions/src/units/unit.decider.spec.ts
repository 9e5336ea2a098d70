import { DomainRuleViolation, ForbiddenError, SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { actorAt, ADMIN, path } from '../shared/actors.fixtures';
import { RegisterUnit, unitDecider, UnitEvent } from './unit.decider';
import { ParentUnit } from './unit.rules';

const spec = deciderSpec(unitDecider);
const binhChanh: ParentUnit = { unitId: 'vn-hcm-binh-chanh', kind: 'people-committee', level: 'district', unitPath: path('binhChanh') };
const registerTanKien: RegisterUnit = {
  type: 'RegisterUnit',
  actor: ADMIN,
  unitId: 'vn-hcm-binh-chanh-tan-kien',
  name: 'Xã Tân Kiên',
  kind: 'people-committee',
  level: 'commune',
  parent: binhChanh,
};
const tanKienRegistered: UnitEvent = {
  type: E.UnitRegistered,
  data: {
    unitId: 'vn-hcm-binh-chanh-tan-kien',
    name: 'Xã Tân Kiên',
    kind: 'people-committee',
    level: 'commune',
    parentUnitId: 'vn-hcm-binh-chanh',
    unitPath: path('tanKien'),
  },
};

describe('unit decider', () => {
  it('registers a commune under its district with the full path', () => {
    spec.given([]).when(registerTanKien).then([tanKienRegistered]);
  });

  it('registers the root at central level without a parent', () => {
    spec
      .given([])
      .when({ type: 'RegisterUnit', actor: ADMIN, unitId: 'vn', name: 'Trung ương', kind: 'other', level: 'central' })
      .then([{ type: E.UnitRegistered, data: { unitId: 'vn', name: 'Trung ương', kind: 'other', level: 'central', unitPath: ['vn'] } }]);
  });

  it('keeps a department at its committee level', () => {
    spec
      .given([])
      .when({ ...registerTanKien, unitId: 'vn-hcm-binh-chanh-phong-noi-vu', name: 'Phòng Nội vụ', kind: 'department', level: 'district' })
      .thenMatches(([e]) => expect(e.data).toMatchObject({ level: 'district', unitPath: path('binhChanhNoiVu') }));
    spec
      .given([])
      .when({ ...registerTanKien, unitId: 'vn-hcm-binh-chanh-phong-noi-vu', kind: 'department', level: 'commune' })
      .thenThrows(DomainRuleViolation, /cùng cấp/);
  });

  it('refuses a committee that is not exactly one level below its parent', () => {
    spec
      .given([])
      .when({ ...registerTanKien, level: 'district' })
      .thenThrows(DomainRuleViolation, /ngay dưới/);
  });

  it("refuses an id that is not the parent's id plus a slug", () => {
    spec
      .given([])
      .when({ ...registerTanKien, unitId: 'tan-kien' })
      .thenThrows(DomainRuleViolation, /vn-hcm-binh-chanh/);
    spec
      .given([])
      .when({ ...registerTanKien, unitId: 'vn-hcm-binh-chanh-Tân Kiên' })
      .thenThrows(DomainRuleViolation);
  });

  it('refuses registering the same unit twice', () => {
    spec
      .given([tanKienRegistered])
      .when(registerTanKien)
      .thenThrows(DomainRuleViolation, /đã được đăng ký/);
  });

  it('lets only administrators change the unit tree', () => {
    spec
      .given([])
      .when({ ...registerTanKien, actor: actorAt('unit-officer', 'district', path('binhChanh')) })
      .thenThrows(ForbiddenError);
  });
});
