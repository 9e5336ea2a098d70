import { RecordedEvent, SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import type { Projection } from '@cem/read-models';
import { CampaignEvent, CampaignState, evolveCampaign, initialCampaignState } from './campaign.state';

/**
 * One document per campaign holding the same state the decider folds (fields, agencies, deadlines, editions),
 * so the dossier handlers answer their look-ups with campaign.queries on it instead of replaying the stream.
 */
export type CampaignDoc = { _id: string; campaignId: string; updatedAt: string } & {
  // Mapped (not the interface itself) so the document satisfies the store's index signature.
  [K in keyof CampaignState]: CampaignState[K];
};

const CAMPAIGN_EVENT_TYPES = [
  E.CampaignLaunched,
  E.EditionOpened,
  E.FieldAdded,
  E.ReceivingAgencyAssigned,
  E.SubmissionDeadlineSet,
  E.AppealRulesSet,
];

export function applyCampaign(doc: CampaignDoc | null, recorded: RecordedEvent, id: string): CampaignDoc | null {
  if (!CAMPAIGN_EVENT_TYPES.includes(recorded.type as (typeof CAMPAIGN_EVENT_TYPES)[number])) return doc;
  const { _id: _i, campaignId: _c, updatedAt: _u, ...state } = doc ?? { _id: id, campaignId: id, updatedAt: '', ...initialCampaignState() };
  const next = evolveCampaign(state, recorded as unknown as CampaignEvent);
  return { _id: id, campaignId: id, updatedAt: recorded.metadata.occurredAt, ...next };
}

export const campaignStateOf = ({ campaign, editions, fields, agencies, deadlines, appealRules }: CampaignDoc): CampaignState => ({
  campaign,
  editions,
  fields,
  agencies,
  deadlines,
  ...(appealRules ? { appealRules } : {}),
});

export const campaignProjection: Projection<CampaignDoc> = {
  name: 'submissions.campaigns',
  collection: 'campaigns',
  version: 1,
  eventTypes: CAMPAIGN_EVENT_TYPES,
  documentIds: (event) => [(event.data as { campaignId: string }).campaignId],
  apply: applyCampaign,
};
