import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { councilAfter, councilEstablished, khcnReplacedInJune, memberActor } from '../councils/council.fixtures';
import { criteriaV1, criteriaV2 } from '../criteria/criteria-set.fixtures';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import { assigned, CASE_ID, caseOpened, recused, scored, sheet } from '../evaluation/evaluation-case.fixtures';

const spec = deciderSpec(evaluationCaseDecider);
const council = councilAfter();
const opened = [caseOpened, assigned(['m-chair', 'm-khcn', 'm-lhh'])];

const submit = (memberId: string, values: number[], overrides = {}) => ({
  type: 'SubmitScore' as const,
  actor: memberActor(memberId),
  caseId: CASE_ID,
  memberId,
  criteriaVersion: 1,
  scores: sheet(values),
  submittedAt: '2019-05-02T10:00:00Z',
  criteria: criteriaV1,
  council,
  ...overrides,
});

describe('submitting a score', () => {
  it('records the weighted total: 0.4×9 + 0.3×8 + 0.3×7 = 8.1', () => {
    spec
      .given(opened)
      .when(submit('m-lhh', [9, 8, 7]))
      .then([
        {
          type: E.ScoreSubmitted,
          data: {
            caseId: CASE_ID,
            memberId: 'm-lhh',
            criteriaSetId: 'dkst-2019-khcn',
            criteriaVersion: 1,
            scores: sheet([9, 8, 7]),
            total: 8.1,
            submittedAt: '2019-05-02T10:00:00Z',
          },
        },
      ]);
  });

  it('keeps 2 decimals: 0.4×7.5 + 0.3×8.25 + 0.3×6.75 = 7.5', () => {
    spec
      .given(opened)
      .when(submit('m-lhh', [7.5, 8.25, 6.75]))
      .thenMatches(([e]) => expect((e.data as { total: number }).total).toBe(7.5));
  });

  it('refuses a recused member (conflict of interest)', () => {
    spec
      .given([...opened, recused('m-lhh', 'là tác giả')])
      .when(submit('m-lhh', [9, 8, 7]))
      .thenThrows(DomainRuleViolation, /m-lhh không tham gia thẩm định hồ sơ hs-001@province \(xung đột lợi ích\)/);
  });

  it('refuses a member not assigned to the case', () => {
    spec
      .given(opened)
      .when(submit('m-tdkt', [9, 8, 7]))
      .thenThrows(DomainRuleViolation, /m-tdkt chưa được phân công chấm hồ sơ hs-001@province/);
  });

  it("refuses a score submitted on someone else's behalf", () => {
    spec
      .given(opened)
      .when({ ...submit('m-lhh', [9, 8, 7]), actor: memberActor('m-chair') })
      .thenThrows(ForbiddenError);
  });

  it('refuses a score under a superseded criteria version', () => {
    spec
      .given(opened)
      .when(submit('m-lhh', [9, 8, 7], { criteria: criteriaV2 }))
      .thenThrows(DomainRuleViolation, /Bộ tiêu chí phiên bản 1 đã được thay bằng phiên bản 2/);
  });

  it('accepts a score under the version now in force', () => {
    // 0.4×9 + 0.2×8 + 0.4×7 = 8.0
    spec
      .given(opened)
      .when(submit('m-lhh', [9, 8, 7], { criteria: criteriaV2, criteriaVersion: 2 }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ criteriaVersion: 2, total: 8 }));
  });

  it('refuses criteria of another edition', () => {
    const other = { ...criteriaV1, year: 2020 };
    spec
      .given(opened)
      .when(submit('m-lhh', [9, 8, 7], { criteria: other }))
      .thenThrows(DomainRuleViolation, /Bộ tiêu chí dkst-2019-khcn không dành cho đợt và lĩnh vực của hồ sơ này/);
  });

  it.each([
    [sheet([11, 8, 7]), /Tiêu chí TM chấm từ 0 đến 10 \(nhận được 11\)/],
    [sheet([9, -1, 7]), /Tiêu chí AD chấm từ 0 đến 10 \(nhận được -1\)/],
    [sheet([9, 8, 7]).slice(0, 2), /Chưa chấm: HQ/],
    [[...sheet([9, 8, 7]), { criterionCode: 'TM', value: 5 }], /Tiêu chí TM được chấm hai lần/],
    [[...sheet([9, 8, 7]), { criterionCode: 'XX', value: 5 }], /Tiêu chí XX không có trong bộ tiêu chí này/],
  ])('scores every criterion exactly once within its scale %#', (scores, message) => {
    spec
      .given(opened)
      .when({ ...submit('m-lhh', [0, 0, 0]), scores })
      .thenThrows(DomainRuleViolation, message);
  });

  it('refuses a second submission: changes go through revision', () => {
    spec
      .given([...opened, scored('m-lhh', [9, 8, 7])])
      .when(submit('m-lhh', [9, 9, 9]))
      .thenThrows(DomainRuleViolation, /Phiếu đã chấm chỉ được điều chỉnh \(nêu lý do\)/);
  });
});

describe('membership change mid-year', () => {
  // m-khcn was assigned in April, replaced by m-khcn-2 from 1 June; the case is scored in August.
  const renewed = councilAfter([councilEstablished(), khcnReplacedInJune]);
  const history = [caseOpened, assigned(['m-chair', 'm-khcn']), assigned(['m-khcn-2'], '2019-07-01T08:00:00Z')];
  const august = { submittedAt: '2019-08-12T09:00:00Z', council: renewed };

  it('the member replaced in June cannot score in August', () => {
    spec
      .given(history)
      .when(submit('m-khcn', [9, 8, 7], august))
      .thenThrows(DomainRuleViolation, /m-khcn không là thành viên Hội đồng vào ngày 2019-08-12/);
  });

  it('the replacement can', () => {
    spec
      .given(history)
      .when(submit('m-khcn-2', [9, 8, 7], august))
      .thenMatches((events) => expect(events).toMatchObject([{ type: E.ScoreSubmitted, data: { memberId: 'm-khcn-2', total: 8.1 } }]));
  });

  it('the replaced member could score in May, while still sitting', () => {
    spec
      .given(history)
      .when(submit('m-khcn', [9, 8, 7], { council: renewed }))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });
});

describe('revising a score', () => {
  const revise = (reason: string) => ({ ...submit('m-lhh', [9, 9, 8]), type: 'ReviseScore' as const, reason });
  const given = [...opened, scored('m-lhh', [9, 8, 7])];

  it('with a reason: records the new score, the previous total and the revision number', () => {
    // 0.4×9 + 0.3×9 + 0.3×8 = 8.7
    spec
      .given(given)
      .when(revise('Bổ sung minh chứng hiệu quả'))
      .then([
        {
          type: E.ScoreRevised,
          data: {
            caseId: CASE_ID,
            memberId: 'm-lhh',
            criteriaSetId: 'dkst-2019-khcn',
            criteriaVersion: 1,
            scores: sheet([9, 9, 8]),
            total: 8.7,
            submittedAt: '2019-05-02T10:00:00Z',
            reason: 'Bổ sung minh chứng hiệu quả',
            previousTotal: 8.1,
            revision: 1,
          },
        },
      ]);
  });

  it('without a reason: refused', () => {
    spec
      .given(given)
      .when(revise('  '))
      .thenThrows(DomainRuleViolation, /Điều chỉnh điểm cần nêu lý do/);
  });

  it('keeps the earlier score in the history', () => {
    const [event] = evaluationCaseDecider.decide(
      revise('Bổ sung'),
      given.reduce(evaluationCaseDecider.evolve, evaluationCaseDecider.initialState()),
    );
    const state = [...given, event].reduce(evaluationCaseDecider.evolve, evaluationCaseDecider.initialState());
    expect(state.status !== 'none' && state.scoreHistory['m-lhh'].map((s) => s.total)).toEqual([8.1, 8.7]);
  });

  it('needs an earlier score', () => {
    spec
      .given(opened)
      .when(revise('x'))
      .thenThrows(DomainRuleViolation, /m-lhh chưa chấm hồ sơ hs-001@province/);
  });
});
