import { DomainRuleViolation, NotFoundError, COUNCILS_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import type { Actor, Role } from '@cem/contracts';
import { innovationDecider, RecordApplication } from './innovation.decider';

const spec = deciderSpec(innovationDecider);
const haNamActor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  name: role,
  role,
  unitId: 'vn-ha-nam',
  level: 'province',
  unitPath: ['vn', 'vn-ha-nam'],
  ...overrides,
});
const PHU_LY = { unitId: 'vn-ha-nam-phu-ly', name: 'UBND thành phố Phủ Lý', unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'] };
const work = { dossierId: 'hs-1', accepted: true, nominatingUnitId: 'vn-ha-nam-duy-tien' };
const record = (overrides: Partial<RecordApplication> = {}): RecordApplication => ({
  type: 'RecordApplication',
  actor: haNamActor('unit-officer', { unitId: PHU_LY.unitId, unitPath: PHU_LY.unitPath, level: 'district' }),
  work,
  unit: PHU_LY,
  unitId: PHU_LY.unitId,
  appliedFrom: '2026-09-01',
  effect: 'Giảm 30% thời gian',
  ...overrides,
});
const applied = {
  type: E.InnovationApplied,
  data: {
    dossierId: 'hs-1',
    unitId: PHU_LY.unitId,
    unitName: PHU_LY.name,
    unitPath: PHU_LY.unitPath,
    appliedFrom: '2026-09-01',
    effect: 'Giảm 30% thời gian',
    recordedByUnitId: PHU_LY.unitId,
  },
} as const;

describe('innovation database: recording the spread of an accepted work', () => {
  it('records an application in another unit, once', () => {
    spec.given([]).when(record()).then([applied]);
    spec
      .given([applied])
      .when(record())
      .thenThrows(DomainRuleViolation, /Đã ghi nhận/);
  });
  it('lets a unit above the applying unit record it', () => {
    spec
      .given([])
      .when(record({ actor: haNamActor('standing-body') }))
      .then([{ ...applied, data: { ...applied.data, recordedByUnitId: 'vn-ha-nam' } }]);
  });
  it('refuses an unknown or unaccepted work, the nominating unit itself, an unknown unit, a stranger, no effect', () => {
    spec
      .given([])
      .when(record({ work: undefined }))
      .thenThrows(NotFoundError);
    spec
      .given([])
      .when(record({ work: { ...work, accepted: false } }))
      .thenThrows(DomainRuleViolation, /nghiệm thu/);
    spec
      .given([])
      .when(record({ work: { ...work, nominatingUnitId: PHU_LY.unitId } }))
      .thenThrows(DomainRuleViolation, /đơn vị khác/);
    spec
      .given([])
      .when(record({ unit: undefined }))
      .thenThrows(DomainRuleViolation, /chưa được đăng ký/);
    spec
      .given([])
      .when(
        record({
          actor: haNamActor('unit-officer', { unitId: 'vn-ha-nam-duy-tien', unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-duy-tien'] }),
        }),
      )
      .thenThrows(DomainRuleViolation, /cấp trên/);
    spec
      .given([])
      .when(record({ effect: '  ' }))
      .thenThrows(DomainRuleViolation, /hiệu quả/);
  });
});
