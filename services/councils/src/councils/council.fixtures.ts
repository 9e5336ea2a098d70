import { councilSeat } from '@cem/testing/scenario';
import type { Actor, CouncilEstablishedData, CouncilMember, CouncilRegulations, DomainEvent, Role } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { evolveAll } from '@cem/decider';
import { councilDecider } from './council.decider';
import type { CouncilEvent, EstablishedCouncil } from './council.state';

/** Test data: the Hà Nam provincial appraisal council (Hội đồng thẩm định sáng tạo tỉnh Hà Nam). */

export const HA_NAM = 'vn-ha-nam';
export const HA_NAM_PATH = ['vn', HA_NAM];

export function actorAt(id: string, role: Role, unitId = HA_NAM, unitPath = HA_NAM_PATH): Actor {
  return { id, name: id, role, unitId, level: 'province', unitPath };
}

export const frontChair = actorAt('front-chair-ha-nam', 'front-chair');
export const secretary = actorAt('m-secretary', 'council-secretary');
export const chair = actorAt('m-chair', 'council-chair');
export const memberActor = (id: string) => actorAt(id, 'council-member');

const member = (memberId: string, personName: string, agencyUnitId: string, agencyName: string, role?: CouncilMember['role']) =>
  councilSeat('2019-01-15', memberId, personName, agencyUnitId, agencyName, role);

export const MEMBERS: CouncilMember[] = [
  member('m-chair', 'Trần Văn Hải', 'vn-ha-nam-mttq', 'Ủy ban MTTQ tỉnh', 'chair'),
  member('m-secretary', 'Hoàng Thu Hà', 'vn-ha-nam-mttq', 'Ủy ban MTTQ tỉnh', 'secretary'),
  member('m-khcn', 'Lê Văn Khoa', 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ'),
  member('m-lhh', 'Phạm Thị Liên', 'vn-ha-nam-lhh', 'Liên hiệp các Hội khoa học và kỹ thuật tỉnh'),
  member('m-tdkt', 'Vũ Đức Giang', 'vn-ha-nam-ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh'),
  member('m-expert', 'Nguyễn Thị Lan', 'vn-ha-nam-dai-hoc', 'Trường Đại học Hà Nam', 'expert'),
];

export const REGULATIONS: CouncilRegulations = {
  quorum: 3,
  aggregation: 'weighted-mean',
  tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'],
};

export const ESTABLISHED: CouncilEstablishedData = {
  councilId: 'hd-ha-nam',
  name: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam',
  level: 'province',
  jurisdictionUnitId: HA_NAM,
  jurisdictionUnitPath: HA_NAM_PATH,
  fieldCodes: [],
  decision: { number: '05/QĐ-MTTQ-BTT', date: '2019-01-15', signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh Hà Nam' },
  members: MEMBERS,
  regulations: REGULATIONS,
  editions: [{ campaignId: 'dkst', year: 2019 }],
};

export const councilEstablished = (overrides: Partial<CouncilEstablishedData> = {}): CouncilEvent => ({
  type: E.CouncilEstablished,
  data: { ...ESTABLISHED, ...overrides },
});

/** Lê Văn Khoa (Sở KH&CN) leaves in June; Đỗ Minh Tuấn takes his seat. */
export const khcnReplacedInJune: CouncilEvent = {
  type: E.MemberReplaced,
  data: {
    councilId: 'hd-ha-nam',
    oldMemberId: 'm-khcn',
    newMember: { ...member('m-khcn-2', 'Đỗ Minh Tuấn', 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ'), effectiveFrom: '2019-06-01' },
    effectiveFrom: '2019-06-01',
    reason: 'Thay đổi nhân sự Sở Khoa học và Công nghệ',
  },
};

export function councilAfter(events: DomainEvent[] = [councilEstablished()]): EstablishedCouncil {
  return evolveAll(councilDecider, events as CouncilEvent[]) as EstablishedCouncil;
}
