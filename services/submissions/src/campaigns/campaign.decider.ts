import {
  Actor,
  AdministrativeLevel,
  AppealHandler,
  CampaignLaunchedData,
  EditionPhase,
  NotFoundError,
  Role,
  SUBMISSIONS_EVENTS as E,
  levelPhrase,
  CAMPAIGN_ROLES,
} from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { depthOf, ensure, ensureAllowed } from '../shared/rules';
import { CampaignEvent, CampaignState, evolveCampaign, initialCampaignState } from './campaign.state';

export interface LaunchCampaign extends CampaignLaunchedData {
  type: 'LaunchCampaign';
  actor: Actor;
}

export interface OpenEdition {
  type: 'OpenEdition';
  actor: Actor;
  year: number;
  phases: EditionPhase[];
}

export interface AddField {
  type: 'AddField';
  actor: Actor;
  fieldCode: string;
  name: string;
  rules?: string;
}

/** A unit with the facts the handler looked up about it. */
export interface ResolvedUnit {
  unitId: string;
  level: AdministrativeLevel;
  unitPath: string[];
}

export interface AssignReceivingAgency {
  type: 'AssignReceivingAgency';
  actor: Actor;
  fieldCode: string;
  jurisdiction: ResolvedUnit;
  agency: ResolvedUnit;
  letterRef?: string;
}

export interface SetSubmissionDeadline {
  type: 'SetSubmissionDeadline';
  actor: Actor;
  year: number;
  level: AdministrativeLevel;
  /** Absent: the deadline applies to every jurisdiction of the level. */
  jurisdiction?: ResolvedUnit;
  deadline: string;
}

/** Rules for appeals against councils' results (khiếu nại, kiến nghị), stated by the launching level. */
export interface SetAppealRules {
  type: 'SetAppealRules';
  actor: Actor;
  windowDays: number;
  handledBy: AppealHandler;
}

export type CampaignCommand = LaunchCampaign | OpenEdition | AddField | AssignReceivingAgency | SetSubmissionDeadline | SetAppealRules;

const CAMPAIGN: ReadonlySet<Role> = new Set<Role>(CAMPAIGN_ROLES);

/** The level's own officers run a campaign: those of the launching unit's subtree at its level. */
function managesCampaign(actor: Actor, campaign: CampaignLaunchedData): boolean {
  return (
    actor.role === 'admin' ||
    (CAMPAIGN.has(actor.role) && actor.level === campaign.level && actor.unitPath.includes(campaign.launchedByUnitId))
  );
}

/** A lower level organises its own part (Công văn 2717/UBND of the district assigns the district's agencies). */
function managesJurisdiction(actor: Actor, campaign: CampaignLaunchedData, jurisdiction: ResolvedUnit): boolean {
  return (
    managesCampaign(actor, campaign) ||
    (CAMPAIGN.has(actor.role) && actor.level === jurisdiction.level && actor.unitPath.includes(jurisdiction.unitId))
  );
}

function launched(state: CampaignState): CampaignLaunchedData {
  if (!state.campaign) throw new NotFoundError('Phong trào chưa được phát động');
  return state.campaign;
}

function ensureLevelWithinCampaign(campaign: CampaignLaunchedData, level: AdministrativeLevel) {
  ensure(
    depthOf(level) >= depthOf(campaign.level),
    'level-above-campaign',
    `Phong trào ${levelPhrase(campaign.level)} không tổ chức ở ${levelPhrase(level)}`,
  );
}

function launch(c: LaunchCampaign, state: CampaignState): CampaignEvent[] {
  ensureAllowed(
    CAMPAIGN.has(c.actor.role) && c.actor.level === c.level && c.actor.unitPath.includes(c.launchedByUnitId),
    `Chỉ cán bộ ${levelPhrase(c.level)} của ${c.launchedByUnitId} được phát động phong trào`,
  );
  ensure(!state.campaign, 'campaign-already-launched', `Phong trào ${c.campaignId} đã được phát động`);
  ensure(c.period.fromYear <= c.period.toYear, 'campaign-period-invalid', 'Giai đoạn: năm bắt đầu sau năm kết thúc');
  const { type: _type, actor: _actor, ...data } = c;
  return [{ type: E.CampaignLaunched, data }];
}

function openEdition(c: OpenEdition, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state);
  ensureAllowed(managesCampaign(c.actor, campaign), 'Chỉ cơ quan phát động được mở đợt hằng năm');
  const { fromYear, toYear } = campaign.period;
  ensure(c.year >= fromYear && c.year <= toYear, 'edition-outside-period', `Năm ${c.year} ngoài giai đoạn ${fromYear} - ${toYear}`);
  ensure(!state.editions[c.year], 'edition-already-opened', `Đợt năm ${c.year} đã được mở`);
  const codes = c.phases.map((p) => p.code);
  ensure(new Set(codes).size === codes.length, 'phase-code-duplicate', 'Mã giai đoạn bị lặp');
  const backwards = c.phases.find((p) => p.opensOn > p.closesOn);
  ensure(!backwards, 'phase-dates-invalid', `Giai đoạn ${backwards?.code} kết thúc trước khi bắt đầu`);
  return [{ type: E.EditionOpened, data: { campaignId: campaign.campaignId, year: c.year, phases: c.phases } }];
}

function addField(c: AddField, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state);
  ensureAllowed(managesCampaign(c.actor, campaign), 'Chỉ cơ quan phát động được thêm lĩnh vực');
  ensure(!state.fields[c.fieldCode], 'field-code-duplicate', `Lĩnh vực ${c.fieldCode} đã có`);
  return [
    {
      type: E.FieldAdded,
      data: { campaignId: campaign.campaignId, fieldCode: c.fieldCode, name: c.name, ...(c.rules ? { rules: c.rules } : {}) },
    },
  ];
}

function assignAgency(c: AssignReceivingAgency, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state);
  ensureAllowed(
    managesJurisdiction(c.actor, campaign, c.jurisdiction),
    `Chỉ cán bộ của ${c.jurisdiction.unitId} được phân công cơ quan tiếp nhận`,
  );
  ensure(state.fields[c.fieldCode], 'field-unknown', `Lĩnh vực ${c.fieldCode} không thuộc phong trào`);
  ensureLevelWithinCampaign(campaign, c.jurisdiction.level);
  ensure(
    c.agency.unitPath.includes(c.jurisdiction.unitId),
    'agency-outside-jurisdiction',
    `Cơ quan ${c.agency.unitId} không thuộc ${c.jurisdiction.unitId}`,
  );
  return [
    {
      type: E.ReceivingAgencyAssigned,
      data: {
        campaignId: campaign.campaignId,
        fieldCode: c.fieldCode,
        level: c.jurisdiction.level,
        jurisdictionUnitId: c.jurisdiction.unitId,
        agencyUnitId: c.agency.unitId,
        ...(c.letterRef ? { letterRef: c.letterRef } : {}),
      },
    },
  ];
}

function setDeadline(c: SetSubmissionDeadline, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state);
  ensureAllowed(
    c.jurisdiction ? managesJurisdiction(c.actor, campaign, c.jurisdiction) : managesCampaign(c.actor, campaign),
    'Không có quyền đặt hạn nộp hồ sơ ở phạm vi này',
  );
  ensure(state.editions[c.year], 'edition-not-opened', `Đợt năm ${c.year} chưa được mở`);
  ensureLevelWithinCampaign(campaign, c.level);
  ensure(
    !c.jurisdiction || c.jurisdiction.level === c.level,
    'jurisdiction-level-mismatch',
    `Đơn vị ${c.jurisdiction?.unitId} không ở ${levelPhrase(c.level)}`,
  );
  return [
    {
      type: E.SubmissionDeadlineSet,
      data: {
        campaignId: campaign.campaignId,
        year: c.year,
        level: c.level,
        ...(c.jurisdiction ? { jurisdictionUnitId: c.jurisdiction.unitId } : {}),
        deadline: c.deadline,
      },
    },
  ];
}

function setAppealRules(c: SetAppealRules, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state);
  ensureAllowed(managesCampaign(c.actor, campaign), 'Chỉ cơ quan phát động được quy định việc kiến nghị, khiếu nại');
  ensure(
    Number.isInteger(c.windowDays) && c.windowDays >= 1 && c.windowDays <= 365,
    'appeal-window-invalid',
    'Thời hạn kiến nghị từ 1 đến 365 ngày',
  );
  ensure(
    c.handledBy !== 'level-above' || campaign.level !== 'central',
    'no-level-above',
    'Phong trào Trung ương không có Hội đồng cấp trên để giải quyết kiến nghị',
  );
  return [{ type: E.AppealRulesSet, data: { campaignId: campaign.campaignId, windowDays: c.windowDays, handledBy: c.handledBy } }];
}

function decide(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'LaunchCampaign':
      return launch(command, state);
    case 'OpenEdition':
      return openEdition(command, state);
    case 'AddField':
      return addField(command, state);
    case 'AssignReceivingAgency':
      return assignAgency(command, state);
    case 'SetSubmissionDeadline':
      return setDeadline(command, state);
    case 'SetAppealRules':
      return setAppealRules(command, state);
  }
}

export const campaignDecider: Decider<CampaignState, CampaignCommand, CampaignEvent> = {
  initialState: initialCampaignState,
  decide,
  evolve: evolveCampaign,
};

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;
