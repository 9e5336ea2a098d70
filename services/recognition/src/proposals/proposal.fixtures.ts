import type { Actor, AwardDecidedData, AwardDefinedData, HonourProposedData, Role } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { ProposalEvent } from './proposal.state';

const HA_NAM = ['vn', 'vn-ha-nam'];

export const haNamActor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  name: role,
  role,
  unitId: 'vn-ha-nam',
  level: 'province',
  unitPath: HA_NAM,
  ...overrides,
});

export const board = haNamActor('emulation-board');
export const authority = haNamActor('authority');
export const secretary = haNamActor('council-secretary');

export const honourProposed: HonourProposedData = {
  proposalId: 'p-1',
  caseId: 'd-1@province',
  dossierId: 'd-1',
  councilId: 'hd-ha-nam',
  level: 'province',
  jurisdictionUnitId: 'vn-ha-nam',
  jurisdictionUnitPath: HA_NAM,
  campaignId: 'dkst-2019',
  year: 2019,
  fieldCode: 'khcn',
  title: 'Máy gieo hạt cải tiến',
  grade: 'xuat-sac',
  score: 92.5,
  rank: 1,
  recipients: [{ name: 'Nguyễn Văn A', kind: 'individual' }],
  proposedAward: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
};

export const haNamAward: AwardDefinedData = {
  awardCode: 'nguoi-ha-nam-dkst',
  name: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
  level: 'province',
  grantingUnitId: 'vn-ha-nam',
  recipientKinds: ['individual', 'collective'],
};

export const nationalAward: AwardDefinedData = {
  awardCode: 'nguoi-viet-dkst',
  name: 'Giải thưởng Người Việt đoàn kết sáng tạo',
  level: 'central',
  grantingUnitId: 'vn',
  recipientKinds: ['individual', 'collective'],
};

export const received: ProposalEvent = {
  type: E.ProposalReceived,
  data: { ...honourProposed, recipients: [...honourProposed.recipients] },
};
export const verified: ProposalEvent = { type: E.AchievementsVerified, data: { proposalId: 'p-1', verifiedBy: board.id } };

export const decision = { decisionNumber: '1234/QĐ-UBND', decisionDate: '2019-11-20', signer: 'Phó Chủ tịch UBND tỉnh' };

export const decidedData: AwardDecidedData = {
  proposalId: 'p-1',
  dossierId: 'd-1',
  awardCode: haNamAward.awardCode,
  awardName: haNamAward.name,
  level: 'province',
  jurisdictionUnitId: 'vn-ha-nam',
  year: 2019,
  fieldCode: 'khcn',
  campaignId: 'dkst-2019',
  title: 'Máy gieo hạt cải tiến',
  ...decision,
  recipients: [{ name: 'Nguyễn Văn A', kind: 'individual' }],
  jurisdictionUnitPath: HA_NAM,
};
export const decided: ProposalEvent = { type: E.AwardDecided, data: decidedData };
