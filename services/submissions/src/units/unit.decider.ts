import type { Actor, SubmissionsEvent, UnitKind, UnitRegisteredData, AdministrativeLevel } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure, ensureAllowed } from '../shared/rules';
import { ParentUnit, placeUnit } from './unit.rules';

export type UnitEvent = SubmissionsEvent<typeof SUBMISSIONS_EVENTS.UnitRegistered>;

export interface RegisterUnit {
  type: 'RegisterUnit';
  actor: Actor;
  unitId: string;
  name: string;
  kind: UnitKind;
  level: AdministrativeLevel;
  /** The parent's registered facts, looked up by the handler; absent only for the root. */
  parent?: ParentUnit;
}
export type UnitCommand = RegisterUnit;

export type UnitState = { registered: false } | { registered: true; unit: UnitRegisteredData };

/** What a child needs to know about this unit to be placed under it. */
export function asParent(unit: UnitRegisteredData): ParentUnit {
  return { unitId: unit.unitId, kind: unit.kind, level: unit.level, unitPath: unit.unitPath };
}

function decide(command: UnitCommand, state: UnitState): UnitEvent[] {
  // The unit tree is reference data every permission depends on, so only administrators change it.
  ensureAllowed(command.actor.role === 'admin', 'Chỉ quản trị hệ thống được đăng ký đơn vị');
  ensure(!state.registered, 'unit-already-registered', `Đơn vị ${command.unitId} đã được đăng ký`);
  const unitPath = placeUnit(command, command.parent);
  return [
    {
      type: SUBMISSIONS_EVENTS.UnitRegistered,
      data: {
        unitId: command.unitId,
        name: command.name,
        kind: command.kind,
        level: command.level,
        ...(command.parent ? { parentUnitId: command.parent.unitId } : {}),
        unitPath,
      },
    },
  ];
}

function evolve(_state: UnitState, event: UnitEvent): UnitState {
  return { registered: true, unit: event.data };
}

export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  initialState: () => ({ registered: false }),
  decide,
  evolve,
};

export const unitStreamId = (unitId: string) => `unit-${unitId}`;
