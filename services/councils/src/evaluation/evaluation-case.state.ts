import type {
  AppealAssignedData,
  AppealDecidedData,
  AppealFiledData,
  CaseFinalisedData,
  CaseReopenedData,
  ConflictDeclaredData,
  ConflictDetectedData,
  DomainEvent,
  DossierAwaitingCouncilData,
  DossierRecommendedUpwardData,
  EvaluationCaseOpenedData,
  HonourProposedData,
  MemberRecusedData,
  MembersAssignedData,
  ScoreRevisedData,
  ScoreSubmittedData,
} from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';

export type EvaluationCaseEvent =
  | DomainEvent<typeof E.DossierAwaitingCouncil, DossierAwaitingCouncilData>
  | DomainEvent<typeof E.EvaluationCaseOpened, EvaluationCaseOpenedData>
  | DomainEvent<typeof E.MembersAssigned, MembersAssignedData>
  | DomainEvent<typeof E.ConflictDetected, ConflictDetectedData>
  | DomainEvent<typeof E.ConflictDeclared, ConflictDeclaredData>
  | DomainEvent<typeof E.MemberRecused, MemberRecusedData>
  | DomainEvent<typeof E.ScoreSubmitted, ScoreSubmittedData>
  | DomainEvent<typeof E.ScoreRevised, ScoreRevisedData>
  | DomainEvent<typeof E.CaseFinalised, CaseFinalisedData>
  | DomainEvent<typeof E.DossierRecommendedUpward, DossierRecommendedUpwardData>
  | DomainEvent<typeof E.HonourProposed, HonourProposedData>
  | DomainEvent<typeof E.AppealFiled, AppealFiledData>
  | DomainEvent<typeof E.AppealAssigned, AppealAssignedData>
  | DomainEvent<typeof E.AppealDecided, AppealDecidedData>
  | DomainEvent<typeof E.CaseReopened, CaseReopenedData>;

/** An appeal against the case's result and where it stands. */
export interface AppealRecord extends AppealFiledData {
  status: 'filed' | 'assigned' | 'decided';
  assigned?: AppealAssignedData;
  decision?: AppealDecidedData;
}

/** A score as given, with the revision reason when it replaced an earlier one. */
export type ScoreRecord = ScoreSubmittedData & { reason?: string };

export interface EvaluationCase extends EvaluationCaseOpenedData {
  status: 'open' | 'finalised';
  assigned: string[];
  conflicts: ConflictDetectedData[];
  declarations: ConflictDeclaredData[];
  recusals: MemberRecusedData[];
  /** Per member, every score they gave, oldest first: revisions never erase. */
  scoreHistory: Record<string, ScoreRecord[]>;
  finalised?: CaseFinalisedData;
  recommendedUpward?: DossierRecommendedUpwardData;
  honourProposed?: HonourProposedData;
  /** Every appeal, oldest first. */
  appeals: AppealRecord[];
  /** Results replaced after an upheld appeal reopened the scoring, oldest first (the scores stay in scoreHistory). */
  reopenings: CaseReopenedData[];
}

/**
 * No case yet: `awaiting` is set while the received dossier waits for a council (none or several matched); the
 * case opens on the same stream once one council is chosen.
 */
export type NoCase = { status: 'none'; awaiting?: DossierAwaitingCouncilData };

export type EvaluationCaseState = NoCase | EvaluationCase;

export const isRecused = (c: EvaluationCase, memberId: string) => c.recusals.some((r) => r.memberId === memberId);

/** Each non-recused member's latest score: what counts and what may be shown. */
export function currentScores(c: EvaluationCase): ScoreRecord[] {
  return Object.entries(c.scoreHistory)
    .filter(([memberId]) => !isRecused(c, memberId))
    .map(([, history]) => history[history.length - 1]);
}

function withScore(c: EvaluationCase, record: ScoreRecord): EvaluationCase {
  const history = c.scoreHistory[record.memberId] ?? [];
  return { ...c, scoreHistory: { ...c.scoreHistory, [record.memberId]: [...history, record] } };
}

const withAppeal = (c: EvaluationCase, appealId: string, change: (a: AppealRecord) => AppealRecord): EvaluationCase => ({
  ...c,
  appeals: (c.appeals ?? []).map((a) => (a.appealId === appealId ? change(a) : a)),
});

/** The appeal not yet decided, if any (one at a time). */
export const pendingAppeal = (c: EvaluationCase): AppealRecord | undefined => (c.appeals ?? []).find((a) => a.status !== 'decided');

export function evolveEvaluationCase(state: EvaluationCaseState, event: EvaluationCaseEvent): EvaluationCaseState {
  if (event.type === E.DossierAwaitingCouncil) {
    return state.status === 'none' ? { status: 'none', awaiting: event.data } : state;
  }
  if (event.type === E.EvaluationCaseOpened) {
    return {
      ...event.data,
      status: 'open',
      assigned: [],
      conflicts: [],
      declarations: [],
      recusals: [],
      scoreHistory: {},
      appeals: [],
      reopenings: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case E.MembersAssigned:
      return { ...state, assigned: [...state.assigned, ...event.data.memberIds] };
    case E.ConflictDetected:
      return { ...state, conflicts: [...state.conflicts, event.data] };
    case E.ConflictDeclared:
      return { ...state, declarations: [...state.declarations, event.data] };
    case E.MemberRecused:
      return { ...state, recusals: [...state.recusals, event.data] };
    case E.ScoreSubmitted:
      return withScore(state, event.data);
    case E.ScoreRevised: {
      const { previousTotal: _p, revision: _r, ...record } = event.data;
      return withScore(state, record);
    }
    case E.CaseFinalised:
      return { ...state, status: 'finalised', finalised: event.data };
    case E.DossierRecommendedUpward:
      return { ...state, recommendedUpward: event.data };
    case E.HonourProposed:
      return { ...state, honourProposed: event.data };
    case E.AppealFiled:
      return { ...state, appeals: [...(state.appeals ?? []), { ...event.data, status: 'filed' }] };
    case E.AppealAssigned:
      return withAppeal(state, event.data.appealId, (a) => ({ ...a, status: 'assigned', assigned: event.data }));
    case E.AppealDecided:
      return withAppeal(state, event.data.appealId, (a) => ({ ...a, status: 'decided', decision: event.data }));
    case E.CaseReopened: {
      const { finalised: _f, ...rest } = state;
      return { ...rest, status: 'open', reopenings: [...(state.reopenings ?? []), event.data] };
    }
    default:
      return state;
  }
}
