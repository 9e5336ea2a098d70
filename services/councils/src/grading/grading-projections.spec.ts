import { project } from '../councils/projection.fixtures';
import { assigned, caseOpened, scored } from '../evaluation/evaluation-case.fixtures';
import { caseScoresProjection } from './case-scores.projection';
import { caseFinalised, FINALISED, RANKING } from './grading.fixtures';
import { rankingsProjection } from './rankings.projection';
import { COUNCILS_EVENTS as E } from '@cem/contracts';

describe("a case's scores read model", () => {
  const scoring = [caseOpened, assigned(['m-chair', 'm-khcn', 'm-lhh']), scored('m-chair', [9, 8, 7]), scored('m-lhh', [9, 9, 8])];

  it('has nothing before finalisation', () => {
    expect(project(caseScoresProjection, scoring).size).toBe(0);
  });

  it('shows the result and every counted score after finalisation', () => {
    const doc = project(caseScoresProjection, [...scoring, caseFinalised()]).get('hs-001@province');
    expect(doc).toMatchObject({ aggregateScore: 8.17, gradeLabel: 'Tốt', accepted: true, scores: FINALISED.scores });
  });
});

describe('rankings read model', () => {
  it('keeps the latest revision per council, field, edition and level', () => {
    const revised = { ...RANKING, revision: 2, entries: RANKING.entries.slice(1).map((e) => ({ ...e, rank: 1 })) };
    const docs = project(rankingsProjection, [
      { type: E.RankingPublished, data: RANKING },
      { type: E.RankingPublished, data: { ...RANKING, fieldCode: 'van-hoa' } },
      { type: E.RankingPublished, data: revised },
    ]);
    expect(docs.size).toBe(2);
    expect(docs.get('hd-ha-nam|dkst|2019|khcn|province')).toMatchObject({ revision: 2, entries: [{ rank: 1, dossierId: 'hs-001' }] });
  });
});
