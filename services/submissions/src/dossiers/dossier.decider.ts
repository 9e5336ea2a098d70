import {
  Actor,
  AdministrativeLevel,
  AttachmentMeta,
  DossierChanges,
  DossierSnapshot,
  ForwardingBasis,
  NotFoundError,
  parentLevel,
  Role,
  SUBMISSIONS_EVENTS as E,
  levelPhrase,
  SYSTEM_ROLE,
  NOMINATING_ROLES,
} from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure, ensureAllowed, isWithin } from '../shared/rules';
import { ensureDossierContentValid, isPastDeadline } from './dossier-content.rules';
import { DossierEvent, DossierFacts, DossierState, entryAt, evolveDossier, initialDossierState } from './dossier.state';

/** What the nominating unit writes; the unit itself comes from the actor. */
export type DossierDraft = Omit<DossierSnapshot, 'nominatingUnitId' | 'nominatingUnitPath'> & { attachments: AttachmentMeta[] };

interface DossierCommandBase {
  actor: Actor;
  /** Domain time of the command (ISO-8601). */
  now: string;
}

export interface DraftDossier extends DossierCommandBase {
  type: 'DraftDossier';
  dossier: DossierDraft;
  /** Resolved by the handler from the campaign. */
  campaign: { fieldCodes: string[]; editionYears: number[] };
}

export interface SubmitDossier extends DossierCommandBase {
  type: 'SubmitDossier';
  /** The unit of the level where the dossier is lodged (e.g. the district), with its path. */
  jurisdiction: { unitId: string; level: AdministrativeLevel; unitPath: string[] };
  /** The campaign's deadline for that level and jurisdiction; absent when the level takes no submissions. */
  deadline?: string;
}

/** Commands of a level's receiving agency: the handler resolves who is assigned to the dossier's field there. */
interface AgencyCommand extends DossierCommandBase {
  level: AdministrativeLevel;
  assignedAgencyUnitId?: string;
}

export interface ReceiveDossier extends AgencyCommand {
  type: 'ReceiveDossier';
}

export interface ReturnDossier extends AgencyCommand {
  type: 'ReturnDossier';
  reason: string;
}

export interface AmendDossier extends DossierCommandBase {
  type: 'AmendDossier';
  changes: DossierChanges;
}

export interface WithdrawDossier extends DossierCommandBase {
  type: 'WithdrawDossier';
  reason: string;
}

export interface ForwardDossier extends DossierCommandBase {
  type: 'ForwardDossier';
  fromLevel: AdministrativeLevel;
  toLevel: AdministrativeLevel;
  toJurisdictionUnitId: string;
  basis: ForwardingBasis;
  decisionRef?: string;
  /** Required for a forward by hand: the agency of the dossier's field at `fromLevel`. */
  assignedAgencyUnitId?: string;
}

/** The competent authority of the level the dossier sits at lets it go up without a council recommendation. */
export interface DecideForwardingOverride extends DossierCommandBase {
  type: 'DecideForwardingOverride';
  level: AdministrativeLevel;
  decisionRef: string;
  reason: string;
}

export type DossierCommand =
  | DecideForwardingOverride
  | DraftDossier
  | SubmitDossier
  | ReceiveDossier
  | ReturnDossier
  | AmendDossier
  | WithdrawDossier
  | ForwardDossier;

const NOMINATING: ReadonlySet<Role> = new Set<Role>(NOMINATING_ROLES);

function existing(state: DossierState): DossierFacts {
  if (!state.dossier) throw new NotFoundError('Không tìm thấy hồ sơ');
  return state.dossier;
}

function ensureNominatingOfficer(actor: Actor, nominatingUnitId: string): void {
  ensureAllowed(
    NOMINATING.has(actor.role) && actor.unitId === nominatingUnitId,
    `Chỉ cán bộ của đơn vị đề cử (${nominatingUnitId}) được thao tác trên hồ sơ này`,
  );
}

function ensureReceivingAgency(actor: Actor, level: AdministrativeLevel, assignedAgencyUnitId: string | undefined): void {
  ensure(assignedAgencyUnitId, 'no-receiving-agency', `Chưa phân công cơ quan tiếp nhận lĩnh vực này ở ${levelPhrase(level)}`);
  ensureAllowed(
    actor.role === 'agency-officer' && actor.unitId === assignedAgencyUnitId,
    `Chỉ cơ quan tiếp nhận được phân công (${assignedAgencyUnitId}) được xử lý hồ sơ ở ${levelPhrase(level)}`,
  );
}

function ensureAtCurrentLevel(state: DossierState, level: AdministrativeLevel): void {
  ensure(state.currentLevel === level, 'wrong-level', `Hồ sơ đang ở ${levelPhrase(state.currentLevel)}, không ở ${levelPhrase(level)}`);
}

const snapshotOf = ({ attachments: _attachments, ...snapshot }: DossierFacts): DossierSnapshot => snapshot;

function draft(c: DraftDossier, state: DossierState): DossierEvent[] {
  ensure(!state.dossier, 'dossier-exists', `Hồ sơ ${c.dossier.dossierId} đã tồn tại`);
  ensureAllowed(NOMINATING.has(c.actor.role), 'Chỉ cán bộ đơn vị hoặc người đăng ký được lập hồ sơ');
  ensure(
    c.campaign.fieldCodes.includes(c.dossier.fieldCode),
    'field-not-in-campaign',
    `Lĩnh vực ${c.dossier.fieldCode} không thuộc phong trào`,
  );
  ensure(c.campaign.editionYears.includes(c.dossier.year), 'edition-not-opened', `Phong trào chưa mở đợt năm ${c.dossier.year}`);
  const facts: DossierFacts = { ...c.dossier, nominatingUnitId: c.actor.unitId, nominatingUnitPath: c.actor.unitPath };
  ensureDossierContentValid(facts);
  return [{ type: E.DossierDrafted, data: { ...facts, draftedAt: c.now } }];
}

function submit(c: SubmitDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureNominatingOfficer(c.actor, dossier.nominatingUnitId);
  ensure(
    state.status === 'draft' || state.status === 'returned',
    'not-submittable',
    `Hồ sơ đang ở trạng thái ${state.status}, không thể nộp`,
  );
  if (state.status === 'returned') {
    // The level that returned it takes it back; the unit may not shop for another jurisdiction.
    const current = entryAt(state, state.currentLevel);
    ensure(
      current?.jurisdictionUnitId === c.jurisdiction.unitId,
      'resubmit-elsewhere',
      `Hồ sơ bị trả lại phải nộp lại cho ${current?.jurisdictionUnitId}`,
    );
  } else {
    ensure(
      isWithin(dossier.nominatingUnitPath, c.jurisdiction.unitPath),
      'jurisdiction-not-above-unit',
      `Đơn vị ${dossier.nominatingUnitId} không thuộc ${c.jurisdiction.unitId}`,
    );
  }
  ensure(c.deadline, 'level-not-open', `Phong trào chưa đặt hạn nhận hồ sơ ở ${levelPhrase(c.jurisdiction.level)}`);
  ensure(!isPastDeadline(c.now, c.deadline), 'deadline-passed', `Đã quá hạn nộp hồ sơ (${c.deadline})`, { deadline: c.deadline });
  return [
    {
      type: E.DossierSubmitted,
      data: {
        dossierId: dossier.dossierId,
        level: c.jurisdiction.level,
        jurisdictionUnitId: c.jurisdiction.unitId,
        jurisdictionUnitPath: c.jurisdiction.unitPath,
        submittedAt: c.now,
      },
    },
  ];
}

function receive(c: ReceiveDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureReceivingAgency(c.actor, c.level, c.assignedAgencyUnitId);
  ensureAtCurrentLevel(state, c.level);
  ensure(state.status !== 'received', 'already-received', `Hồ sơ đã được tiếp nhận ở ${levelPhrase(c.level)}`);
  ensure(
    state.status === 'submitted' || state.status === 'forwarded',
    'not-awaiting-receipt',
    `Hồ sơ đang ở trạng thái ${state.status}, không chờ tiếp nhận`,
  );
  const entry = entryAt(state, c.level)!;
  return [
    {
      type: E.DossierReceived,
      data: {
        dossierId: dossier.dossierId,
        level: c.level,
        receivingAgencyUnitId: c.actor.unitId,
        jurisdictionUnitId: entry.jurisdictionUnitId,
        jurisdictionUnitPath: entry.jurisdictionUnitPath,
        receivedAt: c.now,
        dossier: snapshotOf(dossier),
      },
    },
  ];
}

function returnToUnit(c: ReturnDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureReceivingAgency(c.actor, c.level, c.assignedAgencyUnitId);
  ensureAtCurrentLevel(state, c.level);
  ensure(state.status === 'received', 'return-only-received', 'Chỉ trả lại hồ sơ đã tiếp nhận');
  ensure(c.reason.trim(), 'reason-required', 'Cần nêu lý do trả lại hồ sơ');
  return [
    {
      type: E.DossierReturned,
      data: {
        dossierId: dossier.dossierId,
        level: c.level,
        jurisdictionUnitId: entryAt(state, c.level)!.jurisdictionUnitId,
        reason: c.reason,
        returnedAt: c.now,
      },
    },
  ];
}

function amend(c: AmendDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureNominatingOfficer(c.actor, dossier.nominatingUnitId);
  ensure(state.status === 'returned', 'amend-only-returned', 'Chỉ sửa đổi hồ sơ bị trả lại');
  const changed = Object.entries(c.changes).filter(([, v]) => v !== undefined);
  ensure(changed.length > 0, 'no-changes', 'Không có nội dung sửa đổi');
  ensureDossierContentValid({ ...dossier, ...Object.fromEntries(changed) });
  return [{ type: E.DossierAmended, data: { dossierId: dossier.dossierId, changes: Object.fromEntries(changed), amendedAt: c.now } }];
}

function withdraw(c: WithdrawDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureNominatingOfficer(c.actor, dossier.nominatingUnitId);
  ensure(state.status !== 'withdrawn', 'already-withdrawn', 'Hồ sơ đã được rút');
  // Once a level has registered it upward, the decision belongs to that level, not to the unit.
  ensure(!state.lineage.some((e) => e.forwardedAt), 'withdraw-after-forwarding', 'Không thể rút hồ sơ đã chuyển lên cấp trên');
  ensure(c.reason.trim(), 'reason-required', 'Cần nêu lý do rút hồ sơ');
  return [{ type: E.DossierWithdrawn, data: { dossierId: dossier.dossierId, reason: c.reason, withdrawnAt: c.now } }];
}

function forward(c: ForwardDossier, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  if (c.basis !== 'council-recommendation') {
    ensureReceivingAgency(c.actor, c.fromLevel, c.assignedAgencyUnitId);
  } else {
    // Recorded by the platform's reaction to councils.DossierRecommendedUpward, citing the council's decision.
    ensureAllowed(c.actor.role === SYSTEM_ROLE, 'Chỉ hệ thống ghi nhận chuyển hồ sơ theo đề xuất của Hội đồng');
    ensure(c.decisionRef, 'decision-required', 'Cần số quyết định của Hội đồng');
  }
  const from = entryAt(state, c.fromLevel);
  ensure(!from?.forwardedAt, 'already-forwarded', `Hồ sơ đã được chuyển từ ${levelPhrase(c.fromLevel)}`);
  ensureAtCurrentLevel(state, c.fromLevel);
  ensure(state.status === 'received', 'forward-only-received', 'Chỉ chuyển hồ sơ đã tiếp nhận');
  const above = parentLevel(c.fromLevel);
  ensure(above, 'no-level-above', 'Cấp Trung ương là cấp cao nhất');
  ensure(c.toLevel === above, 'level-skip', `Chỉ chuyển lên cấp liền trên (${above}), không chuyển vượt cấp`);
  const toPath = from!.jurisdictionUnitPath.slice(0, -1);
  ensure(
    toPath.at(-1) === c.toJurisdictionUnitId,
    'not-parent-jurisdiction',
    `Cấp trên của ${from!.jurisdictionUnitId} là ${toPath.at(-1)}, không phải ${c.toJurisdictionUnitId}`,
  );
  if (c.basis !== 'council-recommendation') {
    // By hand only after the competent authority's recorded decision; a council recommendation forwards by itself.
    ensure(
      from!.override,
      'forwarding-needs-decision',
      'Chỉ chuyển hồ sơ lên cấp trên theo đề xuất của Hội đồng hoặc theo quyết định của cấp có thẩm quyền (nêu lý do)',
    );
    ensure(c.basis === 'authority-override', 'forwarding-basis-invalid', 'Căn cứ chuyển hồ sơ phải là quyết định của cấp có thẩm quyền');
  }
  return [
    {
      type: E.DossierForwarded,
      data: {
        dossierId: dossier.dossierId,
        fromLevel: c.fromLevel,
        toLevel: c.toLevel,
        fromJurisdictionUnitId: from!.jurisdictionUnitId,
        toJurisdictionUnitId: c.toJurisdictionUnitId,
        toJurisdictionUnitPath: toPath,
        ...(c.decisionRef ? { decisionRef: c.decisionRef } : {}),
        forwardedAt: c.now,
        basis: c.basis,
      },
    },
  ];
}

function decideOverride(c: DecideForwardingOverride, state: DossierState): DossierEvent[] {
  const dossier = existing(state);
  ensureAtCurrentLevel(state, c.level);
  const entry = entryAt(state, c.level)!;
  ensureAllowed(
    c.actor.role === 'authority' && c.actor.unitId === entry.jurisdictionUnitId,
    `Chỉ cấp có thẩm quyền của ${entry.jurisdictionUnitId} quyết định chuyển hồ sơ lên cấp trên`,
  );
  ensure(state.status === 'received', 'override-only-received', 'Chỉ quyết định đối với hồ sơ đã tiếp nhận');
  ensure(!entry.forwardedAt, 'already-forwarded', `Hồ sơ đã được chuyển từ cấp ${c.level}`);
  ensure(c.reason.trim(), 'reason-required', 'Cần nêu lý do của quyết định');
  ensure(c.decisionRef.trim(), 'decision-required', 'Cần số quyết định');
  return [
    {
      type: E.ForwardingOverrideDecided,
      data: {
        dossierId: dossier.dossierId,
        level: c.level,
        jurisdictionUnitId: entry.jurisdictionUnitId,
        decisionRef: c.decisionRef,
        reason: c.reason,
        decidedAt: c.now,
      },
    },
  ];
}

function decide(command: DossierCommand, state: DossierState): DossierEvent[] {
  switch (command.type) {
    case 'DecideForwardingOverride':
      return decideOverride(command, state);
    case 'DraftDossier':
      return draft(command, state);
    case 'SubmitDossier':
      return submit(command, state);
    case 'ReceiveDossier':
      return receive(command, state);
    case 'ReturnDossier':
      return returnToUnit(command, state);
    case 'AmendDossier':
      return amend(command, state);
    case 'WithdrawDossier':
      return withdraw(command, state);
    case 'ForwardDossier':
      return forward(command, state);
  }
}

export const dossierDecider: Decider<DossierState, DossierCommand, DossierEvent> = {
  initialState: initialDossierState,
  decide,
  evolve: evolveDossier,
};

export const dossierStreamId = (dossierId: string) => `dossier-${dossierId}`;
