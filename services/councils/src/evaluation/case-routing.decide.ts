import type { Actor, RoutingWaitReason } from '@cem/contracts';
import { COUNCILS_EVENTS as E, NotFoundError, ROUTING_WAIT_REASON_LABELS_VI } from '@cem/contracts';
import { EstablishedCouncil, servesEdition } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { openEvaluationCase } from './case-opening.decide';
import { caseIdOf, DossierReceivedFacts } from './dossier-received';
import type { EvaluationCaseEvent, EvaluationCaseState } from './evaluation-case.state';
import { routingPolicy } from './routing.policy';

/**
 * Route a received dossier to the council that appraises it. Raised by the reaction to
 * `submissions.DossierReceived` (no actor), or by a person for a dossier that waits (actor set, `received` taken
 * from the waiting record, `councilId` to choose among several matching councils).
 */
export interface RouteDossier {
  type: 'RouteDossier';
  /** The facts of DossierReceived; absent when a person routes a waiting dossier (read from the case stream). */
  received?: DossierReceivedFacts;
  /** The councils established at the dossier's level and jurisdiction, loaded by the adapter. */
  councils: readonly EstablishedCouncil[];
  actor?: Actor;
  councilId?: string;
}

/**
 * The councils that appraise a received dossier: same level and jurisdiction unit, the dossier's field among
 * theirs (no fields stated: every field), and its campaign edition (campaign and year) among those they serve.
 * Sorted by id so the candidates read the same on every replay.
 */
export function matchingCouncils(councils: readonly EstablishedCouncil[], received: DossierReceivedFacts): EstablishedCouncil[] {
  const { dossier } = received;
  return councils
    .filter(
      (c) =>
        c.level === received.level &&
        c.jurisdictionUnitId === received.jurisdictionUnitId &&
        (!c.fieldCodes.length || c.fieldCodes.includes(dossier.fieldCode)) &&
        servesEdition(c, dossier.campaignId, dossier.year),
    )
    .sort((a, b) => (a.councilId < b.councilId ? -1 : a.councilId > b.councilId ? 1 : 0));
}

function waitReasonText(reason: RoutingWaitReason, received: DossierReceivedFacts, candidates: string[]): string {
  const { dossier } = received;
  const scope = `đợt ${dossier.campaignId} năm ${dossier.year}, lĩnh vực ${dossier.fieldCode}`;
  return reason === 'no-council'
    ? `${ROUTING_WAIT_REASON_LABELS_VI['no-council']} (${scope})`
    : `${ROUTING_WAIT_REASON_LABELS_VI['several-councils']} (${scope}): ${candidates.join(', ')}`;
}

const sameWait = (a: { reason: string; candidateCouncilIds: string[] }, reason: string, candidates: string[]) =>
  a.reason === reason && a.candidateCouncilIds.join('|') === candidates.join('|');

export function routeDossier(command: RouteDossier, state: EvaluationCaseState): EvaluationCaseEvent[] {
  // Delivery is at-least-once and a person may route twice: once the case is open, nothing more happens.
  if (state.status !== 'none') return [];
  const received: DossierReceivedFacts | undefined =
    command.received ??
    (state.awaiting && {
      dossierId: state.awaiting.dossierId,
      level: state.awaiting.level,
      receivingAgencyUnitId: state.awaiting.receivingAgencyUnitId,
      jurisdictionUnitId: state.awaiting.jurisdictionUnitId,
      jurisdictionUnitPath: state.awaiting.jurisdictionUnitPath,
      receivedAt: state.awaiting.receivedAt,
      dossier: state.awaiting.dossier,
    });
  if (!received) throw new NotFoundError('Không có hồ sơ nào đang chờ xác định Hội đồng thẩm định với mã này');
  if (command.actor) routingPolicy.assert('route', command.actor, received);

  const matches = matchingCouncils(command.councils, received);
  const candidates = matches.map((c) => c.councilId);
  let chosen: EstablishedCouncil | undefined;
  if (command.councilId) {
    chosen = matches.find((c) => c.councilId === command.councilId);
    ensure(
      chosen,
      'council-not-matching',
      `Hội đồng ${command.councilId} không thẩm định đợt, cấp, địa bàn và lĩnh vực của hồ sơ (phù hợp: ${candidates.join(', ') || 'không có'})`,
      { candidateCouncilIds: candidates },
    );
  } else if (matches.length === 1) {
    chosen = matches[0];
  }
  if (chosen) return openEvaluationCase({ type: 'OpenEvaluationCase', received, council: chosen }, state);

  const reason: RoutingWaitReason = matches.length ? 'several-councils' : 'no-council';
  const reasonText = waitReasonText(reason, received, candidates);
  // A person asking gets the reason back; nothing is recorded (the dossier already waits with it).
  ensure(!command.actor, reason, reasonText, { candidateCouncilIds: candidates });
  if (state.awaiting && sameWait(state.awaiting, reason, candidates)) return [];
  const { dossier } = received;
  return [
    {
      type: E.DossierAwaitingCouncil,
      data: {
        caseId: caseIdOf(received.dossierId, received.level),
        dossierId: received.dossierId,
        level: received.level,
        jurisdictionUnitId: received.jurisdictionUnitId,
        jurisdictionUnitPath: received.jurisdictionUnitPath,
        receivingAgencyUnitId: received.receivingAgencyUnitId,
        fieldCode: dossier.fieldCode,
        campaignId: dossier.campaignId,
        year: dossier.year,
        reason,
        reasonText,
        candidateCouncilIds: candidates,
        dossier,
        receivedAt: received.receivedAt,
      },
    },
  ];
}
