import { DomainRuleViolation, ForbiddenError, NotFoundError, RECOGNITION_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { awardProposalDecider } from './award-proposal.decider';
import {
  authority,
  board,
  decided,
  decision,
  haNamActor,
  haNamAward,
  honourProposed,
  nationalAward,
  received,
  secretary,
  verified,
} from './proposal.fixtures';
import type { ProposalEvent } from './proposal.state';

const spec = deciderSpec(awardProposalDecider);
const decideAward = (overrides = {}) => ({
  type: 'DecideAward' as const,
  actor: authority,
  proposalId: 'p-1',
  award: haNamAward,
  heldAwards: [],
  ...decision,
  ...overrides,
});
const sentBack: ProposalEvent = {
  type: E.ProposalSentBack,
  data: { proposalId: 'p-1', sentBackBy: board.id, reason: 'Thiếu xác nhận hiệu quả áp dụng' },
};

describe('award proposal: receiving and verification', () => {
  it("receives a council's honour proposal, once", () => {
    spec.given([]).when({ type: 'ReceiveHonourProposal', proposal: honourProposed }).then([received]);
    spec.given([received]).when({ type: 'ReceiveHonourProposal', proposal: honourProposed }).then([]);
  });

  it('the Emulation and Reward Board at the proposal unit verifies the achievements', () => {
    spec
      .given([received])
      .when({ type: 'VerifyAchievements', actor: board, proposalId: 'p-1', note: 'Đủ điều kiện' })
      .then([{ type: E.AchievementsVerified, data: { proposalId: 'p-1', verifiedBy: board.id, note: 'Đủ điều kiện' } }]);
  });

  it('refuses verification by another role, another province, or another level', () => {
    const when = (actor = board) => spec.given([received]).when({ type: 'VerifyAchievements', actor, proposalId: 'p-1' });
    when(authority).thenThrows(ForbiddenError, /Ban Thi đua - Khen thưởng/);
    when(haNamActor('emulation-board', { unitId: 'vn-nam-dinh', unitPath: ['vn', 'vn-nam-dinh'] })).thenThrows(
      ForbiddenError,
      /không phải đơn vị của bạn/,
    );
    when(haNamActor('emulation-board', { level: 'district' })).thenThrows(ForbiddenError, /do cấp tỉnh thực hiện/);
  });

  it('refuses to verify a proposal that does not exist or is already verified', () => {
    spec.given([]).when({ type: 'VerifyAchievements', actor: board, proposalId: 'p-1' }).thenThrows(NotFoundError);
    spec
      .given([received, verified])
      .when({ type: 'VerifyAchievements', actor: board, proposalId: 'p-1' })
      .thenThrows(DomainRuleViolation, /Đề nghị đã ở trạng thái Đã thẩm định thành tích/);
  });

  it('a send-back needs a reason, and the proposal waits for resubmission', () => {
    spec
      .given([received])
      .when({ type: 'SendBackProposal', actor: board, proposalId: 'p-1', reason: '  ' })
      .thenThrows(DomainRuleViolation, /Trả lại đề nghị cần nêu lý do/);
    spec
      .given([received])
      .when({ type: 'SendBackProposal', actor: board, proposalId: 'p-1', reason: sentBack.data.reason })
      .then([sentBack]);
    spec
      .given([received, sentBack])
      .when({ type: 'VerifyAchievements', actor: board, proposalId: 'p-1' })
      .thenThrows(DomainRuleViolation, /Đề nghị đã bị trả lại và chưa được trình lại/);
  });

  it('the council resubmits a sent-back proposal, with corrected recipients, and it can then be verified', () => {
    const recipients = [{ name: 'Nhóm tác giả Trường THPT A', kind: 'collective' as const }];
    const resubmitted: ProposalEvent = {
      type: E.ProposalResubmitted,
      data: { proposalId: 'p-1', resubmittedBy: secretary.id, recipients },
    };
    spec
      .given([received, sentBack])
      .when({ type: 'ResubmitProposal', actor: secretary, proposalId: 'p-1', recipients })
      .then([resubmitted]);
    spec
      .given([received])
      .when({ type: 'ResubmitProposal', actor: secretary, proposalId: 'p-1' })
      .thenThrows(DomainRuleViolation, /Chỉ đề nghị đã bị trả lại mới được trình lại/);
    spec.given([received, sentBack]).when({ type: 'ResubmitProposal', actor: board, proposalId: 'p-1' }).thenThrows(ForbiddenError);
    spec
      .given([received, sentBack, resubmitted])
      .when({ type: 'VerifyAchievements', actor: board, proposalId: 'p-1' })
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual([E.AchievementsVerified]));
    spec
      .given([received, sentBack, resubmitted, verified])
      .when(decideAward({ award: { ...haNamAward, recipientKinds: ['collective'] } }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ recipients }));
  });
});

describe('award proposal: the award decision', () => {
  it('the authority decides the award on a verified proposal, carrying the keys statistics need', () => {
    spec.given([received, verified]).when(decideAward()).then([decided]);
  });

  it('refuses a decision without verification', () => {
    spec
      .given([received])
      .when(decideAward())
      .thenThrows(DomainRuleViolation, /Ban Thi đua - Khen thưởng chưa thẩm định thành tích/);
    spec
      .given([received, sentBack])
      .when(decideAward())
      .thenThrows(DomainRuleViolation, /Ban Thi đua - Khen thưởng chưa thẩm định thành tích/);
  });

  it('refuses a decision by anyone but the authority of the proposal unit', () => {
    spec
      .given([received, verified])
      .when(decideAward({ actor: board }))
      .thenThrows(ForbiddenError, /Người có thẩm quyền quyết định/);
    const otherProvince = haNamActor('authority', { unitId: 'vn-nam-dinh', unitPath: ['vn', 'vn-nam-dinh'] });
    spec
      .given([received, verified])
      .when(decideAward({ actor: otherProvince }))
      .thenThrows(ForbiddenError);
  });

  it("refuses an award of another level than the proposal's", () => {
    spec
      .given([received, verified])
      .when(decideAward({ award: nationalAward }))
      .thenThrows(DomainRuleViolation, /central award/);
  });

  it('refuses the same award twice for the same dossier', () => {
    const heldAwards = [{ proposalId: 'p-0', awardCode: haNamAward.awardCode }];
    spec
      .given([received, verified])
      .when(decideAward({ heldAwards }))
      .thenThrows(DomainRuleViolation, /Hồ sơ đã được khen thưởng Giải thưởng Người Hà Nam đoàn kết sáng tạo/);
    const otherAward = [{ proposalId: 'p-0', awardCode: 'bang-khen-ubnd-tinh' }];
    spec
      .given([received, verified])
      .when(decideAward({ heldAwards: otherAward }))
      .then([decided]);
  });

  it('refuses a second decision on the same proposal and recipients the award is not given to', () => {
    spec
      .given([received, verified, decided])
      .when(decideAward())
      .thenThrows(DomainRuleViolation, /Đề nghị này đã có quyết định khen thưởng/);
    const unitOnly = { ...haNamAward, recipientKinds: ['unit' as const] };
    spec
      .given([received, verified])
      .when(decideAward({ award: unitOnly }))
      .thenThrows(DomainRuleViolation, /individual/);
  });
});

describe('award proposal: ceremony and revocation', () => {
  const issued: ProposalEvent = {
    type: E.AwardIssued,
    data: {
      proposalId: 'p-1',
      dossierId: 'd-1',
      awardCode: haNamAward.awardCode,
      level: 'province',
      jurisdictionUnitId: 'vn-ha-nam',
      year: 2019,
      fieldCode: 'khcn',
      ceremonyDate: '2019-12-05',
      certificateNumber: 'GCN-17',
    },
  };
  const revoke = {
    type: 'RevokeAward' as const,
    actor: authority,
    proposalId: 'p-1',
    reason: 'Phát hiện sao chép',
    decisionNumber: '88/QĐ-UBND',
    decisionDate: '2020-03-02',
  };

  it('issues a decided award at the ceremony, not before the decision', () => {
    const issue = { type: 'IssueAward' as const, actor: board, proposalId: 'p-1', ceremonyDate: '2019-12-05', certificateNumber: 'GCN-17' };
    spec.given([received, verified, decided]).when(issue).then([issued]);
    spec
      .given([received, verified])
      .when(issue)
      .thenThrows(DomainRuleViolation, /Đề nghị này chưa có quyết định khen thưởng/);
    spec
      .given([received, verified, decided])
      .when({ ...issue, ceremonyDate: '2019-11-01' })
      .thenThrows(DomainRuleViolation, /Ngày trao tặng không thể trước ngày quyết định/);
  });

  it('revokes only after a decision, with a reason, by the authority', () => {
    spec
      .given([received, verified, decided, issued])
      .when(revoke)
      .thenMatches(([e]) =>
        expect(e).toEqual({
          type: E.AwardRevoked,
          data: {
            proposalId: 'p-1',
            dossierId: 'd-1',
            awardCode: haNamAward.awardCode,
            level: 'province',
            jurisdictionUnitId: 'vn-ha-nam',
            year: 2019,
            fieldCode: 'khcn',
            reason: 'Phát hiện sao chép',
            decisionNumber: '88/QĐ-UBND',
            decisionDate: '2020-03-02',
          },
        }),
      );
    spec
      .given([received, verified])
      .when(revoke)
      .thenThrows(DomainRuleViolation, /Đề nghị này chưa có quyết định khen thưởng/);
    spec
      .given([received, verified, decided])
      .when({ ...revoke, reason: '' })
      .thenThrows(DomainRuleViolation, /Thu hồi khen thưởng cần nêu lý do/);
    spec
      .given([received, verified, decided])
      .when({ ...revoke, actor: board })
      .thenThrows(ForbiddenError);
  });

  it('refuses to revoke twice', () => {
    const revokedEvent: ProposalEvent = {
      type: E.AwardRevoked,
      data: {
        proposalId: 'p-1',
        awardCode: haNamAward.awardCode,
        level: 'province',
        jurisdictionUnitId: 'vn-ha-nam',
        year: 2019,
        reason: 'x',
        decisionNumber: '88/QĐ-UBND',
        decisionDate: '2020-03-02',
      },
    };
    spec
      .given([received, verified, decided, revokedEvent])
      .when(revoke)
      .thenThrows(DomainRuleViolation, /Khen thưởng đã bị thu hồi/);
  });
});

describe('unit commendations (khen thưởng đơn vị thực hiện tốt phong trào)', () => {
  const standingBody = haNamActor('standing-body');
  const commendation = {
    proposalId: 'c-1',
    level: 'province' as const,
    jurisdictionUnitId: 'vn-ha-nam',
    jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
    year: 2019,
    title: 'Đơn vị thực hiện tốt phong trào "Đoàn kết sáng tạo"',
    achievements: 'Dẫn đầu cụm thi đua về số sáng kiến được áp dụng',
    recipients: [{ name: 'UBND huyện Duy Tiên', kind: 'unit' as const }],
  };
  const proposed: ProposalEvent = { type: E.CommendationProposed, data: { ...commendation, proposedByUnitId: 'vn-ha-nam' } };
  const bangKhen = {
    awardCode: 'bang-khen-ubnd-ha-nam',
    name: 'Bằng khen',
    level: 'province' as const,
    grantingUnitId: 'vn-ha-nam',
    recipientKinds: ['unit' as const, 'collective' as const, 'individual' as const],
  };

  it('a standing body proposes; the same chain then verifies and decides it', () => {
    spec.given([]).when({ type: 'ProposeCommendation', actor: standingBody, commendation }).then([proposed]);
    spec
      .given([])
      .when({ type: 'ProposeCommendation', actor: board, commendation })
      .thenThrows(ForbiddenError, /Cơ quan thường trực/);
    const verifiedC: ProposalEvent = { type: E.AchievementsVerified, data: { proposalId: 'c-1', verifiedBy: board.id } };
    spec
      .given([proposed, verifiedC])
      .when(decideAward({ proposalId: 'c-1', award: bangKhen }))
      .thenMatches(([e]) => {
        expect(e.type).toBe(E.AwardDecided);
        expect(e.data).not.toHaveProperty('dossierId');
        expect(e.data).toMatchObject({ awardName: 'Bằng khen', recipients: commendation.recipients });
      });
  });
});
