import { RecordedEvent, SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { applyUnit } from './unit.projection';

const registered = (data: object) => ({ type: E.UnitRegistered, data }) as unknown as RecordedEvent;

describe('units projection', () => {
  it('keeps one document per unit with its place in the tree', () => {
    const doc = applyUnit(
      null,
      registered({
        unitId: 'vn-hcm',
        name: 'Thành phố Hồ Chí Minh',
        kind: 'people-committee',
        level: 'province',
        parentUnitId: 'vn',
        unitPath: ['vn', 'vn-hcm'],
      }),
    );
    expect(doc).toEqual({
      _id: 'vn-hcm',
      unitId: 'vn-hcm',
      name: 'Thành phố Hồ Chí Minh',
      kind: 'people-committee',
      level: 'province',
      parentUnitId: 'vn',
      unitPath: ['vn', 'vn-hcm'],
    });
    expect(
      applyUnit(null, registered({ unitId: 'vn', name: 'Trung ương', kind: 'other', level: 'central', unitPath: ['vn'] }))?.parentUnitId,
    ).toBeNull();
  });
});
