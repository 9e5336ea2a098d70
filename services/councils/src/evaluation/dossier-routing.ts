import type { AdministrativeLevel } from '@cem/contracts';
import { CommandContext, handleCommand } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { CouncilCompositionDoc, councilCompositionProjection } from '../councils/council-composition.projection';
import type { EstablishedCouncil } from '../councils/council.state';
import { loadCouncil } from '../shared/stream-loaders';
import type { RouteDossier } from './case-routing.decide';
import { caseIdOf, DossierReceivedFacts } from './dossier-received';
import { evaluationCaseDecider, evaluationCaseStreamId } from './evaluation-case.decider';

/**
 * The councils established at a level and jurisdiction unit. The read model only finds the candidates; each is
 * then folded from its own stream, so routing decides on what was committed.
 */
export async function councilsAt(
  infra: ServiceInfra,
  level: AdministrativeLevel,
  jurisdictionUnitId: string,
): Promise<EstablishedCouncil[]> {
  await infra.readModelsCaughtUp();
  const docs = await infra.documents
    .collection<CouncilCompositionDoc>(councilCompositionProjection.collection)
    .find({ level, jurisdictionUnitId }, { sort: { councilId: 1 }, limit: 500 });
  return Promise.all(docs.map((d) => loadCouncil(infra, d.councilId)));
}

/**
 * Routes a received dossier (the reaction to submissions.DossierReceived) or a waiting one (a person, with
 * `actor` and possibly `councilId` in `request`): opens the case with the one matching council, or records why it
 * waits (decided by `routeDossier`, pure).
 */
export async function routeDossierToCouncil(
  infra: ServiceInfra,
  target: { received: DossierReceivedFacts } | { caseId: string; level: AdministrativeLevel; jurisdictionUnitId: string },
  context: CommandContext,
  request: Pick<RouteDossier, 'actor' | 'councilId'> = {},
) {
  const { caseId, level, jurisdictionUnitId } =
    'received' in target
      ? {
          caseId: caseIdOf(target.received.dossierId, target.received.level),
          level: target.received.level,
          jurisdictionUnitId: target.received.jurisdictionUnitId,
        }
      : target;
  const councils = await councilsAt(infra, level, jurisdictionUnitId);
  const command: RouteDossier = {
    type: 'RouteDossier',
    ...('received' in target ? { received: target.received } : {}),
    councils,
    ...request,
  };
  return handleCommand(infra.store, evaluationCaseDecider, evaluationCaseStreamId(caseId), command, context);
}
