import { SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { actorAt, path } from '../shared/actors.fixtures';
import type { DossierDraft, DraftDossier, ForwardDossier, ReceiveDossier, SubmitDossier } from './dossier.decider';
import type { DossierEvent, DossierFacts } from './dossier.state';

/** One dossier's journey: Xã Tân Kiên -> huyện Bình Chánh (Phòng Nội vụ) -> Thành phố (Sở KH&CN) -> Trung ương. */

export const DOSSIER_ID = 'hs-2024-0001';
export const COMMUNE_OFFICER = actorAt('unit-officer', 'commune', path('tanKien'));
export const DISTRICT_AGENCY = actorAt('agency-officer', 'district', path('binhChanhNoiVu'));
export const CITY_AGENCY = actorAt('agency-officer', 'province', path('hcmSoKhcn'));
export const SHA = 'a'.repeat(64);

export const DRAFT: DossierDraft = {
  dossierId: DOSSIER_ID,
  campaignId: 'hcm-sang-tao-2021-2025',
  year: 2024,
  fieldCode: 'khcn',
  type: 'initiative',
  title: 'Sáng kiến số hóa hồ sơ một cửa',
  summary: 'Rút ngắn thời gian tiếp nhận hồ sơ hành chính tại xã',
  applicantKind: 'collective',
  authors: [{ name: 'Nguyễn Văn Đức', personId: 'p-duc', role: 'Chủ nhiệm' }, { name: 'Trần Thị Bình' }],
  owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
  attachments: [{ name: 'thuyet-minh.pdf', sha256: SHA, size: 2_000_000, contentType: 'application/pdf' }],
};

export const FACTS: DossierFacts = {
  ...DRAFT,
  nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien',
  nominatingUnitPath: path('tanKien'),
};

export const draftCommand: DraftDossier = {
  type: 'DraftDossier',
  actor: COMMUNE_OFFICER,
  now: '2024-09-01T08:00:00+07:00',
  dossier: DRAFT,
  campaign: { fieldCodes: ['khcn', 'vhnt'], editionYears: [2024] },
};

export const submitToDistrict: SubmitDossier = {
  type: 'SubmitDossier',
  actor: COMMUNE_OFFICER,
  now: '2024-09-10T08:00:00+07:00',
  jurisdiction: { unitId: 'vn-hcm-binh-chanh', level: 'district', unitPath: path('binhChanh') },
  deadline: '2024-10-31',
};

export const receiveAtDistrict: ReceiveDossier = {
  type: 'ReceiveDossier',
  actor: DISTRICT_AGENCY,
  now: '2024-09-12T09:00:00+07:00',
  level: 'district',
  assignedAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
};

export const forwardToCity: ForwardDossier = {
  type: 'ForwardDossier',
  actor: DISTRICT_AGENCY,
  now: '2024-10-05T09:00:00+07:00',
  fromLevel: 'district',
  toLevel: 'province',
  toJurisdictionUnitId: 'vn-hcm',
  basis: 'authority-override',
  decisionRef: '512/UBND-NV',
  assignedAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
};

export const receiveAtCity: ReceiveDossier = {
  type: 'ReceiveDossier',
  actor: CITY_AGENCY,
  now: '2024-10-10T09:00:00+07:00',
  level: 'province',
  assignedAgencyUnitId: 'vn-hcm-so-khcn',
};

const { attachments: _attachments, ...SNAPSHOT } = FACTS;

export const DRAFTED: DossierEvent = { type: E.DossierDrafted, data: { ...FACTS, draftedAt: draftCommand.now } };
export const SUBMITTED: DossierEvent = {
  type: E.DossierSubmitted,
  data: {
    dossierId: DOSSIER_ID,
    level: 'district',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    jurisdictionUnitPath: path('binhChanh'),
    submittedAt: submitToDistrict.now,
  },
};
export const RECEIVED_AT_DISTRICT: DossierEvent = {
  type: E.DossierReceived,
  data: {
    dossierId: DOSSIER_ID,
    level: 'district',
    receivingAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    jurisdictionUnitPath: path('binhChanh'),
    receivedAt: receiveAtDistrict.now,
    dossier: SNAPSHOT,
  },
};
export const RETURNED_AT_DISTRICT: DossierEvent = {
  type: E.DossierReturned,
  data: {
    dossierId: DOSSIER_ID,
    level: 'district',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    reason: 'Thiếu xác nhận hiệu quả áp dụng',
    returnedAt: '2024-09-15T09:00:00+07:00',
  },
};
export const FORWARDED_TO_CITY: DossierEvent = {
  type: E.DossierForwarded,
  data: {
    dossierId: DOSSIER_ID,
    fromLevel: 'district',
    toLevel: 'province',
    fromJurisdictionUnitId: 'vn-hcm-binh-chanh',
    toJurisdictionUnitId: 'vn-hcm',
    toJurisdictionUnitPath: path('hcm'),
    decisionRef: '512/UBND-NV',
    forwardedAt: forwardToCity.now,
    basis: 'authority-override',
  },
};
export const RECEIVED_AT_CITY: DossierEvent = {
  type: E.DossierReceived,
  data: {
    dossierId: DOSSIER_ID,
    level: 'province',
    receivingAgencyUnitId: 'vn-hcm-so-khcn',
    jurisdictionUnitId: 'vn-hcm',
    jurisdictionUnitPath: path('hcm'),
    receivedAt: receiveAtCity.now,
    dossier: SNAPSHOT,
  },
};

/** Bình Chánh's People's Committee lets the dossier go up without waiting for the council. */
export const OVERRIDE_AT_DISTRICT: DossierEvent = {
  type: E.ForwardingOverrideDecided,
  data: {
    dossierId: DOSSIER_ID,
    level: 'district',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    decisionRef: '512/UBND-NV',
    reason: 'Hội đồng cấp huyện chưa họp kịp hạn của Thành phố',
    decidedAt: '2024-10-01T09:00:00+07:00',
  },
};

export const AT_DISTRICT = [DRAFTED, SUBMITTED, RECEIVED_AT_DISTRICT];
export const AT_CITY = [...AT_DISTRICT, FORWARDED_TO_CITY, RECEIVED_AT_CITY];
