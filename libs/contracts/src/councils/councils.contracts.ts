import { defineEvent, EventContract } from '../event-contract';
import { AppealAssignedData, AppealDecidedData, AppealFiledData, CaseReopenedData } from './appeal.events';
import { InnovationAppliedData } from './innovation.events';
import {
  CouncilEditionAddedData,
  CouncilEstablishedData,
  MemberAddedData,
  MemberRemovedData,
  MemberReplacedData,
  RegulationsAmendedData,
} from './council.events';
import { CriteriaSetDraftedData, CriteriaSetPublishedData } from './criteria.events';
import {
  ConflictDeclaredData,
  ConflictDetectedData,
  DossierAwaitingCouncilData,
  EvaluationCaseOpenedData,
  MemberRecusedData,
  MembersAssignedData,
} from './evaluation.events';
import { CaseFinalisedData, DossierRecommendedUpwardData, HonourProposedData, RankingPublishedData } from './grading.events';
import { ScoreRevisedData, ScoreSubmittedData } from './scoring.events';

export const COUNCILS_CONTEXT = 'councils';

export const COUNCILS_EVENTS = {
  CouncilEstablished: 'councils.CouncilEstablished',
  MemberAdded: 'councils.MemberAdded',
  MemberReplaced: 'councils.MemberReplaced',
  MemberRemoved: 'councils.MemberRemoved',
  RegulationsAmended: 'councils.RegulationsAmended',
  CouncilEditionAdded: 'councils.CouncilEditionAdded',
  CriteriaSetDrafted: 'councils.CriteriaSetDrafted',
  CriteriaSetPublished: 'councils.CriteriaSetPublished',
  DossierAwaitingCouncil: 'councils.DossierAwaitingCouncil',
  EvaluationCaseOpened: 'councils.EvaluationCaseOpened',
  MembersAssigned: 'councils.MembersAssigned',
  ConflictDetected: 'councils.ConflictDetected',
  ConflictDeclared: 'councils.ConflictDeclared',
  MemberRecused: 'councils.MemberRecused',
  ScoreSubmitted: 'councils.ScoreSubmitted',
  ScoreRevised: 'councils.ScoreRevised',
  CaseFinalised: 'councils.CaseFinalised',
  RankingPublished: 'councils.RankingPublished',
  DossierRecommendedUpward: 'councils.DossierRecommendedUpward',
  InnovationApplied: 'councils.InnovationApplied',
  HonourProposed: 'councils.HonourProposed',
  AppealFiled: 'councils.AppealFiled',
  AppealAssigned: 'councils.AppealAssigned',
  AppealDecided: 'councils.AppealDecided',
  CaseReopened: 'councils.CaseReopened',
} as const;

const v1 = <T>(type: string, dataClass: new () => T, description: string) => defineEvent(COUNCILS_CONTEXT, type, 1, dataClass, description);

const E = COUNCILS_EVENTS;

export const COUNCILS_CONTRACTS: EventContract[] = [
  v1(E.CouncilEstablished, CouncilEstablishedData, 'Hội đồng thẩm định sáng tạo established by the Front chair'),
  v1(E.MemberAdded, MemberAddedData, 'A member joins the council from a date'),
  v1(E.MemberReplaced, MemberReplacedData, 'A member is replaced by another from a date'),
  v1(E.MemberRemoved, MemberRemovedData, 'A member leaves the council from a date'),
  v1(E.RegulationsAmended, RegulationsAmendedData, 'The council operating regulations (quy chế) changed'),
  v1(E.CouncilEditionAdded, CouncilEditionAddedData, 'A standing council takes on one more campaign edition'),
  v1(E.CriteriaSetDrafted, CriteriaSetDraftedData, 'A criteria set version drafted (not yet usable)'),
  v1(E.CriteriaSetPublished, CriteriaSetPublishedData, 'A criteria set version frozen; supersedes the previous'),
  v1(
    E.DossierAwaitingCouncil,
    DossierAwaitingCouncilData,
    'A received dossier waits: no council, or several, match its edition, level, jurisdiction and field',
  ),
  v1(E.EvaluationCaseOpened, EvaluationCaseOpenedData, 'An evaluation case opened for a received dossier'),
  v1(E.MembersAssigned, MembersAssignedData, 'The secretary assigned members to a case'),
  v1(E.ConflictDetected, ConflictDetectedData, 'A conflict of interest found automatically'),
  v1(E.ConflictDeclared, ConflictDeclaredData, 'A member declared a conflict of interest'),
  v1(E.MemberRecused, MemberRecusedData, 'A member may not score a case'),
  v1(E.ScoreSubmitted, ScoreSubmittedData, "A member's independent score"),
  v1(E.ScoreRevised, ScoreRevisedData, "A member's score revised, with a reason"),
  v1(E.CaseFinalised, CaseFinalisedData, 'A case accepted/graded at the council meeting'),
  v1(E.RankingPublished, RankingPublishedData, 'Ranking within a field, edition and level'),
  v1(E.DossierRecommendedUpward, DossierRecommendedUpwardData, 'A dossier proposed to the next level'),
  v1(E.HonourProposed, HonourProposedData, 'An honour/commendation proposed to recognition'),
  v1(E.AppealFiled, AppealFiledData, "An author or the nominating unit appeals the council's result (khiếu nại, kiến nghị)"),
  v1(E.AppealAssigned, AppealAssignedData, 'An appeal given to the council that decides it'),
  v1(E.AppealDecided, AppealDecidedData, 'An appeal decided with reasons (upheld or rejected)'),
  v1(E.CaseReopened, CaseReopenedData, 'Scoring reopened after an upheld appeal; the previous result kept'),
  v1(E.InnovationApplied, InnovationAppliedData, 'An accepted work applied in one more unit (its spread), with the effect there'),
];
