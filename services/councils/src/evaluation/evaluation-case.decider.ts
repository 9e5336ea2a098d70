import type { Decider } from '@cem/decider';
import { AssignAppeal, assignAppeal, DecideAppeal, decideAppeal, FileAppeal, fileAppeal } from '../appeals/appeal.decide';
import { finaliseCase, FinaliseCase } from '../grading/finalisation.decide';
import { ProposeHonour, proposeHonour, RecommendUpward, recommendUpward } from '../grading/recommendation.decide';
import { ReviseScore, reviseScore, SubmitScore, submitScore } from '../scoring/scoring.decide';
import { AssignMembers, assignMembers, DeclareConflict, declareConflict } from './assignment.decide';
import { OpenEvaluationCase, openEvaluationCase } from './case-opening.decide';
import { RouteDossier, routeDossier } from './case-routing.decide';
import { EvaluationCaseEvent, EvaluationCaseState, evolveEvaluationCase } from './evaluation-case.state';

export type EvaluationCaseCommand =
  | RouteDossier
  | OpenEvaluationCase
  | AssignMembers
  | DeclareConflict
  | SubmitScore
  | ReviseScore
  | FinaliseCase
  | RecommendUpward
  | ProposeHonour
  | FileAppeal
  | AssignAppeal
  | DecideAppeal;

/** One stream per case; each slice (evaluation, scoring, grading) contributes its commands. */
function decide(command: EvaluationCaseCommand, state: EvaluationCaseState): EvaluationCaseEvent[] {
  switch (command.type) {
    case 'RouteDossier':
      return routeDossier(command, state);
    case 'OpenEvaluationCase':
      return openEvaluationCase(command, state);
    case 'AssignMembers':
      return assignMembers(command, state);
    case 'DeclareConflict':
      return declareConflict(command, state);
    case 'SubmitScore':
      return submitScore(command, state);
    case 'ReviseScore':
      return reviseScore(command, state);
    case 'FinaliseCase':
      return finaliseCase(command, state);
    case 'RecommendUpward':
      return recommendUpward(command, state);
    case 'ProposeHonour':
      return proposeHonour(command, state);
    case 'FileAppeal':
      return fileAppeal(command, state);
    case 'AssignAppeal':
      return assignAppeal(command, state);
    case 'DecideAppeal':
      return decideAppeal(command, state);
  }
}

export const evaluationCaseDecider: Decider<EvaluationCaseState, EvaluationCaseCommand, EvaluationCaseEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveEvaluationCase,
  decide,
};

export const evaluationCaseStreamId = (caseId: string) => `evaluation-case-${caseId}`;
