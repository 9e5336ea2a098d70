import type { Actor, AwardDefinedData } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure } from '../shared/domain-rule';
import { awardCataloguePolicy } from './award-catalogue.policy';

export type AwardCatalogueEvent = { type: typeof E.AwardDefined; data: AwardDefinedData };
export type AwardCatalogueCommand = { type: 'DefineAward'; actor: Actor; award: AwardDefinedData };
export type AwardCatalogueState = { award: AwardDefinedData | null };

/** Stream id of one catalogue entry: award codes are unique across levels. */
export const awardStreamId = (awardCode: string) => `award-${awardCode}`;

export const awardCatalogueDecider: Decider<AwardCatalogueState, AwardCatalogueCommand, AwardCatalogueEvent> = {
  initialState: () => ({ award: null }),
  evolve: (state, event) => (event.type === E.AwardDefined ? { award: event.data } : state),
  decide(command, state) {
    const { actor, award } = command;
    awardCataloguePolicy.assert('define', actor, award);
    ensure(!state.award, 'award-exists', `Hình thức khen thưởng ${award.awardCode} đã có trong danh mục`);
    ensure(
      new Set(award.recipientKinds).size === award.recipientKinds.length,
      'duplicate-recipient-kind',
      'Mỗi loại đối tượng khen thưởng chỉ nêu một lần',
    );
    return [{ type: E.AwardDefined, data: award }];
  },
};
