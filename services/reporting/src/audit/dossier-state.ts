import type { RecordedEvent, RankingPublishedData } from '@cem/contracts';
import { COUNCILS_EVENTS } from '@cem/contracts';
import { evaluationCaseDecider, evaluationCaseStreamId } from '../../../councils/src/evaluation/evaluation-case.decider';
import { rankingDecider } from '../../../councils/src/grading/ranking.decider';
import { awardProposalDecider } from '../../../recognition/src/proposals/award-proposal.decider';
import { proposalStreamId } from '../../../recognition/src/proposals/proposal.state';
import { dossierDecider, dossierStreamId } from '../../../submissions/src/dossiers/dossier.decider';
import { replayAsOf } from './state-as-of';

function byStream(events: RecordedEvent[], keep: (e: RecordedEvent) => boolean): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) if (keep(e)) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  return streams;
}

const proposalStreamsOf = (events: RecordedEvent[], dossierId: string) => {
  const streams = byStream(events, (e) => e.streamId.startsWith(proposalStreamId('')));
  return [...streams.values()].filter((s) => (s[0].data as { dossierId?: string }).dossierId === dossierId);
};

/**
 * A dossier as it stood at `at`, recomputed from the archive with each owning context's own evolve: the
 * dossier (submissions), its evaluation cases and its place in the rankings (councils), its award proposals
 * (recognition). Nothing is read from a read model, so the answer is what the events say.
 */
export function dossierStateAsOf(events: RecordedEvent[], dossierId: string, at: Date) {
  const dossierEvents = events.filter((e) => e.streamId === dossierStreamId(dossierId));
  const cases = byStream(events, (e) => e.streamId.startsWith(evaluationCaseStreamId(`${dossierId}@`)));
  const rankings = byStream(
    events,
    (e) => e.type === COUNCILS_EVENTS.RankingPublished && (e.data as RankingPublishedData).entries.some((x) => x.dossierId === dossierId),
  );
  const proposals = proposalStreamsOf(events, dossierId).map((stream) => replayAsOf(awardProposalDecider, stream, at));
  return {
    dossierId,
    asOf: at.toISOString(),
    dossier: replayAsOf(dossierDecider, dossierEvents, at),
    evaluationCases: [...cases.values()].map((stream) => replayAsOf(evaluationCaseDecider, stream, at)).filter((c) => c.status !== 'none'),
    rankings: [...rankings.values()]
      .map((stream) => replayAsOf(rankingDecider, stream, at).latest)
      .filter((r): r is RankingPublishedData => Boolean(r))
      .map((r) => ({ ...r, entries: r.entries.filter((x) => x.dossierId === dossierId) })),
    proposals: proposals.filter((p) => p.status !== 'none'),
    awarded: proposals.some((p) => p.status === 'decided' || p.status === 'issued'),
  };
}

/**
 * An honour proposal (and the award decided on it) as it stood at `at`, recomputed from its own stream in the
 * archive with recognition's evolve; no `proposal` when it did not exist yet.
 */
export function proposalStateAsOf(events: RecordedEvent[], proposalId: string, at: Date) {
  const proposal = replayAsOf(
    awardProposalDecider,
    events.filter((e) => e.streamId === proposalStreamId(proposalId)),
    at,
  );
  return {
    proposalId,
    asOf: at.toISOString(),
    ...(proposal.status === 'none' ? {} : { proposal }),
    awarded: proposal.status === 'decided' || proposal.status === 'issued',
  };
}
