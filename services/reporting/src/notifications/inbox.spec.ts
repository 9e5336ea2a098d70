import { ALL_CONTRACTS, COUNCILS_EVENTS as C, EventContractRegistry, REPORTING_EVENTS as E } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { inbox, type InboxFacts } from './inbox';
import {
  campaignLaunched,
  deadlineSet,
  drafted,
  member,
  membersAssigned,
  periodOpened,
  phuLyOfficer,
  proposalReceived,
  proposalSentBack,
  recipientOf,
  returned,
  subjectsAfter,
  submitted,
} from './notification.fixtures';
import { notificationPeopleProjection } from './notification-people.projection';

const facts = (events: Parameters<typeof subjectsAfter>[0], extra: Partial<InboxFacts> = {}): InboxFacts => ({
  subjects: subjectsAfter(events),
  reportedPeriodIds: new Set(),
  readIds: new Set(),
  ...extra,
});
const NOW = new Date('2026-09-05T01:00:00Z');
const secretary = {
  ...recipientOf(member),
  personId: 'u-secretary',
  role: 'council-secretary',
  unitId: 'vn-ha-nam',
  unitPath: ['vn', 'vn-ha-nam'],
};

describe('what a person must act on', () => {
  it('is derived from events shaped as their contracts say', () => {
    const registry = new EventContractRegistry(ALL_CONTRACTS);
    const events = [drafted(), submitted(), returned(), membersAssigned, proposalReceived, proposalSentBack, campaignLaunched];
    for (const e of [...events, deadlineSet('2026-09-07T10:00:00Z'), periodOpened('2026-09-06T17:00:00Z')]) {
      expect([e.type, registry.check(e.type, 1, e.data)]).toEqual([e.type, { ok: true }]);
    }
  });

  it('given a returned dossier, when its unit’s officer looks, then it is listed with the reason until submitted again', () => {
    const given = [drafted(), submitted(), returned()];
    const [item] = inbox(recipientOf(phuLyOfficer), facts(given), NOW);
    expect(item).toEqual(
      expect.objectContaining({
        kind: 'dossier-returned',
        kindLabel: 'Hồ sơ bị trả lại để bổ sung',
        title: 'Hồ sơ "Sổ tay điện tử" bị trả lại để bổ sung',
        detail: 'Lý do: Thiếu bản mô tả giải pháp',
        link: '/don-vi/ho-so/hs-1',
        read: false,
      }),
    );
    // Another unit's officer and a council member see nothing of it.
    expect(inbox({ ...recipientOf(phuLyOfficer), unitId: 'vn-ha-nam-duy-tien' }, facts(given), NOW)).toEqual([]);
    expect(inbox(recipientOf(member), facts(given), NOW)).toEqual([]);
    // Submitted again: done.
    expect(inbox(recipientOf(phuLyOfficer), facts([...given, submitted()]), NOW)).toEqual([]);
  });

  it('given members assigned, then each named member (only) is told, with a link to the case', () => {
    const items = inbox(recipientOf(member), facts([membersAssigned]), NOW);
    expect(items).toEqual([expect.objectContaining({ kind: 'case-assigned', link: '/tham-dinh/ho-so/hs-1%40province' })]);
    expect(inbox({ ...recipientOf(member), personId: 'u-someone' }, facts([membersAssigned]), NOW)).toEqual([]);
  });

  it('given members assigned, when one scores, then it leaves her list only; when the case is finalised, it leaves everyone’s', () => {
    const other = { ...recipientOf(member), personId: 'u-member-khac' };
    const scored = recorded(C.ScoreSubmitted, {
      caseId: 'hs-1@province',
      memberId: member.id,
      criteriaSetId: 'tc-khcn',
      criteriaVersion: 1,
      scores: [{ criterionCode: 'c1', value: 8 }],
      total: 8,
      submittedAt: '2026-09-11T02:00:00Z',
    });
    expect(inbox(recipientOf(member), facts([membersAssigned, scored]), NOW)).toEqual([]);
    expect(inbox(other, facts([membersAssigned, scored]), NOW)).toEqual([expect.objectContaining({ kind: 'case-assigned' })]);
    const recused = recorded(C.MemberRecused, { caseId: 'hs-1@province', memberId: 'u-member-khac', reason: 'Là đồng tác giả' });
    expect(inbox(other, facts([membersAssigned, recused]), NOW)).toEqual([]);
    const finalised = recorded(C.CaseFinalised, { caseId: 'hs-1@province' });
    expect(inbox(other, facts([membersAssigned, scored, finalised]), NOW)).toEqual([]);
    const registry = new EventContractRegistry(ALL_CONTRACTS);
    for (const e of [scored, recused]) expect([e.type, registry.check(e.type, 1, e.data)]).toEqual([e.type, { ok: true }]);
    // A case the archive never saw assigned has nobody to tell.
    expect(subjectsAfter([scored])).toEqual([]);
  });

  it('given a proposal sent back, then the proposing council’s secretary is told until it is resubmitted', () => {
    const given = [proposalReceived, proposalSentBack];
    expect(inbox(secretary, facts(given), NOW)).toEqual([
      expect.objectContaining({ kind: 'proposal-sent-back', detail: 'Lý do: Thiếu xác nhận của đơn vị' }),
    ]);
    const resubmitted = recorded('recognition.ProposalResubmitted', { proposalId: 'dn-1', resubmittedBy: 'u-secretary' });
    expect(inbox(secretary, facts([...given, resubmitted]), NOW)).toEqual([]);
  });

  it('reminds a unit with drafts of the submission deadline within the window, never after it', () => {
    const given = [campaignLaunched, drafted(), deadlineSet('2026-09-07T10:00:00Z')];
    expect(inbox(recipientOf(phuLyOfficer), facts(given), NOW)).toEqual([
      expect.objectContaining({
        kind: 'submission-deadline',
        title: 'Còn 3 ngày đến hạn nộp hồ sơ phong trào "Người Hà Nam đoàn kết sáng tạo" năm 2026',
        detail: 'Đơn vị còn 1 hồ sơ chưa nộp; hạn nộp 07/09/2026 17:00',
        dueBy: '2026-09-07T10:00:00Z',
      }),
    ]);
    // Outside the window (a day's reminder asked), past the deadline, or nothing left to submit: nothing.
    expect(inbox(recipientOf(phuLyOfficer), facts(given), NOW, { kinds: ['submission-deadline'], reminderDays: 1 })).toEqual([]);
    expect(inbox(recipientOf(phuLyOfficer), facts(given), new Date('2026-09-08T00:00:00Z'))).toEqual([]);
    expect(inbox(recipientOf(phuLyOfficer), facts([...given, submitted()]), NOW)).toEqual([]);
    // A deadline for another jurisdiction does not apply.
    expect(
      inbox(recipientOf(phuLyOfficer), facts([campaignLaunched, drafted(), deadlineSet('2026-09-06T10:00:00Z', 'vn-hcm')]), NOW),
    ).toEqual([]);
  });

  it('reminds a unit that has not reported of the report due for its level', () => {
    const given = [periodOpened('2026-09-06T17:00:00Z')];
    expect(inbox(recipientOf(phuLyOfficer), facts(given), NOW)).toEqual([
      expect.objectContaining({
        kind: 'report-due',
        title: 'Còn 2 ngày đến hạn nộp báo cáo "Báo cáo phong trào năm 2026"',
        link: '/bao-cao',
      }),
    ]);
    expect(inbox(recipientOf(phuLyOfficer), facts(given, { reportedPeriodIds: new Set(['bc-2026']) }), NOW)).toEqual([]);
    expect(inbox(recipientOf(member), facts(given), NOW)).toEqual([]);
  });

  it('marks read items and leaves out the kinds the person turned off', () => {
    const given = [drafted(), submitted(), returned(), periodOpened('2026-09-06T17:00:00Z')];
    const all = inbox(recipientOf(phuLyOfficer), facts(given), NOW);
    expect(all.map((i) => i.kind)).toEqual(['report-due', 'dossier-returned']);
    const read = inbox(recipientOf(phuLyOfficer), facts(given, { readIds: new Set([all[1].id]) }), NOW);
    expect(read.map((i) => i.read)).toEqual([false, true]);
    expect(
      inbox(recipientOf(phuLyOfficer), facts(given), NOW, { kinds: ['dossier-returned'], reminderDays: 3 }).map((i) => i.kind),
    ).toEqual(['dossier-returned']);
  });

  it('the people read model keeps preferences, reads and the last digest', () => {
    const prefs = recorded(E.NotificationPreferencesSet, {
      personId: 'p1',
      role: 'unit-officer',
      unitId: 'u',
      level: 'district',
      unitPath: ['u'],
      email: 'p1@x.vn',
      channels: ['portal', 'email'],
      kinds: ['dossier-returned'],
      digestHour: 7,
      reminderDays: 3,
      setAt: '2026-09-01T00:00:00Z',
    });
    const read = recorded(E.NotificationsRead, { personId: 'p1', notificationIds: ['a'], readAt: '2026-09-01T00:00:00Z' });
    const sent = recorded(E.DigestDispatched, {
      personId: 'p1',
      day: '2026-09-01',
      email: 'p1@x.vn',
      subject: 's',
      notificationIds: ['b'],
      dispatchedAt: '2026-09-01T00:00:00Z',
    });
    const failed = recorded(E.DigestDeliveryFailed, { personId: 'p1', day: '2026-09-01', reason: 'x', failedAt: '2026-09-01T00:00:00Z' });
    const doc = [prefs, read, sent, failed].reduce(
      (d, e) => notificationPeopleProjection.apply(d, e, 'p1'),
      null as ReturnType<typeof notificationPeopleProjection.apply>,
    );
    expect(doc).toEqual(
      expect.objectContaining({
        wantsEmail: true,
        readIds: ['a'],
        lastDigest: expect.objectContaining({ day: '2026-09-01', failed: true }),
      }),
    );
  });
});
