import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { project } from '../councils/projection.fixtures';
import { councilConflictsProjection } from './council-conflicts.projection';
import { assigned, CASE_ID, caseOpened, recused, scored } from './evaluation-case.fixtures';

const id = (memberId: string) => `${memberId}|${CASE_ID}`;

describe("a council's conflict register", () => {
  const detected = {
    type: E.ConflictDetected,
    data: { caseId: CASE_ID, memberId: 'm-expert', kind: 'author' as const, matched: 'Trần Văn Hùng' },
  };
  const declared = {
    type: E.ConflictDeclared,
    data: { caseId: CASE_ID, memberId: 'm-lhh', reason: 'Là người hướng dẫn nhóm tác giả', declaredAt: '2019-04-20T03:00:00Z' },
  };

  it('keeps the detected and declared conflicts of each assigned member with the recusal they caused', () => {
    const docs = project(councilConflictsProjection, [
      caseOpened,
      assigned(['m-chair', 'm-lhh', 'm-expert']),
      detected,
      recused('m-expert', 'Xung đột lợi ích (tự động phát hiện): là tác giả "Trần Văn Hùng"'),
      declared,
      recused('m-lhh', 'Là người hướng dẫn nhóm tác giả'),
      scored('m-chair', [9, 8, 7]),
    ]);
    expect(docs.get(id('m-expert'))).toMatchObject({
      councilId: 'hd-ha-nam',
      dossierId: 'hs-001',
      memberId: 'm-expert',
      hasConflict: true,
      detected: [{ kind: 'author', kindLabel: 'Là tác giả của hồ sơ', matched: 'Trần Văn Hùng', detectedAt: '2019-05-01T00:00:00Z' }],
      recused: true,
      recusalReason: 'Xung đột lợi ích (tự động phát hiện): là tác giả "Trần Văn Hùng"',
    });
    expect(docs.get(id('m-lhh'))).toMatchObject({
      hasConflict: true,
      detected: [],
      declared: { reason: 'Là người hướng dẫn nhóm tác giả', declaredAt: '2019-04-20T03:00:00Z' },
      recused: true,
    });
    expect(docs.get(id('m-chair'))).toMatchObject({ hasConflict: false, recused: false, detected: [] });
  });

  it('ignores conflict events for a member never assigned (no council to file them under)', () => {
    const docs = project(councilConflictsProjection, [caseOpened, { ...detected, data: { ...detected.data, memberId: 'm-ghost' } }]);
    expect(docs.size).toBe(0);
  });
});
