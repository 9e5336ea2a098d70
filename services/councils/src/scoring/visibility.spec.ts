import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { evolveAll } from '@cem/decider';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import { assigned, caseOpened, recused, scored } from '../evaluation/evaluation-case.fixtures';
import type { EvaluationCaseEvent } from '../evaluation/evaluation-case.state';
import { visibleScores } from './visibility';

const stateAfter = (events: EvaluationCaseEvent[]) => evolveAll(evaluationCaseDecider, events);
const seenBy = (memberId: string, events: EvaluationCaseEvent[]) => visibleScores(stateAfter(events), memberId).map((s) => s.memberId);

describe('visibleScores: members score independently', () => {
  const base = [caseOpened, assigned(['m-chair', 'm-khcn', 'm-lhh']), scored('m-chair', [9, 8, 7])];

  it("a member who has not scored sees no one's score", () => {
    expect(seenBy('m-lhh', base)).toEqual([]);
  });

  it('after scoring, the member sees every counted score', () => {
    expect(seenBy('m-lhh', [...base, scored('m-lhh', [8, 8, 8])])).toEqual(['m-chair', 'm-lhh']);
    expect(seenBy('m-chair', [...base, scored('m-lhh', [8, 8, 8])])).toEqual(['m-chair', 'm-lhh']);
  });

  it('a recused member sees nothing, and their score is no longer shown to others', () => {
    const events = [...base, scored('m-lhh', [8, 8, 8]), recused('m-lhh', 'xung đột')];
    expect(seenBy('m-lhh', events)).toEqual([]);
    expect(seenBy('m-chair', events)).toEqual(['m-chair']);
  });

  it('after finalisation, every counted score is visible', () => {
    const finalised = { type: E.CaseFinalised, data: {} } as EvaluationCaseEvent;
    expect(seenBy('m-khcn', [...base, finalised])).toEqual(['m-chair']);
  });

  it('an unknown case shows nothing', () => {
    expect(visibleScores({ status: 'none' }, 'm-chair')).toEqual([]);
  });
});
