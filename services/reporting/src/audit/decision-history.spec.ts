import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S, systemActor } from '@cem/contracts';
import type { Actor } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { decisionHistory } from './decision-history';
import { stateAsOf } from './state-as-of';

const officer: Actor = {
  id: 'u1',
  name: 'Lê Minh Châu',
  role: 'agency-officer',
  unitId: 'vn-hcm-binh-chanh',
  level: 'district',
  unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
};
const chair: Actor = { ...officer, id: 'u2', name: 'Phạm Quốc Dũng', role: 'council-chair' };
const board: Actor = { ...officer, id: 'u3', name: 'Vũ Đức Giang', role: 'emulation-board' };

const received = recorded(
  S.DossierReceived,
  { dossierId: 'd1', level: 'district', dossier: { dossierId: 'd1' } },
  { actor: officer, occurredAt: '2024-08-01T09:00:00Z', source: 'submissions' },
);
// Councils' clock is behind: the case opened "before" the receipt that caused it.
const opened = recorded(
  C.EvaluationCaseOpened,
  { caseId: 'd1@district', level: 'district' },
  { actor: chair, occurredAt: '2024-08-01T08:59:00Z', causationId: received.id, source: 'councils' },
);
const finalised = recorded(
  C.CaseFinalised,
  { caseId: 'd1@district', dossierId: 'd1', level: 'district', grade: 'xuat-sac', gradeLabel: 'Xuất sắc', aggregateScore: 92 },
  { actor: chair, occurredAt: '2024-09-10T10:00:00Z', source: 'councils' },
);
const proposed = recorded(
  R.ProposalReceived,
  { proposalId: 'p1', dossierId: 'd1', level: 'district' },
  { occurredAt: '2024-09-11T00:00:00Z', causationId: finalised.id, source: 'recognition' },
);
const sentBack = recorded(
  R.ProposalSentBack,
  { proposalId: 'p1', reason: 'Thiếu minh chứng' },
  { actor: board, occurredAt: '2024-09-15T00:00:00Z', reason: 'Thiếu minh chứng', source: 'recognition' },
);
const decided = recorded(
  R.AwardDecided,
  { proposalId: 'p1', level: 'district', decisionNumber: '1234/QĐ-UBND', decisionDate: '2024-10-01', awardName: 'Giấy khen' },
  { occurredAt: '2024-10-01T00:00:00Z', source: 'recognition' },
);
const otherDossier = recorded(
  S.DossierReceived,
  { dossierId: 'd2', level: 'district', dossier: { dossierId: 'd2' } },
  { occurredAt: '2024-08-02T00:00:00Z' },
);
const all = [decided, otherDossier, sentBack, proposed, finalised, opened, received];

describe('decision history', () => {
  it("gathers a dossier's events across contexts, following its case id and its proposals, in causal order", () => {
    const rows = decisionHistory(all, { dossierId: 'd1' });
    expect(rows.map((r) => r.type)).toEqual([
      S.DossierReceived,
      C.EvaluationCaseOpened,
      C.CaseFinalised,
      R.ProposalReceived,
      R.ProposalSentBack,
      R.AwardDecided,
    ]);
    expect(rows[2]).toMatchObject({
      who: 'Phạm Quốc Dũng',
      role: 'council-chair',
      unit: 'vn-hcm-binh-chanh',
      level: 'district',
      context: 'councils',
      what: 'Nghiệm thu, xếp loại: Xuất sắc (92 điểm)',
    });
    expect(rows[4]).toMatchObject({ why: 'Thiếu minh chứng', role: 'emulation-board' });
    // Causation: the case opened because the dossier was received; the proposal because the case was finalised.
    expect(rows[0].causationId).toBeUndefined();
    expect(rows[1]).toMatchObject({
      causationId: received.id,
      causedBy: { eventId: received.id, type: S.DossierReceived, context: 'submissions', when: '2024-08-01T09:00:00Z' },
    });
    expect(rows[3]).toMatchObject({ causationId: finalised.id, causedBy: { type: C.CaseFinalised, what: rows[2].what } });
    expect(rows[5].what).toBe('Quyết định khen thưởng số 1234/QĐ-UBND ngày 2024-10-01: Giấy khen');
  });

  it("gives an award decision's history by proposal", () => {
    expect(decisionHistory(all, { awardDecisionId: 'p1' }).map((r) => r.type)).toEqual([
      R.ProposalReceived,
      R.ProposalSentBack,
      R.AwardDecided,
    ]);
  });
});

describe('who acted, for which unit, at which level', () => {
  const districtOfficer: Actor = {
    id: 'demo-phu-ly',
    name: 'Trịnh Văn Bảo',
    role: 'unit-officer',
    unitId: 'vn-ha-nam-phu-ly',
    level: 'district',
    unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'],
  };
  const member: Actor = {
    id: 'demo-hd-lhh',
    name: 'Phạm Thị Liên',
    role: 'council-member',
    unitId: 'vn-ha-nam',
    level: 'province',
    unitPath: ['vn', 'vn-ha-nam'],
  };
  const submitted = recorded(
    S.DossierSubmitted,
    { dossierId: 'd9', level: 'province', submittedAt: '2026-12-02T05:15:00Z' },
    { actor: districtOfficer, occurredAt: '2026-12-02T05:15:00Z', source: 'submissions' },
  );
  const caseOpened = recorded(
    C.EvaluationCaseOpened,
    { caseId: 'd9@province', dossierId: 'd9', level: 'province' },
    { actor: systemActor('councils'), occurredAt: '2026-12-02T05:15:01Z', source: 'councils', causationId: submitted.id },
  );
  const declared = recorded(
    C.ConflictDeclared,
    { caseId: 'd9@province', memberId: 'demo-hd-lhh', reason: 'Là đồng tác giả' },
    { actor: member, occurredAt: '2026-12-02T05:16:00Z', source: 'councils' },
  );
  const detected = recorded(
    C.ConflictDetected,
    { caseId: 'd9@province', memberId: 'demo-hd-other', kind: 'author', matched: 'Lê Văn Cường' },
    { actor: systemActor('councils'), occurredAt: '2026-12-02T05:16:01Z', source: 'councils' },
  );
  const rows = decisionHistory([submitted, caseOpened, declared, detected], { dossierId: 'd9' });

  it("shows a unit's own level, not the level a dossier was sent to ('Nộp hồ sơ lên cấp tỉnh' says that)", () => {
    expect(rows[0]).toMatchObject({ unit: 'vn-ha-nam-phu-ly', level: 'district', what: 'Nộp hồ sơ lên cấp tỉnh' });
  });

  it('gives the system (Hệ thống (tự động)) no unit and no level', () => {
    expect(rows[1]).toMatchObject({ who: 'Hệ thống (tự động)', role: 'system' });
    expect(rows[1]).not.toHaveProperty('unit');
    expect(rows[1]).not.toHaveProperty('level');
  });

  it('names members in the lines by the names they acted under, or by the names given', () => {
    expect(rows[2].what).toBe('Thành viên Phạm Thị Liên khai báo xung đột lợi ích');
    // Nobody in these events is demo-hd-other: the id stays, unless the caller knows the name.
    expect(rows[3].what).toBe('Phát hiện xung đột lợi ích (demo-hd-other)');
    const named = decisionHistory([submitted, detected], { dossierId: 'd9' }, (id) => (id === 'demo-hd-other' ? 'Lê Thị Hoa' : undefined));
    expect(named[1].what).toBe('Phát hiện xung đột lợi ích (Lê Thị Hoa)');
  });
});

describe('state as of a date', () => {
  it('keeps the events that had occurred by then', () => {
    const ordered = [received, finalised, proposed, decided];
    expect(stateAsOf(ordered, new Date('2024-09-10T10:00:00Z')).map((e) => e.type)).toEqual([S.DossierReceived, C.CaseFinalised]);
    expect(stateAsOf(ordered, new Date('2024-01-01'))).toEqual([]);
  });
});
