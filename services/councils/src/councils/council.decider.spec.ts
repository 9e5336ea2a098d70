import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError, NotFoundError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { councilDecider } from './council.decider';
import {
  actorAt,
  councilEstablished,
  ESTABLISHED,
  frontChair,
  khcnReplacedInJune,
  MEMBERS,
  REGULATIONS,
  secretary,
} from './council.fixtures';

const spec = deciderSpec(councilDecider);
/** Every agency the fixtures name, as registered in the unit tree. */
const REGISTERED = [...MEMBERS.map((m) => m.agencyUnitId), 'vn-ha-nam-so-khcn'];
const establish = (overrides = {}, registeredAgencyUnitIds: string[] = REGISTERED) => ({
  type: 'EstablishCouncil' as const,
  actor: frontChair,
  council: { ...ESTABLISHED, ...overrides },
  registeredAgencyUnitIds,
});

describe('council establishment', () => {
  it('is established by the Front chair of the same unit', () => {
    spec
      .given([])
      .when(establish())
      .then([{ type: E.CouncilEstablished, data: ESTABLISHED }]);
  });

  it('refuses anyone but the Front chair', () => {
    spec
      .given([])
      .when({ ...establish(), actor: secretary })
      .thenThrows(ForbiddenError, /Chủ tịch Ủy ban MTTQ/);
  });

  it("refuses a Front chair of another unit (a district cannot establish the province's council)", () => {
    const districtChair = actorAt('fc-duy-tien', 'front-chair', 'vn-ha-nam-duy-tien', ['vn', 'vn-ha-nam', 'vn-ha-nam-duy-tien']);
    spec
      .given([])
      .when({ ...establish(), actor: districtChair })
      .thenThrows(ForbiddenError, /không phải đơn vị của bạn/);
  });

  it('refuses a second establishment of the same council', () => {
    spec
      .given([councilEstablished()])
      .when(establish())
      .thenThrows(DomainRuleViolation, /Hội đồng hd-ha-nam đã được thành lập/);
  });

  it('needs exactly one chair and one secretary', () => {
    const twoChairs = MEMBERS.map((m) => (m.memberId === 'm-khcn' ? { ...m, role: 'chair' as const } : m));
    spec
      .given([])
      .when(establish({ members: twoChairs }))
      .thenThrows(DomainRuleViolation, /Hội đồng cần đúng một Chủ tịch Hội đồng \(hiện có 2\)/);
  });

  it('refuses members who sit before the establishing decision', () => {
    const early = MEMBERS.map((m, i) => (i === 3 ? { ...m, effectiveFrom: '2019-01-01' } : m));
    spec
      .given([])
      .when(establish({ members: early }))
      .thenThrows(DomainRuleViolation, /Không thành viên nào được tham gia trước ngày quyết định thành lập/);
  });

  it.each([
    [{ ...REGULATIONS, quorum: 7 }, /Số phiếu tối thiểu 7 vượt quá 6 thành viên/],
    [{ ...REGULATIONS, aggregation: 'trimmed-mean' }, /trimCount ≥ 1/],
    [{ ...REGULATIONS, aggregation: 'trimmed-mean', trimCount: 2 }, /Số phiếu tối thiểu phải lớn hơn 2 × trimCount \(4\)/],
    [{ ...REGULATIONS, trimCount: 1 }, /trimCount chỉ dùng với cách tổng hợp trimmed-mean/],
    [{ ...REGULATIONS, tieBreak: ['earlier-receipt'] }, /Quy tắc phân định thứ hạng phải kết thúc bằng bước 'dossier-id'/],
    [
      { ...REGULATIONS, tieBreak: ['by-lottery', 'dossier-id'] },
      /Bước phân định thứ hạng không hợp lệ: by-lottery \(hợp lệ: higher-top-criterion, earlier-receipt, dossier-id\)/,
    ],
    [{ ...REGULATIONS, tieBreak: ['dossier-id', 'earlier-receipt', 'dossier-id'] }, /Một bước phân định thứ hạng bị lặp lại/],
    [{ ...REGULATIONS, tieBreak: [] }, /ít nhất một bước/],
  ])('refuses unworkable regulations %#', (regulations, message) => {
    spec.given([]).when(establish({ regulations })).thenThrows(DomainRuleViolation, message);
  });
});

describe('membership renewal (bổ sung, kiện toàn)', () => {
  const replace = {
    type: 'ReplaceMember' as const,
    registeredAgencyUnitIds: REGISTERED,
    actor: frontChair,
    councilId: 'hd-ha-nam',
    oldMemberId: 'm-khcn',
    newMember: {
      memberId: 'm-khcn-2',
      personName: 'Đỗ Minh Tuấn',
      agencyUnitId: 'vn-ha-nam-so-khcn',
      agencyName: 'Sở Khoa học và Công nghệ',
      role: 'member' as const,
    },
    effectiveFrom: '2019-06-01',
    reason: 'Thay đổi nhân sự Sở Khoa học và Công nghệ',
  };

  it('replaces a member from a date, with a reason', () => {
    spec.given([councilEstablished()]).when(replace).then([khcnReplacedInJune]);
  });

  it('needs a reason', () => {
    spec
      .given([councilEstablished()])
      .when({ ...replace, reason: ' ' })
      .thenThrows(DomainRuleViolation, /Thay đổi thành viên hoặc quy chế cần nêu lý do/);
  });

  it('refuses replacing someone who no longer sits', () => {
    spec
      .given([councilEstablished(), khcnReplacedInJune])
      .when(replace)
      .thenThrows(DomainRuleViolation, /m-khcn hiện không là thành viên Hội đồng/);
  });

  it('replaces the chair only by a new chair', () => {
    spec
      .given([councilEstablished()])
      .when({ ...replace, oldMemberId: 'm-chair' })
      .thenThrows(DomainRuleViolation, /Người thay Chủ tịch hoặc Thư ký Hội đồng phải đảm nhận đúng vai trò đó/);
  });

  it('adds a member from a date', () => {
    const member = { ...MEMBERS[2], memberId: 'm-new', personName: 'Đinh Văn Mới', effectiveFrom: '2019-09-01' };
    spec
      .given([councilEstablished()])
      .when({
        type: 'AddMember',
        actor: frontChair,
        councilId: 'hd-ha-nam',
        member,
        reason: 'Bổ sung chuyên gia',
        registeredAgencyUnitIds: REGISTERED,
      })
      .then([{ type: E.MemberAdded, data: { councilId: 'hd-ha-nam', member, reason: 'Bổ sung chuyên gia' } }]);
  });

  it('refuses adding someone who already sits', () => {
    spec
      .given([councilEstablished()])
      .when({
        type: 'AddMember',
        actor: frontChair,
        councilId: 'hd-ha-nam',
        member: MEMBERS[2],
        reason: 'x',
        registeredAgencyUnitIds: REGISTERED,
      })
      .thenThrows(DomainRuleViolation, /m-khcn đã là thành viên Hội đồng/);
  });

  it('removes a member, but not below the quorum', () => {
    const remove = (memberId: string) => ({
      type: 'RemoveMember' as const,
      actor: frontChair,
      councilId: 'hd-ha-nam',
      memberId,
      effectiveFrom: '2019-06-01',
      reason: 'Nghỉ hưu',
    });
    spec
      .given([councilEstablished()])
      .when(remove('m-lhh'))
      .then([
        { type: E.MemberRemoved, data: { councilId: 'hd-ha-nam', memberId: 'm-lhh', effectiveFrom: '2019-06-01', reason: 'Nghỉ hưu' } },
      ]);
    spec
      .given([councilEstablished({ regulations: { ...REGULATIONS, quorum: 6 } })])
      .when(remove('m-lhh'))
      .thenThrows(DomainRuleViolation, /Miễn nhiệm sẽ còn 5 thành viên, dưới số tối thiểu 6/);
    spec
      .given([councilEstablished()])
      .when(remove('m-secretary'))
      .thenThrows(DomainRuleViolation, /Chủ tịch hoặc Thư ký Hội đồng chỉ có thể được thay thế/);
  });

  it('refuses changes to a council that does not exist', () => {
    spec.given([]).when(replace).thenThrows(NotFoundError);
  });

  it('amends the regulations from a date', () => {
    const regulations = { ...REGULATIONS, aggregation: 'trimmed-mean' as const, trimCount: 1 };
    spec
      .given([councilEstablished()])
      .when({
        type: 'AmendRegulations',
        actor: frontChair,
        councilId: 'hd-ha-nam',
        regulations,
        effectiveFrom: '2020-01-01',
        reason: 'Quy chế sửa đổi',
      })
      .then([
        {
          type: E.RegulationsAmended,
          data: { councilId: 'hd-ha-nam', regulations, effectiveFrom: '2020-01-01', reason: 'Quy chế sửa đổi' },
        },
      ]);
  });
});

describe('campaign editions a council appraises', () => {
  const edition2020 = { campaignId: 'dkst', year: 2020 };
  const addEdition = (edition = edition2020) => ({
    type: 'AddEdition' as const,
    actor: frontChair,
    councilId: 'hd-ha-nam',
    edition,
    reason: 'Giao thẩm định đợt 2020',
  });

  it('is established for stated editions, at least one, each once', () => {
    spec
      .given([])
      .when(establish({ editions: [] }))
      .thenThrows(DomainRuleViolation, /ít nhất một đợt/);
    spec
      .given([])
      .when(establish({ editions: undefined }))
      .thenThrows(DomainRuleViolation, /ít nhất một đợt/);
    spec
      .given([])
      .when(establish({ editions: [edition2020, edition2020] }))
      .thenThrows(DomainRuleViolation, /hai lần/);
  });

  it('a standing council takes on further editions; a council established for its editions does not', () => {
    spec
      .given([councilEstablished({ standing: true })])
      .when(addEdition())
      .then([
        {
          type: E.CouncilEditionAdded,
          data: addEdition() && { councilId: 'hd-ha-nam', edition: edition2020, reason: 'Giao thẩm định đợt 2020' },
        },
      ]);
    spec
      .given([councilEstablished({ standing: true })])
      .when(addEdition({ campaignId: 'dkst', year: 2019 }))
      .thenThrows(DomainRuleViolation, /đã thẩm định đợt/);
    spec
      .given([councilEstablished()])
      .when(addEdition())
      .thenThrows(DomainRuleViolation, /Hội đồng thường trực/);
    spec
      .given([councilEstablished({ standing: true })])
      .when({ ...addEdition(), actor: secretary })
      .thenThrows(ForbiddenError);
  });
});

describe("members' agencies are registered units", () => {
  it('refuses a member whose agency is not in the unit tree, naming it', () => {
    const without = REGISTERED.filter((u) => u !== 'vn-ha-nam-dai-hoc');
    spec
      .given([])
      .when(establish({}, without))
      .thenThrows(DomainRuleViolation, /m-expert \(vn-ha-nam-dai-hoc\)/);
    const member = { ...MEMBERS[2], memberId: 'm-moi', agencyUnitId: 'vn-ha-nam-hoi-lhpn', effectiveFrom: '2019-03-01' };
    spec
      .given([councilEstablished()])
      .when({
        type: 'AddMember',
        actor: frontChair,
        councilId: 'hd-ha-nam',
        member,
        reason: 'Bổ sung',
        registeredAgencyUnitIds: REGISTERED,
      })
      .thenThrows(DomainRuleViolation, /đơn vị đã đăng ký/);
  });
});
