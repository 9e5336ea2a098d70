import type { Actor, CouncilRankingEntry, HonourProposalRecipient, RankingPublishedData } from '@cem/contracts';
import { COUNCILS_EVENTS as E, parentLevel } from '@cem/contracts';
import { councilPolicy } from '../councils/council.policy';
import type { CouncilState } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { requireCase, requireCaseCouncil } from '../evaluation/case-guards';
import { EvaluationCase, EvaluationCaseEvent, EvaluationCaseState, pendingAppeal } from '../evaluation/evaluation-case.state';

interface ProposalBase {
  actor: Actor;
  caseId: string;
  council: CouncilState;
  /** The latest ranking published for the case's field, edition and level (loaded by the adapter). */
  ranking: RankingPublishedData;
}

export interface RecommendUpward extends ProposalBase {
  type: 'RecommendUpward';
  decisionRef: string;
}

export interface ProposeHonour extends ProposalBase {
  type: 'ProposeHonour';
  proposedAward?: string;
  /** Defaults to the authors (individual applicants) or the owners (collective applicants). */
  recipients?: HonourProposalRecipient[];
}

/** Proposals rest on an accepted (nghiệm thu) case and its place in the published ranking. */
function requireProposable(command: ProposalBase, state: EvaluationCaseState) {
  const c = requireCase(state, command.caseId);
  const council = requireCaseCouncil(c, command.council);
  councilPolicy.assert('propose', command.actor, council);
  const finalised = c.finalised;
  ensure(finalised, 'not-finalised', `Hồ sơ ${c.caseId} chưa chốt kết quả`);
  ensure(!pendingAppeal(c), 'appeal-pending', `Hồ sơ ${c.caseId} đang có kiến nghị về kết quả chưa được giải quyết`);
  ensure(finalised.accepted, 'not-accepted', `Hồ sơ ${c.caseId} được xếp loại ${finalised.gradeLabel}`);
  const r = command.ranking;
  const sameScope =
    r.councilId === c.councilId && r.campaignId === c.campaignId && r.year === c.year && r.fieldCode === c.fieldCode && r.level === c.level;
  const entry: CouncilRankingEntry | undefined = sameScope ? r.entries.find((e) => e.caseId === c.caseId) : undefined;
  ensure(entry, 'not-ranked', `Hồ sơ ${c.caseId} không có trong bảng xếp hạng đã công bố`);
  return { c, finalised, entry };
}

export function recommendUpward(command: RecommendUpward, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const { c, finalised, entry } = requireProposable(command, state);
  ensure(!c.recommendedUpward, 'already-recommended', `Hồ sơ ${c.caseId} đã được đề xuất lên cấp trên`);
  const toLevel = parentLevel(c.level);
  ensure(toLevel, 'no-higher-level', 'Hội đồng Trung ương không có cấp trên');
  ensure(command.decisionRef?.trim(), 'decision-required', 'Đề xuất lên cấp trên phải dẫn quyết định');
  return [
    {
      type: E.DossierRecommendedUpward,
      data: {
        caseId: c.caseId,
        dossierId: c.dossierId,
        councilId: c.councilId,
        fromLevel: c.level,
        toLevel,
        rank: entry.rank,
        score: finalised.aggregateScore,
        grade: finalised.grade,
        decisionRef: command.decisionRef,
      },
    },
  ];
}

const defaultRecipients = (c: EvaluationCase): HonourProposalRecipient[] =>
  c.dossier.applicantKind === 'collective'
    ? c.dossier.owners.map((o) => ({ name: o.name, kind: 'collective' }))
    : c.dossier.authors.map((a) => ({ name: a.name, kind: 'individual' }));

export function proposeHonour(command: ProposeHonour, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const { c, finalised, entry } = requireProposable(command, state);
  ensure(!c.honourProposed, 'already-proposed', `an honour was already proposed for case ${c.caseId}`);
  const recipients = command.recipients?.length ? command.recipients : defaultRecipients(c);
  ensure(recipients.length, 'recipients-required', 'an honour proposal names who is honoured');
  return [
    {
      type: E.HonourProposed,
      data: {
        // One proposal per case, so its id follows from the case and survives retries.
        proposalId: `honour-${c.caseId}`,
        caseId: c.caseId,
        dossierId: c.dossierId,
        councilId: c.councilId,
        level: c.level,
        jurisdictionUnitId: c.jurisdictionUnitId,
        jurisdictionUnitPath: c.jurisdictionUnitPath,
        campaignId: c.campaignId,
        year: c.year,
        fieldCode: c.fieldCode,
        title: c.dossier.title,
        grade: finalised.grade,
        score: finalised.aggregateScore,
        rank: entry.rank,
        recipients,
        ...(command.proposedAward ? { proposedAward: command.proposedAward } : {}),
        nominatingUnitId: c.dossier.nominatingUnitId,
        // The name as the published ranking gave it (from the unit registry councils keeps a copy of).
        ...(entry.nominatingUnitName ? { nominatingUnitName: entry.nominatingUnitName } : {}),
        authors: c.dossier.authors.map((a) => ({ name: a.name })),
      },
    },
  ];
}
