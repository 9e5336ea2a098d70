import { SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { actorAt, path } from '../shared/actors.fixtures';
import type { CampaignEvent } from './campaign.state';

export const CAMPAIGN_ID = 'hcm-sang-tao-2021-2025';
export const CITY_OFFICER = actorAt('emulation-board', 'province', path('hcmSoNoiVu'));
export const DISTRICT_OFFICER = actorAt('unit-officer', 'district', path('binhChanhNoiVu'));

export const LAUNCHED: CampaignEvent = {
  type: E.CampaignLaunched,
  data: {
    campaignId: CAMPAIGN_ID,
    name: 'Phong trào thi đua sáng tạo và các giải thưởng sáng tạo Thành phố Hồ Chí Minh',
    launchedByUnitId: 'vn-hcm',
    level: 'province',
    planNumber: '4094/KH-UBND',
    planDate: '2024-07-19',
    period: { fromYear: 2021, toYear: 2025 },
  },
};

export const EDITION_2024: CampaignEvent = {
  type: E.EditionOpened,
  data: {
    campaignId: CAMPAIGN_ID,
    year: 2024,
    phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: '2024-08-21', closesOn: '2024-10-31' }],
  },
};

export const FIELD_KHCN: CampaignEvent = {
  type: E.FieldAdded,
  data: { campaignId: CAMPAIGN_ID, fieldCode: 'khcn', name: 'Khoa học - Công nghệ' },
};
