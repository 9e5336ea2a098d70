import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError, NotFoundError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { actorAt, councilAfter, councilEstablished, frontChair, secretary } from '../councils/council.fixtures';
import type { EstablishedCouncil } from '../councils/council.state';
import { matchingCouncils, RouteDossier } from './case-routing.decide';
import { evaluationCaseDecider } from './evaluation-case.decider';
import { CASE_ID, caseOpened, RECEIVED } from './evaluation-case.fixtures';
import type { EvaluationCaseEvent } from './evaluation-case.state';

const spec = deciderSpec(evaluationCaseDecider);

/** Two Hà Nam councils: last year's (dkst 2018) and this year's (dkst 2019); the dossier belongs to dkst 2019. */
const council = (councilId: string, editions: { campaignId: string; year: number }[], more: object = {}): EstablishedCouncil =>
  councilAfter([councilEstablished({ councilId, editions, ...more })]);
const LAST_YEAR = council('hd-2018', [{ campaignId: 'dkst', year: 2018 }]);
const THIS_YEAR = council('hd-ha-nam', [{ campaignId: 'dkst', year: 2019 }]);
const CONTEST = council('hd-cuoc-thi', [{ campaignId: 'cuoc-thi-y-tuong', year: 2019 }]);
const SECOND_2019 = council('hd-2019-b', [{ campaignId: 'dkst', year: 2019 }]);

const route = (councils: EstablishedCouncil[], more: Partial<RouteDossier> = {}): RouteDossier => ({
  type: 'RouteDossier',
  received: RECEIVED,
  councils,
  ...more,
});

const awaiting = (reason: 'no-council' | 'several-councils', candidateCouncilIds: string[]): EvaluationCaseEvent => ({
  type: E.DossierAwaitingCouncil,
  data: {
    caseId: CASE_ID,
    dossierId: 'hs-001',
    level: 'province',
    jurisdictionUnitId: RECEIVED.jurisdictionUnitId,
    jurisdictionUnitPath: RECEIVED.jurisdictionUnitPath,
    receivingAgencyUnitId: RECEIVED.receivingAgencyUnitId,
    fieldCode: 'khcn',
    campaignId: 'dkst',
    year: 2019,
    reason,
    reasonText: expect.stringContaining(reason === 'no-council' ? 'Chưa có Hội đồng' : 'Có nhiều Hội đồng'),
    candidateCouncilIds,
    dossier: RECEIVED.dossier,
    receivedAt: RECEIVED.receivedAt,
  },
});

describe('routing a received dossier by campaign edition, level, jurisdiction and field', () => {
  it("goes to this edition's council, not last year's, nor a contest council set up later", () => {
    spec
      .given([])
      .when(route([CONTEST, LAST_YEAR, THIS_YEAR]))
      .then([caseOpened]);
    expect(matchingCouncils([CONTEST, LAST_YEAR, THIS_YEAR], RECEIVED).map((c) => c.councilId)).toEqual(['hd-ha-nam']);
  });

  it("a dossier of last year's edition goes to last year's council", () => {
    const lastYear = { ...RECEIVED, dossier: { ...RECEIVED.dossier, year: 2018 } };
    expect(matchingCouncils([THIS_YEAR, LAST_YEAR], lastYear).map((c) => c.councilId)).toEqual(['hd-2018']);
  });

  it('a standing council serves the editions added to it', () => {
    const standing = councilAfter([
      councilEstablished({ councilId: 'hd-thuong-truc', standing: true, editions: [{ campaignId: 'dkst', year: 2018 }] }),
      {
        type: E.CouncilEditionAdded,
        data: { councilId: 'hd-thuong-truc', edition: { campaignId: 'dkst', year: 2019 }, reason: 'Giao thẩm định đợt 2019' },
      },
    ]);
    expect(matchingCouncils([standing], RECEIVED).map((c) => c.councilId)).toEqual(['hd-thuong-truc']);
  });

  it('matches the field and the jurisdiction: a council of another field or province does not take it', () => {
    const otherField = council('hd-vhnt', [{ campaignId: 'dkst', year: 2019 }], { fieldCodes: ['vhnt'] });
    const otherProvince = council('hd-nam-dinh', [{ campaignId: 'dkst', year: 2019 }], {
      jurisdictionUnitId: 'vn-nam-dinh',
      jurisdictionUnitPath: ['vn', 'vn-nam-dinh'],
    });
    expect(matchingCouncils([otherField, otherProvince], RECEIVED)).toEqual([]);
  });

  it('with no matching council the dossier waits with the reason; a redelivery records nothing more', () => {
    spec
      .given([])
      .when(route([LAST_YEAR, CONTEST]))
      .then([awaiting('no-council', [])]);
    spec
      .given([awaiting('no-council', [])])
      .when(route([LAST_YEAR]))
      .then([]);
  });

  it('with two matching councils it waits, naming both: never a silent pick', () => {
    spec
      .given([])
      .when(route([THIS_YEAR, SECOND_2019]))
      .then([awaiting('several-councils', ['hd-2019-b', 'hd-ha-nam'])]);
  });

  it('the secretary chooses one of the matching councils and the case opens', () => {
    const waiting = [awaiting('several-councils', ['hd-2019-b', 'hd-ha-nam'])];
    spec
      .given(waiting)
      .when(route([THIS_YEAR, SECOND_2019], { received: undefined, actor: secretary, councilId: 'hd-ha-nam' }))
      .then([caseOpened]);
    spec
      .given(waiting)
      .when(route([THIS_YEAR, SECOND_2019], { received: undefined, actor: secretary, councilId: 'hd-2018' }))
      .thenThrows(DomainRuleViolation, /không thẩm định/);
    // Without a choice the person gets the reason back.
    spec
      .given(waiting)
      .when(route([THIS_YEAR, SECOND_2019], { received: undefined, actor: secretary }))
      .thenThrows(DomainRuleViolation, /Có nhiều Hội đồng/);
  });

  it('once the council is established, routing the waiting dossier again opens the case', () => {
    spec
      .given([awaiting('no-council', [])])
      .when(route([THIS_YEAR], { received: undefined, actor: frontChair }))
      .then([caseOpened]);
  });

  it('only the jurisdiction’s secretaries, chairs and Front chair route by hand', () => {
    const waiting = [awaiting('no-council', [])];
    spec
      .given(waiting)
      .when(route([THIS_YEAR], { received: undefined, actor: actorAt('x', 'council-member') }))
      .thenThrows(ForbiddenError);
    const elsewhere = actorAt('thu-ky-nam-dinh', 'council-secretary', 'vn-nam-dinh', ['vn', 'vn-nam-dinh']);
    spec
      .given(waiting)
      .when(route([THIS_YEAR], { received: undefined, actor: elsewhere }))
      .thenThrows(ForbiddenError);
    spec
      .given([])
      .when(route([THIS_YEAR], { received: undefined, actor: secretary }))
      .thenThrows(NotFoundError);
  });

  it('an open case is not routed again', () => {
    spec
      .given([caseOpened])
      .when(route([THIS_YEAR, SECOND_2019]))
      .then([]);
  });
});
