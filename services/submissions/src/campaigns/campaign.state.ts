import type {
  AppealRulesSetData,
  CampaignLaunchedData,
  EditionPhase,
  FieldAddedData,
  ReceivingAgencyAssignedData,
  SubmissionDeadlineSetData,
  SubmissionsEvent,
  SUBMISSIONS_EVENTS,
} from '@cem/contracts';

type E = typeof SUBMISSIONS_EVENTS;
export type CampaignEvent = SubmissionsEvent<
  | E['CampaignLaunched']
  | E['EditionOpened']
  | E['FieldAdded']
  | E['ReceivingAgencyAssigned']
  | E['SubmissionDeadlineSet']
  | E['AppealRulesSet']
>;

export interface CampaignState {
  campaign: CampaignLaunchedData | null;
  /** year -> phases */
  editions: Record<number, EditionPhase[]>;
  fields: Record<string, FieldAddedData>;
  /** The current assignment per (field, level, jurisdiction); a later letter replaces an earlier one. */
  agencies: ReceivingAgencyAssignedData[];
  /** The current deadline per (year, level, jurisdiction or level-wide). */
  deadlines: SubmissionDeadlineSetData[];
  /** The appeal window and who decides appeals (absent: the campaign takes no appeals). */
  appealRules?: AppealRulesSetData;
}

export const initialCampaignState = (): CampaignState => ({
  campaign: null,
  editions: {},
  fields: {},
  agencies: [],
  deadlines: [],
});

const sameAgencySlot = (a: ReceivingAgencyAssignedData, b: ReceivingAgencyAssignedData) =>
  a.fieldCode === b.fieldCode && a.level === b.level && a.jurisdictionUnitId === b.jurisdictionUnitId;

const sameDeadlineSlot = (a: SubmissionDeadlineSetData, b: SubmissionDeadlineSetData) =>
  a.year === b.year && a.level === b.level && a.jurisdictionUnitId === b.jurisdictionUnitId;

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'submissions.CampaignLaunched':
      return { ...state, campaign: event.data };
    case 'submissions.EditionOpened':
      return { ...state, editions: { ...state.editions, [event.data.year]: event.data.phases } };
    case 'submissions.FieldAdded':
      return { ...state, fields: { ...state.fields, [event.data.fieldCode]: event.data } };
    case 'submissions.ReceivingAgencyAssigned':
      return { ...state, agencies: [...state.agencies.filter((a) => !sameAgencySlot(a, event.data)), event.data] };
    case 'submissions.SubmissionDeadlineSet':
      return { ...state, deadlines: [...state.deadlines.filter((d) => !sameDeadlineSlot(d, event.data)), event.data] };
    case 'submissions.AppealRulesSet':
      return { ...state, appealRules: event.data };
  }
}
