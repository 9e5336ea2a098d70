import { project } from '../councils/projection.fixtures';
import { caseFinalised } from '../grading/grading.fixtures';
import { assigned, caseOpened, recused, scored } from './evaluation-case.fixtures';
import { workQueueProjection } from './work-queue.projection';
import { COUNCILS_EVENTS as E } from '@cem/contracts';

const id = (memberId: string) => `${memberId}|hs-001@province`;

describe("a member's work queue", () => {
  const events = [caseOpened, assigned(['m-chair', 'm-lhh', 'm-expert']), recused('m-expert', 'là tác giả'), scored('m-lhh', [9, 8, 7])];

  it('lists assigned cases with where each member stands, showing only their own total', () => {
    const docs = project(workQueueProjection, events);
    expect(docs.get(id('m-chair'))).toMatchObject({
      memberId: 'm-chair',
      title: 'Cải tiến dây chuyền sấy nông sản tiết kiệm năng lượng',
      status: 'to-score',
      caseFinalised: false,
    });
    expect(docs.get(id('m-lhh'))).toMatchObject({ status: 'scored', ownTotal: 8.1, revisions: 0 });
    expect(docs.get(id('m-expert'))).toMatchObject({ status: 'recused', recusalReason: 'là tác giả' });
  });

  it('counts revisions and closes every item at finalisation', () => {
    const revision = { type: E.ScoreRevised, data: { ...scored('m-lhh', [9, 9, 8]).data, reason: 'x', previousTotal: 8.1, revision: 1 } };
    const docs = project(workQueueProjection, [
      ...events,
      revision,
      caseFinalised({ assignedMemberIds: ['m-chair', 'm-lhh', 'm-expert'] }),
    ]);
    expect(docs.get(id('m-lhh'))).toMatchObject({ ownTotal: 8.7, revisions: 1, caseFinalised: true });
    expect([...docs.values()].every((d) => d.caseFinalised)).toBe(true);
  });
});
