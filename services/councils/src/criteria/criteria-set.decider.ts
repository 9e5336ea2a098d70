import type { Actor, CriteriaSetContentData, CriteriaSetDraftedData, CriteriaSetPublishedData, DomainEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { definePolicy, hasRole } from '@cem/identity';
import { ensure } from '../councils/domain-rule';
import { assertValidCriteriaContent } from './criteria-set.rules';

export type CriteriaSetEvent =
  DomainEvent<typeof E.CriteriaSetDrafted, CriteriaSetDraftedData> | DomainEvent<typeof E.CriteriaSetPublished, CriteriaSetPublishedData>;

export type CriteriaSetCommand =
  | { type: 'DraftCriteriaSet'; actor: Actor; content: Omit<CriteriaSetContentData, 'version'> }
  | { type: 'PublishCriteriaSet'; actor: Actor; criteriaSetId: string; version: number; publishedAt: string };

export interface CriteriaSetState {
  draft?: CriteriaSetDraftedData;
  /** Every published version, oldest first; the last one is in force. */
  published: CriteriaSetPublishedData[];
}

export const currentCriteria = (state: CriteriaSetState): CriteriaSetPublishedData | undefined =>
  state.published[state.published.length - 1];

// The plans give criteria-setting to the Front's standing body with the council; criteria sets carry no unit
// yet, so only the role is checked.
const criteriaPolicy = definePolicy<unknown, 'write'>({
  write: hasRole('front-chair', 'council-chair', 'council-secretary'),
});

const IDENTITY = ['criteriaSetId', 'councilId', 'campaignId', 'year', 'fieldCode'] as const;

function decide(command: CriteriaSetCommand, state: CriteriaSetState): CriteriaSetEvent[] {
  criteriaPolicy.assert('write', command.actor, undefined);
  const current = currentCriteria(state);
  switch (command.type) {
    case 'DraftCriteriaSet': {
      const known = state.draft ?? current;
      const changed = known ? IDENTITY.filter((k) => known[k] !== command.content[k]) : [];
      ensure(!changed.length, 'criteria-identity-fixed', `Bộ tiêu chí không được đổi ${changed.join(', ')}`);
      assertValidCriteriaContent(command.content);
      // A published version is frozen: any change is drafted as the next version.
      const version = (current?.version ?? 0) + 1;
      return [{ type: E.CriteriaSetDrafted, data: { ...command.content, version } }];
    }
    case 'PublishCriteriaSet': {
      const { draft } = state;
      ensure(draft, 'no-draft', 'Không có bản dự thảo để ban hành');
      ensure(
        draft.version === command.version,
        'draft-version-mismatch',
        `Bản dự thảo là phiên bản ${draft.version}, không phải ${command.version}`,
      );
      const data: CriteriaSetPublishedData = { ...draft, publishedAt: command.publishedAt };
      if (current) data.supersedesVersion = current.version;
      return [{ type: E.CriteriaSetPublished, data }];
    }
  }
}

function evolve(state: CriteriaSetState, event: CriteriaSetEvent): CriteriaSetState {
  switch (event.type) {
    case E.CriteriaSetDrafted:
      return { ...state, draft: event.data };
    case E.CriteriaSetPublished:
      return { draft: undefined, published: [...state.published, event.data] };
    default:
      return state;
  }
}

export const criteriaSetDecider: Decider<CriteriaSetState, CriteriaSetCommand, CriteriaSetEvent> = {
  initialState: () => ({ published: [] }),
  evolve,
  decide,
};

export const criteriaSetStreamId = (criteriaSetId: string) => `criteria-set-${criteriaSetId}`;
