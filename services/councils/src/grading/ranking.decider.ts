import type { Actor, CaseFinalisedData, DomainEvent, RankingPublishedData } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { councilPolicy } from '../councils/council.policy';
import { CouncilState, regulationsOn } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { RankedDossier, rankCases } from './ranking';
import { parseTieBreak } from './tie-break';

export type RankingEvent = DomainEvent<typeof E.RankingPublished, RankingPublishedData>;

export interface PublishRanking {
  type: 'PublishRanking';
  actor: Actor;
  council: CouncilState;
  campaignId: string;
  year: number;
  fieldCode: string;
  /** Finalised cases of the scope, as recorded by CaseFinalised (loaded by the adapter). */
  cases: (CaseFinalisedData & { dossier?: RankedDossier })[];
  publishedAt: string;
}

export interface RankingState {
  latest?: RankingPublishedData;
}

function decide(command: PublishRanking, state: RankingState): RankingEvent[] {
  const { council, campaignId, year, fieldCode } = command;
  ensure(council.status === 'established', 'no-council', 'Xếp hạng do Hội đồng đã thành lập công bố');
  councilPolicy.assert('finalise', command.actor, council);
  ensure(command.cases.length, 'nothing-to-rank', 'Chưa có hồ sơ nào chốt kết quả để xếp hạng');
  const outside = command.cases.filter(
    (c) =>
      c.councilId !== council.councilId ||
      c.campaignId !== campaignId ||
      c.year !== year ||
      c.fieldCode !== fieldCode ||
      c.level !== council.level,
  );
  ensure(!outside.length, 'case-outside-ranking', `Không thuộc lĩnh vực và đợt này: ${outside.map((c) => c.caseId).join(', ')}`);
  const ids = command.cases.map((c) => c.caseId);
  ensure(new Set(ids).size === ids.length, 'duplicate-case', 'Một hồ sơ được nêu hai lần');
  const rule = regulationsOn(council, command.publishedAt).tieBreak;
  const steps = parseTieBreak(rule);
  ensure(typeof steps !== 'string', 'invalid-tie-break', typeof steps === 'string' ? steps : '');
  return [
    {
      type: E.RankingPublished,
      data: {
        councilId: council.councilId,
        campaignId,
        year,
        fieldCode,
        level: council.level,
        tieBreak: steps,
        revision: (state.latest?.revision ?? 0) + 1,
        publishedAt: command.publishedAt,
        entries: rankCases(command.cases, steps),
      },
    },
  ];
}

/** A later revision (e.g. after more cases are finalised) replaces the earlier ranking. */
export const rankingDecider: Decider<RankingState, PublishRanking, RankingEvent> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ latest: event.data }),
  decide,
};

export const rankingStreamId = (s: { councilId: string; campaignId: string; year: number; fieldCode: string }) =>
  `ranking-${s.councilId}|${s.campaignId}|${s.year}|${s.fieldCode}`;
