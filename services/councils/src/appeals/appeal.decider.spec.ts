import type { AppealFiledData, AppealRulesSetData } from '@cem/contracts';
import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { evolveAll } from '@cem/decider';
import { deciderSpec } from '@cem/decider/testing';
import { actorAt, chair, councilAfter, councilEstablished, HA_NAM, secretary } from '../councils/council.fixtures';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import { CASE_ID, caseOpened } from '../evaluation/evaluation-case.fixtures';
import type { EvaluationCase, EvaluationCaseEvent } from '../evaluation/evaluation-case.state';
import { caseFinalised, FINALISED, RANKING } from '../grading/grading.fixtures';

/** hs-001 was finalised at the meeting of 20/05/2019 (8,17 điểm, Tốt); the campaign allows 15 days. */
const spec = deciderSpec(evaluationCaseDecider);
const council = councilAfter();
const centralCouncil = councilAfter([
  councilEstablished({
    councilId: 'hd-trung-uong',
    name: 'Hội đồng thẩm định sáng tạo Trung ương',
    level: 'central',
    jurisdictionUnitId: 'vn',
    jurisdictionUnitPath: ['vn'],
  }),
]);
const centralChair = { ...actorAt('m-chair', 'council-chair', 'vn', ['vn']), level: 'central' as const };
const SAME: AppealRulesSetData = { campaignId: 'dkst', windowDays: 15, handledBy: 'same-council' };
const author = actorAt('p-lan', 'submitter', 'vn-ha-nam-duy-tien-cty-ns', [
  'vn',
  HA_NAM,
  'vn-ha-nam-duy-tien',
  'vn-ha-nam-duy-tien-cty-ns',
]);
const unitOfficer = actorAt('officer-ns', 'unit-officer', 'vn-ha-nam-duy-tien-cty-ns', author.unitPath);
const done = [caseOpened, caseFinalised()];

const file = (overrides = {}) => ({
  type: 'FileAppeal' as const,
  actor: author,
  caseId: CASE_ID,
  appealId: 'kn-1',
  grounds: 'Tiêu chí hiệu quả chưa tính số liệu tiết kiệm điện năm 2019',
  filedAt: '2019-06-01T08:00:00Z',
  rules: SAME,
  ...overrides,
});
const CONTESTED = {
  aggregateScore: 8.17,
  grade: 'tot' as const,
  gradeLabel: 'Tốt',
  accepted: true,
  meetingDate: '2019-05-20',
  minutesRef: 'BB-03/2019/HĐTĐST',
};
const FILED: AppealFiledData = {
  appealId: 'kn-1',
  caseId: CASE_ID,
  dossierId: 'hs-001',
  councilId: 'hd-ha-nam',
  level: 'province',
  jurisdictionUnitPath: ['vn', HA_NAM],
  title: 'Cải tiến dây chuyền sấy nông sản tiết kiệm năng lượng',
  nominatingUnitId: 'vn-ha-nam-duy-tien-cty-ns',
  campaignId: 'dkst',
  year: 2019,
  fieldCode: 'khcn',
  appellantKind: 'author',
  appellantId: 'p-lan',
  appellantUnitId: 'vn-ha-nam-duy-tien-cty-ns',
  grounds: 'Tiêu chí hiệu quả chưa tính số liệu tiết kiệm điện năm 2019',
  filedAt: '2019-06-01T08:00:00Z',
  windowEndsOn: '2019-06-04',
  handledBy: 'same-council',
  contested: CONTESTED,
};
const filed = (overrides: Partial<AppealFiledData> = {}): EvaluationCaseEvent => ({
  type: E.AppealFiled,
  data: { ...FILED, ...overrides },
});
const assign = (overrides = {}) => ({
  type: 'AssignAppeal' as const,
  actor: secretary,
  caseId: CASE_ID,
  appealId: 'kn-1',
  council,
  toCouncil: council,
  assignedAt: '2019-06-02T08:00:00Z',
  ...overrides,
});
const assigned = (
  toCouncilId = 'hd-ha-nam',
  toLevel: 'province' | 'central' = 'province',
  handledBy: 'same-council' | 'level-above' = 'same-council',
): EvaluationCaseEvent => ({
  type: E.AppealAssigned,
  data: {
    appealId: 'kn-1',
    caseId: CASE_ID,
    dossierId: 'hs-001',
    toCouncilId,
    toLevel,
    toJurisdictionUnitId: toLevel === 'central' ? 'vn' : HA_NAM,
    handledBy,
    assignedAt: '2019-06-02T08:00:00Z',
  },
});
const decide = (overrides = {}) => ({
  type: 'DecideAppeal' as const,
  actor: chair,
  caseId: CASE_ID,
  appealId: 'kn-1',
  decidingCouncil: council,
  outcome: 'upheld' as const,
  reasons: 'Số liệu tiết kiệm điện có xác nhận của Điện lực Duy Tiên chưa được xem xét',
  reopenScoring: true,
  decidedAt: '2019-06-10T08:00:00Z',
  ...overrides,
});
const decided = (overrides = {}): EvaluationCaseEvent => ({
  type: E.AppealDecided,
  data: {
    appealId: 'kn-1',
    caseId: CASE_ID,
    dossierId: 'hs-001',
    decidedByCouncilId: 'hd-ha-nam',
    outcome: 'upheld',
    reasons: 'Số liệu tiết kiệm điện có xác nhận của Điện lực Duy Tiên chưa được xem xét',
    reopenScoring: true,
    decidedAt: '2019-06-10T08:00:00Z',
    ...overrides,
  },
});
const reopened: EvaluationCaseEvent = {
  type: E.CaseReopened,
  data: {
    caseId: CASE_ID,
    dossierId: 'hs-001',
    councilId: 'hd-ha-nam',
    appealId: 'kn-1',
    reopenedAt: '2019-06-10T08:00:00Z',
    memberIds: [],
    previous: CONTESTED,
  },
};

describe('filing an appeal against a council result', () => {
  it('an author (by person id) appeals within the window; the contested result is recorded', () => {
    spec.given(done).when(file()).then([filed()]);
  });

  it('the nominating unit appeals through its officer', () => {
    spec
      .given(done)
      .when(file({ actor: unitOfficer }))
      .then([filed({ appellantKind: 'nominating-unit', appellantId: 'officer-ns' })]);
  });

  it('the last day of the window counts; the day after is refused', () => {
    spec
      .given(done)
      .when(file({ filedAt: '2019-06-04T16:59:00Z' }))
      .thenMatches((events) => expect(events[0].type).toBe(E.AppealFiled));
    spec
      .given(done)
      .when(file({ filedAt: '2019-06-05T08:00:00Z' }))
      .thenThrows(DomainRuleViolation, /Đã hết thời hạn kiến nghị \(15 ngày kể từ ngày họp Hội đồng 2019-05-20, đến hết ngày 2019-06-04\)/);
  });

  it('only authors and the nominating unit', () => {
    const stranger = actorAt('p-other', 'submitter', 'vn-ha-nam-phu-ly', ['vn', HA_NAM, 'vn-ha-nam-phu-ly']);
    spec
      .given(done)
      .when(file({ actor: stranger }))
      .thenThrows(ForbiddenError, /Chỉ tác giả hoặc đơn vị đề cử/);
  });

  it('needs a finalised result, the campaign rules, grounds, and no pending appeal', () => {
    spec
      .given([caseOpened])
      .when(file())
      .thenThrows(DomainRuleViolation, /chưa có kết quả thẩm định/);
    spec
      .given(done)
      .when(file({ rules: undefined }))
      .thenThrows(DomainRuleViolation, /chưa quy định việc kiến nghị/);
    spec
      .given(done)
      .when(file({ grounds: '  ' }))
      .thenThrows(DomainRuleViolation, /phải nêu nội dung/);
    spec
      .given([...done, filed()])
      .when(file({ appealId: 'kn-2' }))
      .thenThrows(DomainRuleViolation, /chưa chốt kết quả|chưa có kết quả|đang có kiến nghị/);
  });

  it('a result already used for a proposal can no longer be appealed', () => {
    const proposed: EvaluationCaseEvent = {
      type: E.DossierRecommendedUpward,
      data: {
        caseId: CASE_ID,
        dossierId: 'hs-001',
        councilId: 'hd-ha-nam',
        fromLevel: 'province',
        toLevel: 'central',
        rank: 2,
        score: 8.17,
        grade: 'tot',
        decisionRef: 'TTr 15',
      },
    };
    spec
      .given([...done, proposed])
      .when(file())
      .thenThrows(DomainRuleViolation, /không còn kiến nghị được/);
  });
});

describe('assigning an appeal', () => {
  it('to the same council when the campaign says so', () => {
    spec
      .given([...done, filed()])
      .when(assign())
      .then([assigned()]);
  });

  it('to the council of the level above, of the same field and jurisdiction, when the campaign says so', () => {
    spec
      .given([...done, filed({ handledBy: 'level-above' })])
      .when(assign({ toCouncil: centralCouncil }))
      .then([assigned('hd-trung-uong', 'central', 'level-above')]);
    spec
      .given([...done, filed({ handledBy: 'level-above' })])
      .when(assign())
      .thenThrows(DomainRuleViolation, /Hội đồng cấp trên/);
    spec
      .given([...done, filed()])
      .when(assign({ toCouncil: centralCouncil }))
      .thenThrows(DomainRuleViolation, /chính Hội đồng hd-ha-nam giải quyết/);
  });

  it('by the secretary of the case council, once', () => {
    spec
      .given([...done, filed()])
      .when(assign({ actor: chair }))
      .thenThrows(ForbiddenError);
    spec
      .given([...done, filed(), assigned()])
      .when(assign())
      .thenThrows(DomainRuleViolation, /đã được giao/);
    spec
      .given(done)
      .when(assign())
      .thenThrows(DomainRuleViolation, /không có kiến nghị kn-1/);
  });
});

describe('deciding an appeal', () => {
  const pending = [...done, filed(), assigned()];

  it('upheld with reopening: the decision and the reopened case keep the previous result', () => {
    spec.given(pending).when(decide()).then([decided(), reopened]);
  });

  it('rejected: the result stands, nothing reopens', () => {
    spec
      .given(pending)
      .when(decide({ outcome: 'rejected', reopenScoring: false, reasons: 'Số liệu đã được xem xét tại phiên họp' }))
      .then([decided({ outcome: 'rejected', reopenScoring: false, reasons: 'Số liệu đã được xem xét tại phiên họp' })]);
    spec
      .given(pending)
      .when(decide({ outcome: 'rejected', reopenScoring: true }))
      .thenThrows(DomainRuleViolation, /Chỉ mở lại việc chấm điểm khi chấp nhận kiến nghị/);
  });

  it('by the chair of the council it was assigned to, with reasons, once', () => {
    spec
      .given(pending)
      .when(decide({ reasons: '' }))
      .thenThrows(DomainRuleViolation, /phải nêu lý do/);
    spec
      .given(pending)
      .when(decide({ actor: secretary }))
      .thenThrows(ForbiddenError);
    spec
      .given(pending)
      .when(decide({ decidingCouncil: centralCouncil, actor: centralChair }))
      .thenThrows(DomainRuleViolation, /do Hội đồng hd-ha-nam giải quyết/);
    spec
      .given([...done, filed()])
      .when(decide())
      .thenThrows(DomainRuleViolation, /chưa được giao/);
    spec
      .given([...pending, decided(), reopened])
      .when(decide())
      .thenThrows(DomainRuleViolation, /đã được giải quyết/);
    const above = [...done, filed({ handledBy: 'level-above' }), assigned('hd-trung-uong', 'central', 'level-above')];
    spec
      .given(above)
      .when(decide({ decidingCouncil: centralCouncil, actor: centralChair }))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual([E.AppealDecided, E.CaseReopened]));
  });
});

describe('after the decision', () => {
  it('a reopened case is open again: the previous result is kept and every score stays in the history', () => {
    const state = evolveAll(evaluationCaseDecider, [...done, filed(), assigned(), decided(), reopened]) as EvaluationCase;
    expect(state.status).toBe('open');
    expect(state.finalised).toBeUndefined();
    expect(state.reopenings.map((r) => r.previous.aggregateScore)).toEqual([FINALISED.aggregateScore]);
    expect(state.appeals.map((a) => a.status)).toEqual(['decided']);
  });

  it('proposals wait while an appeal is pending', () => {
    const propose = { type: 'ProposeHonour' as const, actor: chair, caseId: CASE_ID, council, ranking: RANKING };
    spec
      .given([...done, filed()])
      .when(propose)
      .thenThrows(DomainRuleViolation, /đang có kiến nghị về kết quả chưa được giải quyết/);
    spec
      .given([...done, filed(), assigned(), decided({ outcome: 'rejected', reopenScoring: false })])
      .when(propose)
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual([E.HonourProposed]));
  });

  it('a second appeal is possible once the first is decided (within the window)', () => {
    spec
      .given([...done, filed(), assigned(), decided({ outcome: 'rejected', reopenScoring: false })])
      .when(file({ appealId: 'kn-2', actor: unitOfficer }))
      .thenMatches((events) => expect(events[0].data).toMatchObject({ appealId: 'kn-2', appellantKind: 'nominating-unit' }));
  });
});
