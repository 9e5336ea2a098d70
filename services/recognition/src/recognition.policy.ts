import { NotFoundError, Role, AWARD_HISTORY_READERS } from '@cem/contracts';
import { loadState } from '@cem/decider';
import { ownUnit, ownUnitOrBelow, relation } from '@cem/identity';
import { bodyString, controllerAccess, defineAccessPolicy, paramString, ServiceAccessRule, ServiceInfra } from '@cem/service-kit';
import { awardCatalogueDecider, awardStreamId } from './catalogue/award-catalogue.decider';
import { AwardsController } from './catalogue/awards.controller';
import { AwardDecisionsController } from './decisions/award-decisions.controller';
import { AwardedWorksController } from './decisions/awarded-works.controller';
import { AwardHistoryController } from './history/award-history.controller';
import { DocumentsController } from './documents/documents.controller';
import { documentJurisdiction } from './documents/issued-documents';
import { awardProposalDecider } from './proposals/award-proposal.decider';
import { proposalStreamId } from './proposals/proposal.state';
import { ProposalsController } from './proposals/proposals.controller';

/**
 * Who may call each recognition route (docs/security.md). A proposal belongs to the jurisdiction it was made
 * for: the Emulation and Reward Board verifies there (its own unit usually sits under the Department of Home
 * Affairs, so it acts for the province by a mandate), the authority decides there, and only with an award
 * its own unit grants.
 */

const ALL = 'any' as const;

interface ProposalAccessFacts {
  jurisdictionPath: string[];
  /** The granting unit of the award named in the body (decide) or already decided (revoke). */
  grantingUnitId?: string;
}

async function proposalFacts(infra: ServiceInfra, proposalId: string): Promise<ProposalAccessFacts & { decidedAwardCode?: string }> {
  const { state } = await loadState(infra.store, awardProposalDecider, proposalStreamId(proposalId));
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy đề nghị ${proposalId}`);
  return {
    jurisdictionPath: state.proposal.jurisdictionUnitPath,
    ...(state.decision ? { decidedAwardCode: state.decision.awardCode } : {}),
  };
}

async function grantingUnitOf(infra: ServiceInfra, awardCode: string): Promise<string> {
  const { state } = await loadState(infra.store, awardCatalogueDecider, awardStreamId(awardCode));
  if (!state.award) throw new NotFoundError(`Hình thức khen thưởng ${awardCode} không có trong danh mục`);
  return state.award.grantingUnitId;
}

const proposalUnit = ownUnit<ProposalAccessFacts>((f) => f.jurisdictionPath, 'đơn vị (địa bàn) của đề nghị khen thưởng');
const grantingUnit = relation<ProposalAccessFacts>(
  'granting-unit',
  'đơn vị trao tặng của hình thức khen thưởng, tại địa bàn của đề nghị',
  (s, f) => f.grantingUnitId === s.unit.unitId && proposalUnit.holds(s, f),
);

const auditor = relation<unknown>('auditor', 'kiểm tra viên (chỉ xem)', ({ actor }) => actor.role === 'auditor');

const onProposal = (roles: readonly Role[], summary: string): ServiceAccessRule<ProposalAccessFacts> => ({
  kind: 'command',
  roles,
  relations: [proposalUnit],
  facts: (req, infra) => proposalFacts(infra, paramString(req, 'id')),
  summary,
});

export const RECOGNITION_POLICY = defineAccessPolicy(
  controllerAccess(AwardsController, {
    define: {
      kind: 'command',
      roles: ['emulation-board', 'authority', 'admin'],
      adminBypass: true,
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'chính đơn vị trao tặng')],
      facts: (req) => Promise.resolve({ path: [bodyString(req, 'grantingUnitId')] }),
      summary: 'Đơn vị trao tặng (hoặc đơn vị được ủy quyền) đưa hình thức khen thưởng của mình vào danh mục',
    },
    list: { kind: 'list', roles: ALL, summary: 'Danh mục hình thức khen thưởng là thông tin công khai' },
  }),
  controllerAccess(ProposalsController, {
    list: { kind: 'list', roles: ALL, summary: 'Lọc theo địa bàn: đề nghị của địa bàn mình và cấp dưới' },
    verify: onProposal(['emulation-board'], 'Ban Thi đua - Khen thưởng của địa bàn đề nghị (thường theo ủy quyền) thẩm định thành tích'),
    sendBack: onProposal(['emulation-board'], 'Ban Thi đua - Khen thưởng của địa bàn đề nghị trả lại đề nghị'),
    resubmit: onProposal(['council-chair', 'council-secretary', 'standing-body'], 'Người đề nghị của chính địa bàn bổ sung, gửi lại'),
  }),
  controllerAccess(AwardDecisionsController, {
    decide: {
      kind: 'command',
      roles: ['authority'],
      relations: [grantingUnit],
      facts: async (req, infra) => ({
        ...(await proposalFacts(infra, paramString(req, 'id'))),
        grantingUnitId: await grantingUnitOf(infra, bodyString(req, 'awardCode')),
      }),
      summary: 'Người có thẩm quyền của đơn vị trao tặng hình thức khen thưởng đó, tại địa bàn của đề nghị',
    },
    issue: onProposal(['authority', 'emulation-board'], 'Cấp có thẩm quyền hoặc Ban Thi đua - Khen thưởng của địa bàn trao tặng'),
    revoke: {
      kind: 'command',
      roles: ['authority'],
      relations: [grantingUnit],
      facts: async (req, infra) => {
        const facts = await proposalFacts(infra, paramString(req, 'id'));
        return { ...facts, ...(facts.decidedAwardCode ? { grantingUnitId: await grantingUnitOf(infra, facts.decidedAwardCode) } : {}) };
      },
      summary: 'Người có thẩm quyền của đơn vị đã trao tặng thu hồi',
    },
  }),
  controllerAccess(DocumentsController, {
    certificates: onProposal(
      ['authority', 'emulation-board'],
      'Cấp có thẩm quyền hoặc Ban Thi đua - Khen thưởng của địa bàn phát hành giấy chứng nhận (giấy khen, bằng khen)',
    ),
    decisionDocument: onProposal(
      ['authority', 'emulation-board'],
      'Cấp có thẩm quyền hoặc Ban Thi đua - Khen thưởng của địa bàn phát hành quyết định',
    ),
    pdf: {
      kind: 'read',
      roles: ALL,
      relations: [ownUnitOrBelow<{ path: string[] }>((f) => f.path, 'địa bàn của khen thưởng là đơn vị mình hoặc cấp dưới'), auditor],
      facts: (req, infra) => documentJurisdiction(infra, paramString(req, 'documentId')),
      summary: 'Tải văn bản: người của địa bàn khen thưởng hoặc cấp trên, kiểm tra viên; ngoài phạm vi: 404',
    },
    verify: { kind: 'public', roles: ALL, summary: 'Xác minh văn bản qua mã QR: công khai, không cần đăng nhập' },
  }),
  controllerAccess(AwardHistoryController, {
    list: {
      kind: 'list',
      roles: [...AWARD_HISTORY_READERS],
      summary:
        'Cán bộ xét điều kiện khen thưởng (đơn vị, cơ quan tiếp nhận, Hội đồng, Ban Thi đua - Khen thưởng, cấp có thẩm quyền, cơ quan thường trực): khen thưởng của địa bàn mình và cấp dưới; kiểm tra viên: tất cả',
    },
  }),
  controllerAccess(AwardedWorksController, {
    list: { kind: 'public', roles: ALL, summary: 'Gương người Việt đoàn kết sáng tạo: công khai, không cần đăng nhập' },
  }),
);
