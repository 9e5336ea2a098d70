import type { AdministrativeLevel } from '@cem/contracts';
import type { CampaignState } from './campaign.state';

/**
 * Look-ups the dossier handlers resolve from a campaign before calling the pure dossier decider, so that the
 * decider gets facts (agency, deadline, field codes) rather than a campaign.
 */

export const fieldCodesOf = (state: CampaignState): string[] => Object.keys(state.fields);

export const editionYearsOf = (state: CampaignState): number[] => Object.keys(state.editions).map(Number);

/** The unit receiving a field's dossiers at a level within a jurisdiction, if one is assigned. */
export function receivingAgencyFor(
  state: CampaignState,
  fieldCode: string,
  level: AdministrativeLevel,
  jurisdictionUnitId: string,
): string | undefined {
  return state.agencies.find((a) => a.fieldCode === fieldCode && a.level === level && a.jurisdictionUnitId === jurisdictionUnitId)
    ?.agencyUnitId;
}

/** The deadline applying to a jurisdiction at a level: its own if set, otherwise the level-wide one. */
export function submissionDeadlineFor(
  state: CampaignState,
  year: number,
  level: AdministrativeLevel,
  jurisdictionUnitId: string,
): string | undefined {
  const atLevel = state.deadlines.filter((d) => d.year === year && d.level === level);
  return (atLevel.find((d) => d.jurisdictionUnitId === jurisdictionUnitId) ?? atLevel.find((d) => d.jurisdictionUnitId === undefined))
    ?.deadline;
}
