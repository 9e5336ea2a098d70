import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { memberActor, secretary } from '../councils/council.fixtures';
import { criteriaSetDecider, CriteriaSetEvent } from './criteria-set.decider';
import { CRITERIA_CONTENT, criteriaV1, criteriaV2 } from './criteria-set.fixtures';

const spec = deciderSpec(criteriaSetDecider);
const draft = (content = {}) => ({ type: 'DraftCriteriaSet' as const, actor: secretary, content: { ...CRITERIA_CONTENT, ...content } });
const drafted = (version: number, content = {}): CriteriaSetEvent => ({
  type: E.CriteriaSetDrafted,
  data: { ...CRITERIA_CONTENT, ...content, version },
});
const { publishedAt: _a, ...v2Content } = criteriaV2;
const published1: CriteriaSetEvent = { type: E.CriteriaSetPublished, data: criteriaV1 };

describe('criteria sets', () => {
  it('drafts version 1 of a new set', () => {
    spec
      .given([])
      .when(draft())
      .then([drafted(1)]);
  });

  it('is written by council officers, not by ordinary members', () => {
    spec
      .given([])
      .when({ ...draft(), actor: memberActor('m-lhh') })
      .thenThrows(ForbiddenError);
  });

  it('publishing freezes the draft as version 1', () => {
    spec
      .given([drafted(1)])
      .when({
        type: 'PublishCriteriaSet',
        actor: secretary,
        criteriaSetId: 'dkst-2019-khcn',
        version: 1,
        publishedAt: criteriaV1.publishedAt,
      })
      .then([published1]);
  });

  it('a change after publication is a new version that supersedes the previous', () => {
    const { criteria } = criteriaV2;
    spec
      .given([drafted(1), published1])
      .when(draft({ criteria }))
      .then([drafted(2, { criteria })]);
    spec
      .given([drafted(1), published1, drafted(2, { criteria })])
      .when({
        type: 'PublishCriteriaSet',
        actor: secretary,
        criteriaSetId: 'dkst-2019-khcn',
        version: 2,
        publishedAt: criteriaV2.publishedAt,
      })
      .then([{ type: E.CriteriaSetPublished, data: { ...v2Content, publishedAt: criteriaV2.publishedAt } }]);
  });

  it('publishes only the draft that was reviewed', () => {
    const publish = {
      type: 'PublishCriteriaSet' as const,
      actor: secretary,
      criteriaSetId: 'dkst-2019-khcn',
      version: 1,
      publishedAt: '2019-03-01',
    };
    spec
      .given([])
      .when(publish)
      .thenThrows(DomainRuleViolation, /Không có bản dự thảo để ban hành/);
    spec
      .given([drafted(1), published1, drafted(2)])
      .when(publish)
      .thenThrows(DomainRuleViolation, /Bản dự thảo là phiên bản 2, không phải 1/);
  });

  it('keeps its campaign edition and field', () => {
    spec
      .given([drafted(1)])
      .when(draft({ year: 2020 }))
      .thenThrows(DomainRuleViolation, /Bộ tiêu chí không được đổi year/);
  });

  const withWeights = (tm: number, ad: number, hq: number) => CRITERIA_CONTENT.criteria.map((c, i) => ({ ...c, weight: [tm, ad, hq][i] }));

  it('accepts weights that sum to 1 despite binary rounding (0.1 + 0.2 + 0.7)', () => {
    spec
      .given([])
      .when(draft({ criteria: withWeights(0.1, 0.2, 0.7) }))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it.each([
    [{ criteria: withWeights(0.4, 0.3, 0.2) }, /Tổng trọng số là 0.9,/],
    [{ criteria: withWeights(40, 30, 30) }, /Tổng trọng số là 100, không bằng 1/],
    [{ criteria: withWeights(0.5, 0.5, 0) }, /Tiêu chí HQ cần trọng số dương/],
    [
      { criteria: [{ ...CRITERIA_CONTENT.criteria[0], weight: 1, scaleMin: 10, scaleMax: 10 }] },
      /Tiêu chí TM: điểm tối thiểu \(scaleMin\) phải nhỏ hơn điểm tối đa \(scaleMax\)/,
    ],
    [{ criteria: [...CRITERIA_CONTENT.criteria, CRITERIA_CONTENT.criteria[0]] }, /Mã tiêu chí không được trùng nhau/],
  ])('refuses unsound criteria %#', (content, message) => {
    spec.given([]).when(draft(content)).thenThrows(DomainRuleViolation, message);
  });

  const bands = CRITERIA_CONTENT.bands;
  it.each([
    [[bands[1], bands[0], ...bands.slice(2)], /best first/],
    [bands.map((b) => (b.grade === 'kha' ? { ...b, minScore: 8 } : b)), /Mỗi mức xếp loại phải bắt đầu thấp hơn mức trên nó/],
    [bands.slice(0, 4), /Mức thấp nhất phải bắt đầu từ tổng điểm tối thiểu 0 trở xuống/],
    [[{ ...bands[0], minScore: 11 }, ...bands.slice(1)], /Mức cao nhất bắt đầu trên tổng điểm tối đa 10/],
    [bands.map((b) => (b.grade === 'tot' ? { ...b, label: 'Giỏi' } : b)), /Mức xếp loại tot phải ghi là 'Tốt'/],
  ])('refuses grading bands that are unordered or leave gaps %#', (badBands, message) => {
    spec
      .given([])
      .when(draft({ bands: badBands }))
      .thenThrows(DomainRuleViolation, message);
  });
});
