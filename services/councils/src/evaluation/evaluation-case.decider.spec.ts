import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError, NotFoundError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { chair, councilAfter, councilEstablished, khcnReplacedInJune, MEMBERS, memberActor, secretary } from '../councils/council.fixtures';
import { assigned, CASE_ID, caseOpened, RECEIVED, recused } from './evaluation-case.fixtures';
import { evaluationCaseDecider } from './evaluation-case.decider';

const spec = deciderSpec(evaluationCaseDecider);
const council = councilAfter();

describe('opening an evaluation case from submissions.DossierReceived', () => {
  const open = { type: 'OpenEvaluationCase' as const, received: RECEIVED, council };

  it('opens one case per dossier and level, carrying the dossier facts', () => {
    spec.given([]).when(open).then([caseOpened]);
  });

  it('ignores a re-delivered DossierReceived', () => {
    spec.given([caseOpened]).when(open).then([]);
  });

  it('refuses when no council is established', () => {
    spec
      .given([])
      .when({ ...open, council: { status: 'none' } })
      .thenThrows(DomainRuleViolation, /Chưa có Hội đồng thẩm định cho hồ sơ này/);
  });

  it('refuses a council of another jurisdiction or a field it does not appraise', () => {
    const district = { ...RECEIVED, level: 'district' as const };
    spec
      .given([])
      .when({ ...open, received: district })
      .thenThrows(DomainRuleViolation, /Hội đồng hd-ha-nam không thẩm định ở cấp huyện của đơn vị vn-ha-nam/);
    const culture = councilAfter([councilEstablished({ fieldCodes: ['van-hoa'] })]);
    spec
      .given([])
      .when({ ...open, council: culture })
      .thenThrows(DomainRuleViolation, /Hội đồng hd-ha-nam không thẩm định lĩnh vực khcn/);
  });
});

describe('assigning members', () => {
  const assign = (memberIds: string[], assignedAt = '2019-04-15T08:00:00Z', c = council) => ({
    type: 'AssignMembers' as const,
    actor: secretary,
    caseId: CASE_ID,
    memberIds,
    assignedAt,
    council: c,
  });

  it('the secretary assigns members sitting on the council', () => {
    spec
      .given([caseOpened])
      .when(assign(['m-chair', 'm-khcn', 'm-lhh']))
      .then([assigned(['m-chair', 'm-khcn', 'm-lhh'])]);
  });

  it('only the secretary assigns', () => {
    spec
      .given([caseOpened])
      .when({ ...assign(['m-lhh']), actor: chair })
      .thenThrows(ForbiddenError, /Thư ký Hội đồng/);
  });

  it('assigns only people on the council on the assignment date', () => {
    const renewed = councilAfter([councilEstablished(), khcnReplacedInJune]);
    spec
      .given([caseOpened])
      .when(assign(['m-khcn'], '2019-07-01', renewed))
      .thenThrows(DomainRuleViolation, /m-khcn không là thành viên Hội đồng vào ngày 2019-07-01/);
    spec
      .given([caseOpened])
      .when(assign(['m-khcn-2'], '2019-07-01', renewed))
      .then([assigned(['m-khcn-2'], '2019-07-01')]);
    spec
      .given([caseOpened])
      .when(assign(['someone-else']))
      .thenThrows(DomainRuleViolation, /someone-else không là thành viên Hội đồng vào ngày 2019-04-15/);
  });

  it('adds only members not yet assigned, and refuses a pure repeat', () => {
    spec
      .given([caseOpened, assigned(['m-chair'])])
      .when(assign(['m-chair', 'm-lhh']))
      .then([assigned(['m-lhh'])]);
    spec
      .given([caseOpened, assigned(['m-chair'])])
      .when(assign(['m-chair']))
      .thenThrows(DomainRuleViolation, /Mọi thành viên được nêu đều đã được phân công/);
  });

  it('refuses work on an unknown case or on another council', () => {
    spec
      .given([])
      .when(assign(['m-chair']))
      .thenThrows(NotFoundError);
    const other = councilAfter([councilEstablished({ councilId: 'hd-khac' })]);
    spec
      .given([caseOpened])
      .when(assign(['m-chair'], undefined, other))
      .thenThrows(DomainRuleViolation, /Hồ sơ thẩm định hs-001@province thuộc Hội đồng hd-ha-nam/);
  });
});

describe('conflicts of interest', () => {
  const assign = (memberIds: string[], c = council) => ({
    type: 'AssignMembers' as const,
    actor: secretary,
    caseId: CASE_ID,
    memberIds,
    assignedAt: '2019-04-15T08:00:00Z',
    council: c,
  });

  it('detects a member who is an author and recuses them, with the reason', () => {
    // m-expert is Nguyễn Thị Lan, first author of the dossier.
    spec
      .given([caseOpened])
      .when(assign(['m-chair', 'm-expert']))
      .then([
        assigned(['m-chair', 'm-expert']),
        { type: E.ConflictDetected, data: { caseId: CASE_ID, memberId: 'm-expert', kind: 'author', matched: 'Nguyễn Thị Lan' } },
        recused('m-expert', 'Xung đột lợi ích (tự động phát hiện): là tác giả "Nguyễn Thị Lan"'),
      ]);
  });

  it('matches an author by person id when both sides have one, whatever the spelling', () => {
    const sameId = MEMBERS.map((m) => (m.memberId === 'm-lhh' ? { ...m, personName: 'N. T. Lan', personId: 'p-lan' } : m));
    const c = councilAfter([councilEstablished({ members: sameId })]);
    spec
      .given([caseOpened])
      .when(assign(['m-lhh'], c))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual([E.MembersAssigned, E.ConflictDetected, E.MemberRecused]));
  });

  it('detects owners and the nominating chain below the council (the district that forwarded it), case-insensitively', () => {
    const members = [
      ...MEMBERS,
      {
        ...MEMBERS[3],
        memberId: 'm-duy-tien',
        personName: 'Đào Văn Tiến',
        agencyUnitId: 'vn-ha-nam-duy-tien',
        agencyName: 'UBND huyện Duy Tiên',
      },
      {
        ...MEMBERS[3],
        memberId: 'm-owner',
        personName: 'công ty tnhh  nông sản duy tiên',
        agencyUnitId: 'vn-ha-nam-dn',
        agencyName: 'Hiệp hội doanh nghiệp',
      },
    ];
    const c = councilAfter([councilEstablished({ members })]);
    spec
      .given([caseOpened])
      .when(assign(['m-duy-tien', 'm-owner'], c))
      .then([
        assigned(['m-duy-tien', 'm-owner']),
        {
          type: E.ConflictDetected,
          data: { caseId: CASE_ID, memberId: 'm-duy-tien', kind: 'nominating-unit', matched: 'vn-ha-nam-duy-tien' },
        },
        recused('m-duy-tien', 'Xung đột lợi ích (tự động phát hiện): thuộc đơn vị đề cử "vn-ha-nam-duy-tien"'),
        {
          type: E.ConflictDetected,
          data: { caseId: CASE_ID, memberId: 'm-owner', kind: 'owner', matched: 'Công ty TNHH Nông sản Duy Tiên' },
        },
        recused('m-owner', 'Xung đột lợi ích (tự động phát hiện): là chủ sở hữu "Công ty TNHH Nông sản Duy Tiên"'),
      ]);
  });

  it("does not treat the council's own unit as a conflict (every dossier passes through it)", () => {
    const members = [
      ...MEMBERS,
      { ...MEMBERS[3], memberId: 'm-ubnd', personName: 'Lý Văn Tỉnh', agencyUnitId: 'vn-ha-nam', agencyName: 'UBND tỉnh' },
    ];
    spec
      .given([caseOpened])
      .when(assign(['m-ubnd'], councilAfter([councilEstablished({ members })])))
      .then([assigned(['m-ubnd'])]);
  });

  const declare = (memberId: string, reason = 'Tôi là người hướng dẫn kỹ thuật cho nhóm tác giả') => ({
    type: 'DeclareConflict' as const,
    actor: memberActor(memberId),
    caseId: CASE_ID,
    memberId,
    reason,
    declaredAt: '2019-04-20T08:00:00Z',
  });

  it('a member declares a conflict with a reason and is recused', () => {
    spec
      .given([caseOpened, assigned(['m-lhh'])])
      .when(declare('m-lhh'))
      .then([
        {
          type: E.ConflictDeclared,
          data: {
            caseId: CASE_ID,
            memberId: 'm-lhh',
            reason: 'Tôi là người hướng dẫn kỹ thuật cho nhóm tác giả',
            declaredAt: '2019-04-20T08:00:00Z',
          },
        },
        recused('m-lhh', 'Tôi là người hướng dẫn kỹ thuật cho nhóm tác giả'),
      ]);
  });

  it('a declaration needs a reason, comes from the member, and happens once', () => {
    spec
      .given([caseOpened, assigned(['m-lhh'])])
      .when(declare('m-lhh', ''))
      .thenThrows(DomainRuleViolation, /Khai báo xung đột lợi ích cần nêu lý do/);
    spec
      .given([caseOpened, assigned(['m-lhh'])])
      .when({ ...declare('m-lhh'), actor: secretary })
      .thenThrows(ForbiddenError);
    spec
      .given([caseOpened, assigned(['m-lhh']), recused('m-lhh', 'x')])
      .when(declare('m-lhh'))
      .thenThrows(DomainRuleViolation, /m-lhh đã không tham gia thẩm định hồ sơ hs-001@province/);
    spec
      .given([caseOpened])
      .when(declare('m-lhh'))
      .thenThrows(DomainRuleViolation, /m-lhh chưa được phân công chấm hồ sơ/);
  });
});
