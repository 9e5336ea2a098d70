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
 * Units never change once registered, so a unit found anywhere is current: commands take it from this
 * process's cache or the read model without waiting for the projections to catch up (that wait put every
 * command behind the whole read-model pipeline under load), and a miss is re-checked on the unit's stream.
 * Campaigns do change (agencies, deadlines), so handlers fold the campaign's own short stream.
 */

const unitCaches = new WeakMap<ServiceInfra, Map<string, UnitDoc>>();

function unitCacheOf(infra: ServiceInfra): Map<string, UnitDoc> {
  let cache = unitCaches.get(infra);
  if (!cache) unitCaches.set(infra, (cache = new Map<string, UnitDoc>()));
  return cache;
}

export async function findUnit(infra: ServiceInfra, unitId: string): Promise<UnitDoc | null> {
  const cache = unitCacheOf(infra);
  const cached = cache.get(unitId);
  if (cached) return cached;
  let unit = await infra.documents.collection<UnitDoc>(unitProjection.collection).get(unitId);
  if (!unit) {
    const { state } = await loadState(infra.store, unitDecider, unitStreamId(unitId));
    if (!state.registered) return null;
    const { parentUnitId, ...registered } = state.unit;
    unit = { _id: registered.unitId, ...registered, parentUnitId: parentUnitId ?? null };
  }
  cache.set(unitId, unit);
  return unit;
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
