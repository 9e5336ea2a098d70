import { randomUUID } from 'crypto';
import { Actor, AttachmentMeta, DossierChanges, NotFoundError, parentLevel, RecordedEvent, levelPhrase } from '@cem/contracts';
import { CommandContext, evolveAll, handleCommand, HandleCommandOptions, readStreamInRequest } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { AttachmentStore } from '../attachments/attachment.store';
import { editionYearsOf, fieldCodesOf, receivingAgencyFor, submissionDeadlineFor } from '../campaigns/campaign.queries';
import { byActor, nowIso, requireCampaign, requireUnit } from '../shared/lookups';
import { ensure } from '../shared/rules';
import { DossierCommand, dossierDecider, dossierStreamId } from './dossier.decider';
import type { DraftDossierDto } from './dossier.dto';
import { DossierEvent, DossierFacts, DossierState, entryAt } from './dossier.state';

/**
 * Dossier command handlers: each resolves from the read models the facts the pure decider needs (campaign
 * fields, deadlines, assigned agencies, units) and then runs it. Shared by the HTTP controller and the
 * council-recommendation reaction so both fill the decider's commands the same way.
 */

export interface LoadedDossier {
  events: RecordedEvent[];
  state: DossierState;
  dossier: DossierFacts;
}

/** The dossier as the request first read it (its access rule, the handler and handleCommand share one read). */
export async function loadDossier(infra: ServiceInfra, dossierId: string): Promise<LoadedDossier> {
  const events = await readStreamInRequest(infra.store, dossierStreamId(dossierId));
  const state = evolveAll(dossierDecider, events as unknown as DossierEvent[]);
  if (!state.dossier) throw new NotFoundError(`Không tìm thấy hồ sơ ${dossierId}`, { dossierId });
  return { events, state, dossier: state.dossier };
}

async function run(infra: ServiceInfra, dossierId: string, command: DossierCommand, ctx: CommandContext, options?: HandleCommandOptions) {
  const { events, append } = await handleCommand(infra.store, dossierDecider, dossierStreamId(dossierId), command, ctx, options);
  return { dossierId, events: events.map((e) => e.type), version: append?.nextExpectedVersion };
}

/** Every attachment must have been uploaded first, with the size it claims: the event vouches for the bytes. */
async function ensureAttachmentsStored(attachments: AttachmentMeta[]): Promise<void> {
  if (!attachments.length) return; // (the store's directory comes from the environment: not looked up for nothing)
  const store = new AttachmentStore();
  for (const a of attachments) {
    const size = await store.sizeOf(a.sha256);
    ensure(size === a.size, 'attachment-not-uploaded', `Tệp ${a.name} chưa được tải lên (hoặc sai dung lượng)`, { sha256: a.sha256 });
  }
}

export async function draftDossier(infra: ServiceInfra, actor: Actor, dto: DraftDossierDto) {
  await requireUnit(infra, actor.unitId);
  const campaign = await requireCampaign(infra, dto.campaignId);
  await ensureAttachmentsStored(dto.attachments);
  const { dossierId = `hs-${randomUUID()}`, ...rest } = dto;
  // An id the client chose may be taken (the decider then says so); one made up here is new (see newStream).
  const newStream = dto.dossierId === undefined;
  return run(
    infra,
    dossierId,
    {
      type: 'DraftDossier',
      actor,
      now: nowIso(),
      dossier: { dossierId, ...rest },
      campaign: { fieldCodes: fieldCodesOf(campaign), editionYears: editionYearsOf(campaign) },
    },
    byActor(infra, actor),
    { newStream },
  );
}

/** Where a dossier is lodged by default: a returned one goes back where it was; a new one one level up. */
async function defaultJurisdiction(infra: ServiceInfra, { state, dossier }: LoadedDossier): Promise<string> {
  const current = entryAt(state, state.currentLevel);
  if (state.status === 'returned' && current) return current.jurisdictionUnitId;
  const nominating = await requireUnit(infra, dossier.nominatingUnitId);
  const above = parentLevel(nominating.level);
  ensure(above, 'no-level-above', 'Đơn vị cấp Trung ương không nộp hồ sơ lên cấp trên');
  for (const unitId of [...dossier.nominatingUnitPath].reverse()) {
    const unit = await requireUnit(infra, unitId);
    if (unit.level === above) return unit.unitId;
  }
  ensure(false, 'no-jurisdiction-above', `Không tìm thấy đơn vị ${levelPhrase(above)} của ${dossier.nominatingUnitId}`);
}

export async function submitDossier(infra: ServiceInfra, actor: Actor, dossierId: string, jurisdictionUnitId?: string) {
  const loaded = await loadDossier(infra, dossierId);
  const jurisdiction = await requireUnit(infra, jurisdictionUnitId ?? (await defaultJurisdiction(infra, loaded)));
  const campaign = await requireCampaign(infra, loaded.dossier.campaignId);
  const deadline = submissionDeadlineFor(campaign, loaded.dossier.year, jurisdiction.level, jurisdiction.unitId);
  return run(
    infra,
    dossierId,
    {
      type: 'SubmitDossier',
      actor,
      now: nowIso(),
      jurisdiction: { unitId: jurisdiction.unitId, level: jurisdiction.level, unitPath: jurisdiction.unitPath },
      ...(deadline ? { deadline } : {}),
    },
    byActor(infra, actor),
  );
}

/** The level the dossier sits at, its jurisdiction there and the agency assigned to its field. */
async function atCurrentLevel(infra: ServiceInfra, loaded: LoadedDossier) {
  const level = loaded.state.currentLevel;
  const entry = entryAt(loaded.state, level);
  ensure(level && entry, 'not-lodged', 'Hồ sơ chưa được nộp cho cấp nào');
  const campaign = await requireCampaign(infra, loaded.dossier.campaignId);
  const assignedAgencyUnitId = receivingAgencyFor(campaign, loaded.dossier.fieldCode, level, entry.jurisdictionUnitId);
  return { level, entry, assignedAgencyUnitId };
}

export async function receiveDossier(infra: ServiceInfra, actor: Actor, dossierId: string) {
  const { level, assignedAgencyUnitId } = await atCurrentLevel(infra, await loadDossier(infra, dossierId));
  return run(infra, dossierId, { type: 'ReceiveDossier', actor, now: nowIso(), level, assignedAgencyUnitId }, byActor(infra, actor));
}

export async function returnDossier(infra: ServiceInfra, actor: Actor, dossierId: string, reason: string) {
  const { level, assignedAgencyUnitId } = await atCurrentLevel(infra, await loadDossier(infra, dossierId));
  return run(
    infra,
    dossierId,
    { type: 'ReturnDossier', actor, now: nowIso(), level, assignedAgencyUnitId, reason },
    byActor(infra, actor, reason),
  );
}

export async function amendDossier(infra: ServiceInfra, actor: Actor, dossierId: string, changes: DossierChanges) {
  if (changes.attachments) await ensureAttachmentsStored(changes.attachments);
  return run(infra, dossierId, { type: 'AmendDossier', actor, now: nowIso(), changes: { ...changes } }, byActor(infra, actor));
}

export async function withdrawDossier(infra: ServiceInfra, actor: Actor, dossierId: string, reason: string) {
  return run(infra, dossierId, { type: 'WithdrawDossier', actor, now: nowIso(), reason }, byActor(infra, actor, reason));
}

/** The competent authority's decision that the dossier goes up without a council recommendation. */
export async function decideForwardingOverride(infra: ServiceInfra, actor: Actor, dossierId: string, decisionRef: string, reason: string) {
  const loaded = await loadDossier(infra, dossierId);
  const level = loaded.state.currentLevel;
  ensure(level, 'not-lodged', 'Hồ sơ chưa được nộp cho cấp nào');
  return run(
    infra,
    dossierId,
    { type: 'DecideForwardingOverride', actor, now: nowIso(), level, decisionRef, reason },
    byActor(infra, actor, reason),
  );
}

/**
 * Registration with the next level up by the field agency, after the competent authority's override decision
 * (a council recommendation is forwarded by the platform itself); the decision is cited unless another is given.
 */
export async function forwardDossier(infra: ServiceInfra, actor: Actor, dossierId: string, decisionRef?: string) {
  const { level, entry, assignedAgencyUnitId } = await atCurrentLevel(infra, await loadDossier(infra, dossierId));
  decisionRef ??= entry.override?.decisionRef;
  const toLevel = parentLevel(level);
  ensure(toLevel, 'no-level-above', 'Cấp Trung ương là cấp cao nhất');
  return run(
    infra,
    dossierId,
    {
      type: 'ForwardDossier',
      actor,
      now: nowIso(),
      fromLevel: level,
      toLevel,
      toJurisdictionUnitId: entry.jurisdictionUnitPath.at(-2) ?? '',
      basis: 'authority-override',
      ...(decisionRef ? { decisionRef } : {}),
      ...(assignedAgencyUnitId ? { assignedAgencyUnitId } : {}),
    },
    byActor(infra, actor),
  );
}
