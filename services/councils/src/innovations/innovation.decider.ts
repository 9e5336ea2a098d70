import type { Actor, InnovationAppliedData } from '@cem/contracts';
import { COUNCILS_EVENTS as E, NotFoundError } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure } from '../councils/domain-rule';

/** The work as the innovations read model knows it (looked up by the adapter). */
export interface InnovationWork {
  dossierId: string;
  accepted: boolean;
  nominatingUnitId: string;
}

export interface RecordApplication {
  type: 'RecordApplication';
  actor: Actor;
  work: InnovationWork | undefined;
  /** The applying unit, looked up among the registered units; undefined when unknown. */
  unit: { unitId: string; name: string; unitPath: string[] } | undefined;
  unitId: string;
  appliedFrom: string;
  effect: string;
}

export interface InnovationState {
  applications: InnovationAppliedData[];
}

export type InnovationEvent = { type: typeof E.InnovationApplied; data: InnovationAppliedData };

export const innovationStreamId = (dossierId: string) => `innovation-${dossierId}`;

/**
 * The spread of an accepted work: each further unit that applies it, once, with the effect there. The recording
 * unit is the applying unit or one above it (checked here as well as by the access policy).
 */
export const innovationDecider: Decider<InnovationState, RecordApplication, InnovationEvent> = {
  initialState: () => ({ applications: [] }),
  evolve: (state, event) => ({ applications: [...state.applications, event.data] }),
  decide(command, state) {
    const { work, unit, actor } = command;
    if (!work) throw new NotFoundError('Không tìm thấy sáng kiến trong cơ sở dữ liệu');
    ensure(work.accepted, 'innovation-not-accepted', 'Chỉ ghi nhận áp dụng sáng kiến đã được Hội đồng nghiệm thu');
    ensure(unit, 'unit-unknown', `Đơn vị ${command.unitId} chưa được đăng ký`);
    ensure(
      unit.unitId !== work.nominatingUnitId,
      'own-unit-application',
      'Đơn vị đề cử đã áp dụng sáng kiến: chỉ ghi nhận áp dụng tại đơn vị khác',
    );
    ensure(
      unit.unitPath.includes(actor.unitId),
      'not-applying-unit',
      'Chỉ đơn vị áp dụng hoặc đơn vị cấp trên của đơn vị đó ghi nhận việc áp dụng',
    );
    ensure(command.effect?.trim(), 'effect-required', 'Cần nêu hiệu quả áp dụng');
    ensure(!state.applications.some((a) => a.unitId === unit.unitId), 'already-applied', `Đã ghi nhận ${unit.name} áp dụng sáng kiến này`);
    return [
      {
        type: E.InnovationApplied,
        data: {
          dossierId: work.dossierId,
          unitId: unit.unitId,
          unitName: unit.name,
          unitPath: unit.unitPath,
          appliedFrom: command.appliedFrom,
          effect: command.effect.trim(),
          recordedByUnitId: actor.unitId,
        },
      },
    ];
  },
};
