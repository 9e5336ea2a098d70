import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { chair, councilAfter, secretary } from '../councils/council.fixtures';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import { CASE_ID, caseOpened, RECEIVED } from '../evaluation/evaluation-case.fixtures';
import type { EvaluationCaseEvent } from '../evaluation/evaluation-case.state';
import { caseFinalised, RANKING } from './grading.fixtures';

const spec = deciderSpec(evaluationCaseDecider);
const council = councilAfter();
const done = [caseOpened, caseFinalised()];
const recommend = (overrides = {}) => ({
  type: 'RecommendUpward' as const,
  actor: chair,
  caseId: CASE_ID,
  council,
  ranking: RANKING,
  decisionRef: 'Tờ trình 15/TTr-HĐTĐST',
  ...overrides,
});
const propose = (overrides = {}) => ({
  type: 'ProposeHonour' as const,
  actor: chair,
  caseId: CASE_ID,
  council,
  ranking: RANKING,
  proposedAward: 'Người Hà Nam đoàn kết sáng tạo',
  ...overrides,
});

const recommended: EvaluationCaseEvent = {
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
    decisionRef: 'Tờ trình 15/TTr-HĐTĐST',
  },
};

describe('recommending a dossier to the next level', () => {
  it('an accepted, ranked case goes up exactly one level', () => {
    spec.given(done).when(recommend()).then([recommended]);
  });

  it('at most once', () => {
    spec
      .given([...done, recommended])
      .when(recommend())
      .thenThrows(DomainRuleViolation, /Hồ sơ hs-001@province đã được đề xuất lên cấp trên/);
  });

  it('only finalised, accepted and ranked cases', () => {
    spec
      .given([caseOpened])
      .when(recommend())
      .thenThrows(DomainRuleViolation, /Hồ sơ hs-001@province chưa chốt kết quả/);
    spec
      .given([caseOpened, caseFinalised({ grade: 'khong-dat', gradeLabel: 'Không đạt', accepted: false })])
      .when(recommend())
      .thenThrows(DomainRuleViolation, /Hồ sơ hs-001@province được xếp loại Không đạt/);
    spec
      .given(done)
      .when(recommend({ ranking: { ...RANKING, fieldCode: 'van-hoa' } }))
      .thenThrows(DomainRuleViolation, /Hồ sơ hs-001@province không có trong bảng xếp hạng đã công bố/);
    spec
      .given(done)
      .when(recommend({ ranking: { ...RANKING, entries: RANKING.entries.slice(0, 1) } }))
      .thenThrows(DomainRuleViolation, /không có trong bảng xếp hạng đã công bố/);
  });

  it('not above central', () => {
    const central = { ...caseOpened, data: { ...caseOpened.data, level: 'central' } } as EvaluationCaseEvent;
    spec
      .given([central, caseFinalised({ level: 'central' })])
      .when(recommend({ ranking: { ...RANKING, level: 'central' } }))
      .thenThrows(DomainRuleViolation, /Hội đồng Trung ương không có cấp trên/);
  });

  it('is signed off by the council chair', () => {
    spec
      .given(done)
      .when(recommend({ actor: secretary }))
      .thenThrows(ForbiddenError, /Cần vai trò Chủ tịch Hội đồng/);
  });
});

describe('proposing an honour', () => {
  const proposed: EvaluationCaseEvent = {
    type: E.HonourProposed,
    data: {
      proposalId: `honour-${CASE_ID}`,
      caseId: CASE_ID,
      dossierId: 'hs-001',
      councilId: 'hd-ha-nam',
      level: 'province',
      jurisdictionUnitId: 'vn-ha-nam',
      jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
      campaignId: 'dkst',
      year: 2019,
      fieldCode: 'khcn',
      title: RECEIVED.dossier.title,
      grade: 'tot',
      score: 8.17,
      rank: 2,
      recipients: [
        { name: 'Nguyễn Thị Lan', kind: 'individual' },
        { name: 'Bùi Văn Nam', kind: 'individual' },
      ],
      proposedAward: 'Người Hà Nam đoàn kết sáng tạo',
      nominatingUnitId: 'vn-ha-nam-duy-tien-cty-ns',
      authors: [{ name: 'Nguyễn Thị Lan' }, { name: 'Bùi Văn Nam' }],
    },
  };

  it('proposes the authors of an individual application', () => {
    spec.given(done).when(propose()).then([proposed]);
  });

  it("carries the nominating unit's name the published ranking gave", () => {
    const named = { ...RANKING, entries: RANKING.entries.map((e) => ({ ...e, nominatingUnitName: 'Công ty TNHH Nông sản Duy Tiên' })) };
    spec
      .given(done)
      .when(propose({ ranking: named }))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          nominatingUnitId: 'vn-ha-nam-duy-tien-cty-ns',
          nominatingUnitName: 'Công ty TNHH Nông sản Duy Tiên',
        }),
      );
  });

  it('proposes the owners of a collective application', () => {
    const collective = {
      ...caseOpened,
      data: { ...caseOpened.data, dossier: { ...RECEIVED.dossier, applicantKind: 'collective' } },
    } as EvaluationCaseEvent;
    spec
      .given([collective, caseFinalised()])
      .when(propose())
      .thenMatches(([e]) => expect(e.data).toMatchObject({ recipients: [{ name: 'Công ty TNHH Nông sản Duy Tiên', kind: 'collective' }] }));
  });

  it('at most once, only for accepted cases', () => {
    spec
      .given([...done, proposed])
      .when(propose())
      .thenThrows(DomainRuleViolation, /already proposed/);
    spec
      .given([caseOpened, caseFinalised({ accepted: false, grade: 'khong-dat', gradeLabel: 'Không đạt' })])
      .when(propose())
      .thenThrows(DomainRuleViolation, /Không đạt/);
  });
});
