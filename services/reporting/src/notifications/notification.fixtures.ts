import type { Actor, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, REPORTING_EVENTS as P, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import type { Recipient } from './inbox';
import { applyNotificationSubject, type NotificationSubjectDoc, notificationSubjectsProjection } from './notification-subjects.projection';

export const PHU_LY = ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'];
export const phuLyOfficer: Actor = {
  id: 'u-phu-ly-officer',
  name: 'Nguyễn Thị Lan',
  role: 'unit-officer',
  unitId: 'vn-ha-nam-phu-ly',
  level: 'district',
  unitPath: PHU_LY,
};
export const member: Actor = {
  id: 'u-member-lien',
  name: 'Phạm Thị Liên',
  role: 'council-member',
  unitId: 'vn-ha-nam-so-khcn',
  level: 'province',
  unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-so-khcn'],
};
export const recipientOf = (a: Actor): Recipient => ({
  personId: a.id,
  role: a.role,
  unitId: a.unitId,
  unitPath: a.unitPath,
  level: a.level,
});

export const drafted = (dossierId = 'hs-1', title = 'Sổ tay điện tử') =>
  recorded(S.DossierDrafted, {
    dossierId,
    campaignId: 'ha-nam-sang-tao',
    year: 2026,
    fieldCode: 'khcn',
    type: 'solution',
    title,
    summary: '',
    applicantKind: 'individual',
    authors: [{ name: 'Trần Văn Đức' }],
    owners: [],
    nominatingUnitId: 'vn-ha-nam-phu-ly',
    nominatingUnitPath: PHU_LY,
    attachments: [],
    draftedAt: '2026-09-01T02:00:00Z',
  });
export const submitted = (dossierId = 'hs-1') =>
  recorded(S.DossierSubmitted, {
    dossierId,
    level: 'province',
    jurisdictionUnitId: 'vn-ha-nam',
    jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
    submittedAt: '2026-09-02T02:00:00Z',
  });
export const returned = (dossierId = 'hs-1') =>
  recorded(S.DossierReturned, {
    dossierId,
    level: 'province',
    jurisdictionUnitId: 'vn-ha-nam',
    reason: 'Thiếu bản mô tả giải pháp',
    returnedAt: '2026-09-03T02:00:00Z',
  });
export const membersAssigned = recorded(C.MembersAssigned, {
  caseId: 'hs-1@province',
  dossierId: 'hs-1',
  councilId: 'hd-ha-nam',
  fieldCode: 'khcn',
  title: 'Sổ tay điện tử',
  memberIds: [member.id, 'u-member-khac'],
  assignedAt: '2026-09-10T02:00:00Z',
});
export const proposalReceived = recorded(R.ProposalReceived, {
  proposalId: 'dn-1',
  level: 'province',
  jurisdictionUnitId: 'vn-ha-nam',
  jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
  year: 2026,
  title: 'Sổ tay điện tử',
  recipients: [{ name: 'Trần Văn Đức', kind: 'individual' }],
  caseId: 'hs-1@province',
  dossierId: 'hs-1',
  councilId: 'hd-ha-nam',
  fieldCode: 'khcn',
  grade: 'xuat-sac',
  score: 92,
  rank: 1,
});
export const proposalSentBack = recorded(R.ProposalSentBack, {
  proposalId: 'dn-1',
  sentBackBy: 'u-board',
  reason: 'Thiếu xác nhận của đơn vị',
});
export const campaignLaunched = recorded(S.CampaignLaunched, {
  campaignId: 'ha-nam-sang-tao',
  name: 'Người Hà Nam đoàn kết sáng tạo',
  launchedByUnitId: 'vn-ha-nam',
  level: 'province',
  planNumber: '338/KH-UBND',
  planDate: '2024-02-01',
  period: { fromYear: 2024, toYear: 2030 },
});
export const deadlineSet = (deadline: string, jurisdictionUnitId?: string) =>
  recorded(S.SubmissionDeadlineSet, {
    campaignId: 'ha-nam-sang-tao',
    year: 2026,
    level: 'province',
    ...(jurisdictionUnitId ? { jurisdictionUnitId } : {}),
    deadline,
  });
export const periodOpened = (dueBy: string) =>
  recorded(P.ReportingPeriodOpened, {
    periodId: 'bc-2026',
    year: 2026,
    kind: 'yearly',
    title: 'Báo cáo phong trào năm 2026',
    openedByUnitId: 'vn-ha-nam',
    deadlines: [{ level: 'district', dueBy }],
  });

/** Folds events into the subject documents, as the projection runner would. */
export function subjectsAfter(events: RecordedEvent[]): NotificationSubjectDoc[] {
  const docs = new Map<string, NotificationSubjectDoc>();
  for (const e of events) {
    for (const id of notificationSubjectsProjection.documentIds(e)) {
      const next = applyNotificationSubject(docs.get(id) ?? null, e, id);
      if (next) docs.set(id, next);
      else docs.delete(id);
    }
  }
  return [...docs.values()];
}
