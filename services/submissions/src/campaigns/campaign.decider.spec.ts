import {
  CampaignLaunchedData,
  DomainRuleViolation,
  EditionOpenedData,
  ForbiddenError,
  NotFoundError,
  SUBMISSIONS_EVENTS as E,
} from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { evolveAll } from '@cem/decider';
import { actorAt, path } from '../shared/actors.fixtures';
import { AssignReceivingAgency, campaignDecider, LaunchCampaign, SetSubmissionDeadline } from './campaign.decider';
import { CAMPAIGN_ID, CITY_OFFICER, DISTRICT_OFFICER, EDITION_2024, FIELD_KHCN, LAUNCHED } from './campaign.fixtures';
import { editionYearsOf, fieldCodesOf, receivingAgencyFor, submissionDeadlineFor } from './campaign.queries';
import type { CampaignEvent } from './campaign.state';

const spec = deciderSpec(campaignDecider);
const launch: LaunchCampaign = { ...(LAUNCHED.data as CampaignLaunchedData), type: 'LaunchCampaign', actor: CITY_OFFICER };
const binhChanh = { unitId: 'vn-hcm-binh-chanh', level: 'district' as const, unitPath: path('binhChanh') };
const assignNoiVu: AssignReceivingAgency = {
  type: 'AssignReceivingAgency',
  actor: DISTRICT_OFFICER,
  fieldCode: 'khcn',
  jurisdiction: binhChanh,
  agency: { unitId: 'vn-hcm-binh-chanh-phong-noi-vu', level: 'district', unitPath: path('binhChanhNoiVu') },
  letterRef: 'Công văn 2717/UBND',
};
const districtDeadline: SetSubmissionDeadline = {
  type: 'SetSubmissionDeadline',
  actor: CITY_OFFICER,
  year: 2024,
  level: 'district',
  deadline: '2024-10-31',
};

describe('campaign decider: launching', () => {
  it('launches a city campaign by a city officer', () => {
    spec.given([]).when(launch).then([LAUNCHED]);
  });

  it('refuses launching by an actor at another level', () => {
    spec
      .given([])
      .when({ ...launch, actor: DISTRICT_OFFICER })
      .thenThrows(ForbiddenError, /cấp tỉnh/);
  });

  it('refuses launching from another unit of the same level', () => {
    spec
      .given([])
      .when({ ...launch, actor: actorAt('unit-officer', 'province', path('haNam')) })
      .thenThrows(ForbiddenError);
  });

  it('refuses launching twice and a reversed period', () => {
    spec
      .given([LAUNCHED])
      .when(launch)
      .thenThrows(DomainRuleViolation, /đã được phát động/);
    spec
      .given([])
      .when({ ...launch, period: { fromYear: 2025, toYear: 2021 } })
      .thenThrows(DomainRuleViolation, /Giai đoạn/);
  });

  it('refuses anything on a campaign never launched', () => {
    spec
      .given([])
      .when({ type: 'AddField', actor: CITY_OFFICER, fieldCode: 'khcn', name: 'Khoa học - Công nghệ' })
      .thenThrows(NotFoundError);
  });
});

describe('campaign decider: editions and fields', () => {
  const open = { type: 'OpenEdition' as const, actor: CITY_OFFICER, year: 2024, phases: (EDITION_2024.data as EditionOpenedData).phases };

  it('opens an edition within the period, once', () => {
    spec.given([LAUNCHED]).when(open).then([EDITION_2024]);
    spec
      .given([LAUNCHED, EDITION_2024])
      .when(open)
      .thenThrows(DomainRuleViolation, /đã được mở/);
  });

  it('refuses an edition year outside the period', () => {
    spec
      .given([LAUNCHED])
      .when({ ...open, year: 2026 })
      .thenThrows(DomainRuleViolation, /ngoài giai đoạn 2021 - 2025/);
  });

  it('refuses phases with a duplicate code or ending before they start', () => {
    const phase = { code: 'a', name: 'A', opensOn: '2024-01-01', closesOn: '2024-02-01' };
    spec
      .given([LAUNCHED])
      .when({ ...open, phases: [phase, phase] })
      .thenThrows(DomainRuleViolation, /lặp/);
    spec
      .given([LAUNCHED])
      .when({ ...open, phases: [{ ...phase, closesOn: '2023-12-31' }] })
      .thenThrows(DomainRuleViolation, /kết thúc trước/);
  });

  it('adds fields with unique codes, only by the launching level', () => {
    const add = { type: 'AddField' as const, actor: CITY_OFFICER, fieldCode: 'khcn', name: 'Khoa học - Công nghệ' };
    spec.given([LAUNCHED]).when(add).then([FIELD_KHCN]);
    spec.given([LAUNCHED, FIELD_KHCN]).when(add).thenThrows(DomainRuleViolation, /đã có/);
    spec
      .given([LAUNCHED])
      .when({ ...add, actor: DISTRICT_OFFICER })
      .thenThrows(ForbiddenError);
  });
});

describe('campaign decider: receiving agencies and deadlines', () => {
  it('lets the district assign its agency for a known field (Công văn 2717/UBND)', () => {
    spec
      .given([LAUNCHED, FIELD_KHCN])
      .when(assignNoiVu)
      .then([
        {
          type: E.ReceivingAgencyAssigned,
          data: {
            campaignId: CAMPAIGN_ID,
            fieldCode: 'khcn',
            level: 'district',
            jurisdictionUnitId: 'vn-hcm-binh-chanh',
            agencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
            letterRef: 'Công văn 2717/UBND',
          },
        },
      ]);
  });

  it('refuses an agency for a field the campaign does not have', () => {
    spec
      .given([LAUNCHED, FIELD_KHCN])
      .when({ ...assignNoiVu, fieldCode: 'vhnt' })
      .thenThrows(DomainRuleViolation, /vhnt/);
  });

  it('refuses an agency outside the jurisdiction and a jurisdiction above the campaign', () => {
    const cuChiAgency = { unitId: 'vn-hcm-cu-chi-phong-noi-vu', level: 'district' as const, unitPath: path('cuChiNoiVu') };
    spec
      .given([LAUNCHED, FIELD_KHCN])
      .when({ ...assignNoiVu, agency: cuChiAgency })
      .thenThrows(DomainRuleViolation, /không thuộc/);
    const central = { unitId: 'vn', level: 'central' as const, unitPath: ['vn'] };
    spec
      .given([LAUNCHED, FIELD_KHCN])
      .when({ ...assignNoiVu, actor: actorAt('admin', 'central', ['vn']), jurisdiction: central })
      .thenThrows(DomainRuleViolation, /không tổ chức/);
  });

  it("refuses another district's officer assigning Bình Chánh's agencies", () => {
    spec
      .given([LAUNCHED, FIELD_KHCN])
      .when({ ...assignNoiVu, actor: actorAt('unit-officer', 'district', path('cuChiNoiVu')) })
      .thenThrows(ForbiddenError);
  });

  it('sets a level-wide deadline only for an opened edition', () => {
    spec
      .given([LAUNCHED, EDITION_2024])
      .when(districtDeadline)
      .then([{ type: E.SubmissionDeadlineSet, data: { campaignId: CAMPAIGN_ID, year: 2024, level: 'district', deadline: '2024-10-31' } }]);
    spec
      .given([LAUNCHED, EDITION_2024])
      .when({ ...districtDeadline, year: 2023 })
      .thenThrows(DomainRuleViolation, /chưa được mở/);
  });

  it('lets a district set its own deadline but not the level-wide one', () => {
    spec
      .given([LAUNCHED, EDITION_2024])
      .when({ ...districtDeadline, actor: DISTRICT_OFFICER, jurisdiction: binhChanh, deadline: '2024-10-15' })
      .thenMatches(([e]) => expect(e.data).toMatchObject({ jurisdictionUnitId: 'vn-hcm-binh-chanh', deadline: '2024-10-15' }));
    spec
      .given([LAUNCHED, EDITION_2024])
      .when({ ...districtDeadline, actor: DISTRICT_OFFICER })
      .thenThrows(ForbiddenError);
    spec
      .given([LAUNCHED, EDITION_2024])
      .when({ ...districtDeadline, level: 'province', jurisdiction: binhChanh })
      .thenThrows(DomainRuleViolation, /không ở cấp tỉnh/);
  });
});

describe('campaign queries', () => {
  const assigned = (agencyUnitId: string, letterRef?: string): CampaignEvent => ({
    type: E.ReceivingAgencyAssigned,
    data: {
      campaignId: CAMPAIGN_ID,
      fieldCode: 'khcn',
      level: 'district',
      jurisdictionUnitId: 'vn-hcm-binh-chanh',
      agencyUnitId,
      letterRef,
    },
  });
  const deadline = (value: string, jurisdictionUnitId?: string): CampaignEvent => ({
    type: E.SubmissionDeadlineSet,
    data: { campaignId: CAMPAIGN_ID, year: 2024, level: 'district', jurisdictionUnitId, deadline: value },
  });

  it('answers the current agency, the latest letter winning', () => {
    const state = evolveAll(campaignDecider, [
      LAUNCHED,
      FIELD_KHCN,
      assigned('vn-hcm-binh-chanh-phong-vhtt'),
      assigned('vn-hcm-binh-chanh-phong-noi-vu'),
    ]);
    expect(receivingAgencyFor(state, 'khcn', 'district', 'vn-hcm-binh-chanh')).toBe('vn-hcm-binh-chanh-phong-noi-vu');
    expect(receivingAgencyFor(state, 'khcn', 'district', 'vn-hcm-cu-chi')).toBeUndefined();
    expect(fieldCodesOf(state)).toEqual(['khcn']);
  });

  it("prefers a jurisdiction's own deadline to the level-wide one", () => {
    const state = evolveAll(campaignDecider, [LAUNCHED, EDITION_2024, deadline('2024-10-31'), deadline('2024-10-15', 'vn-hcm-binh-chanh')]);
    expect(submissionDeadlineFor(state, 2024, 'district', 'vn-hcm-binh-chanh')).toBe('2024-10-15');
    expect(submissionDeadlineFor(state, 2024, 'district', 'vn-hcm-cu-chi')).toBe('2024-10-31');
    expect(submissionDeadlineFor(state, 2024, 'province', 'vn-hcm')).toBeUndefined();
    expect(editionYearsOf(state)).toEqual([2024]);
  });
});

describe('campaign decider: appeal rules', () => {
  const setRules = (overrides = {}) => ({
    type: 'SetAppealRules' as const,
    actor: CITY_OFFICER,
    windowDays: 15,
    handledBy: 'level-above' as const,
    ...overrides,
  });

  it('the launching level states the appeal window and who decides; a later setting replaces it', () => {
    const set = { type: E.AppealRulesSet, data: { campaignId: CAMPAIGN_ID, windowDays: 15, handledBy: 'level-above' } } as CampaignEvent;
    spec.given([LAUNCHED]).when(setRules()).then([set]);
    const again = { type: E.AppealRulesSet, data: { campaignId: CAMPAIGN_ID, windowDays: 30, handledBy: 'same-council' } } as CampaignEvent;
    expect(evolveAll(campaignDecider, [LAUNCHED, set, again]).appealRules).toEqual(again.data);
  });

  it('only the launching level, a window of 1 to 365 days, and no level above a central campaign', () => {
    spec
      .given([LAUNCHED])
      .when(setRules({ actor: DISTRICT_OFFICER }))
      .thenThrows(ForbiddenError, /kiến nghị/);
    spec
      .given([LAUNCHED])
      .when(setRules({ windowDays: 0 }))
      .thenThrows(DomainRuleViolation, /Thời hạn kiến nghị/);
    spec.given([]).when(setRules()).thenThrows(NotFoundError);
    const central = { ...LAUNCHED, data: { ...LAUNCHED.data, level: 'central', launchedByUnitId: 'vn' } } as CampaignEvent;
    const centralOfficer = actorAt('emulation-board', 'central', ['vn']);
    spec
      .given([central])
      .when(setRules({ actor: centralOfficer }))
      .thenThrows(DomainRuleViolation, /không có Hội đồng cấp trên/);
  });
});
