import type { RecordedEvent } from '@cem/contracts';
import { systemActor } from '@cem/contracts';
import { editionYearsOf, fieldCodesOf, receivingAgencyFor, submissionDeadlineFor } from './campaign.queries';
import { CAMPAIGN_ID, EDITION_2024, FIELD_KHCN, LAUNCHED } from './campaign.fixtures';
import { applyCampaign, CampaignDoc, campaignStateOf } from './campaign.projection';
import type { CampaignEvent } from './campaign.state';
import { SUBMISSIONS_EVENTS as E } from '@cem/contracts';

const asRecorded = (e: CampaignEvent, i: number) =>
  ({
    ...e,
    metadata: { actor: systemActor('test'), occurredAt: `2024-08-2${i}T00:00:00Z`, correlationId: 'c', source: 'submissions' },
  }) as unknown as RecordedEvent;

describe('campaigns projection', () => {
  const events: CampaignEvent[] = [
    LAUNCHED,
    EDITION_2024,
    FIELD_KHCN,
    {
      type: E.ReceivingAgencyAssigned,
      data: {
        campaignId: CAMPAIGN_ID,
        fieldCode: 'khcn',
        level: 'district',
        jurisdictionUnitId: 'vn-hcm-binh-chanh',
        agencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
      },
    },
    { type: E.SubmissionDeadlineSet, data: { campaignId: CAMPAIGN_ID, year: 2024, level: 'district', deadline: '2024-10-31' } },
  ];
  const doc = events.map(asRecorded).reduce<CampaignDoc | null>((d, e) => applyCampaign(d, e, CAMPAIGN_ID), null)!;

  it('holds the decider state the handlers look facts up in', () => {
    const state = campaignStateOf(doc);
    expect(doc).toMatchObject({ _id: CAMPAIGN_ID, campaignId: CAMPAIGN_ID, updatedAt: '2024-08-24T00:00:00Z' });
    expect(fieldCodesOf(state)).toEqual(['khcn']);
    expect(editionYearsOf(state)).toEqual([2024]);
    expect(receivingAgencyFor(state, 'khcn', 'district', 'vn-hcm-binh-chanh')).toBe('vn-hcm-binh-chanh-phong-noi-vu');
    expect(submissionDeadlineFor(state, 2024, 'district', 'vn-hcm-binh-chanh')).toBe('2024-10-31');
  });

  it('survives a round trip through JSON (year keys become strings in the store)', () => {
    expect(editionYearsOf(campaignStateOf(JSON.parse(JSON.stringify(doc)) as typeof doc))).toEqual([2024]);
  });
});
