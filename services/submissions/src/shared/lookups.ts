import { Actor, NotFoundError } from '@cem/contracts';
import { CommandContext, loadState } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { campaignDecider, campaignStreamId } from '../campaigns/campaign.decider';
import { CampaignDoc, campaignProjection } from '../campaigns/campaign.projection';
import type { CampaignState } from '../campaigns/campaign.state';
import { unitDecider, unitStreamId } from '../units/unit.decider';
import { UnitDoc, unitProjection } from '../units/unit.projection';

/**
 * Look-ups the command handlers make before calling a pure decider.
 *
 * readModelsCaughtUp() only covers what the log reader can already see, and the reader waits for every older
 * transaction on the server (pg_snapshot_xmin is cluster-wide), so a unit or campaign written a moment ago may
 * still be missing from the read models. Units never change once registered, so a miss is re-checked on the
 * unit's stream; campaigns do change (agencies, deadlines), so handlers fold the campaign's own short stream.
 */

export async function findUnit(infra: ServiceInfra, unitId: string): Promise<UnitDoc | null> {
  await infra.readModelsCaughtUp();
  const doc = await infra.documents.collection<UnitDoc>(unitProjection.collection).get(unitId);
  if (doc) return doc;
  const { state } = await loadState(infra.store, unitDecider, unitStreamId(unitId));
  if (!state.registered) return null;
  const { parentUnitId, ...unit } = state.unit;
  return { _id: unit.unitId, ...unit, parentUnitId: parentUnitId ?? null };
}

export async function requireUnit(infra: ServiceInfra, unitId: string): Promise<UnitDoc> {
  const unit = await findUnit(infra, unitId);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị ${unitId}`, { unitId });
  return unit;
}

/** The campaign read model (eventually consistent), for queries. */
export async function findCampaign(infra: ServiceInfra, campaignId: string): Promise<CampaignDoc | null> {
  await infra.readModelsCaughtUp();
  const doc = await infra.documents.collection<CampaignDoc>(campaignProjection.collection).get(campaignId);
  return doc?.campaign ? doc : null;
}

/** The campaign as its decider sees it, for commands: current to its last event. */
export async function requireCampaign(infra: ServiceInfra, campaignId: string): Promise<CampaignState> {
  const { state } = await loadState(infra.store, campaignDecider, campaignStreamId(campaignId));
  if (!state.campaign) throw new NotFoundError(`Không tìm thấy phong trào ${campaignId}`, { campaignId });
  return state;
}

/** The command context of a person's HTTP request. */
export const byActor = (infra: ServiceInfra, actor: Actor, reason?: string): CommandContext => ({
  actor,
  source: infra.context,
  ...(reason ? { reason } : {}),
});

/** Domain time of a command taken now. */
export const nowIso = (): string => new Date().toISOString();
