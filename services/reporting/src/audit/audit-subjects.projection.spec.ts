import { RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import type { RecordedEvent } from '@cem/contracts';
import { foldedTextClauses } from '@cem/read-models';
import { recorded } from '../shared/recorded-event.fixtures';
import { AuditSubjectDoc, auditSubjectsProjection } from './audit-subjects.projection';

function project(events: RecordedEvent[]): Map<string, AuditSubjectDoc> {
  const docs = new Map<string, AuditSubjectDoc>();
  for (const event of events) {
    if (!auditSubjectsProjection.eventTypes.includes(event.type)) continue;
    for (const id of auditSubjectsProjection.documentIds(event)) {
      const next = auditSubjectsProjection.apply(docs.get(id) ?? null, event, id);
      if (next) docs.set(id, next);
    }
  }
  return docs;
}

/** What the store's $regex clauses do, word by word, on the folded text. */
const found = (doc: AuditSubjectDoc, q: string) =>
  foldedTextClauses('searchText', q).every((c) => new RegExp((c.searchText as { $regex: string }).$regex).test(doc.searchText));

const drafted = recorded(S.DossierDrafted, {
  dossierId: 'hs-001',
  year: 2026,
  title: 'Phần mềm quản lý đê điều',
  authors: [{ name: 'Nguyễn Văn Đức' }],
  owners: [{ name: 'Công ty Thủy lợi Hà Nam' }],
});
const amended = recorded(S.DossierAmended, { dossierId: 'hs-001', changes: { title: 'Phần mềm giám sát đê điều' } });
const proposal = recorded(R.ProposalReceived, {
  proposalId: 'dn-001',
  dossierId: 'hs-001',
  level: 'province',
  year: 2026,
  title: 'Phần mềm giám sát đê điều',
  recipients: [{ name: 'Nguyễn Văn Đức', kind: 'individual' }],
  proposedAward: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
});
const decided = recorded(R.AwardDecided, {
  proposalId: 'dn-001',
  dossierId: 'hs-001',
  awardCode: 'giai-ha-nam',
  awardName: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
  level: 'province',
  jurisdictionUnitId: 'vn-ha-nam',
  year: 2026,
  title: 'Phần mềm giám sát đê điều',
  decisionNumber: '338/QĐ-UBND',
  decisionDate: '2026-10-01',
  signer: 'Chủ tịch UBND tỉnh Hà Nam',
  recipients: [{ name: 'Nguyễn Văn Đức', kind: 'individual' }],
});
const revoked = recorded(R.AwardRevoked, {
  proposalId: 'dn-001',
  awardCode: 'giai-ha-nam',
  level: 'province',
  jurisdictionUnitId: 'vn-ha-nam',
  year: 2026,
  reason: 'Vi phạm bản quyền',
  decisionNumber: '400/QĐ-UBND',
  decisionDate: '2026-11-01',
});

describe("the auditor's search over dossiers, proposals and awards", () => {
  const docs = project([drafted, amended, proposal, decided]);

  it('keeps one row per dossier, proposal and award decision', () => {
    expect(docs.get('dossier:hs-001')).toMatchObject({
      kind: 'dossier',
      kindLabel: 'Hồ sơ',
      title: 'Phần mềm giám sát đê điều',
      year: 2026,
    });
    expect(docs.get('proposal:dn-001')).toMatchObject({ kind: 'proposal', kindLabel: 'Đề nghị khen thưởng', dossierId: 'hs-001' });
    expect(docs.get('award:dn-001')).toMatchObject({
      kind: 'award',
      kindLabel: 'Quyết định khen thưởng',
      subjectId: 'dn-001',
      detail: 'Quyết định số 338/QĐ-UBND ngày 2026-10-01, người ký Chủ tịch UBND tỉnh Hà Nam: Giải thưởng Người Hà Nam đoàn kết sáng tạo',
    });
  });

  it('finds them without diacritics, by title, people, the decision number, old and new titles', () => {
    const dossier = docs.get('dossier:hs-001')!;
    expect(found(dossier, 'giam sat de dieu')).toBe(true);
    expect(found(dossier, 'nguyen van duc')).toBe(true);
    expect(found(dossier, 'cong ty thuy loi')).toBe(true);
    expect(found(dossier, 'quan ly de dieu')).toBe(false);
    const award = docs.get('award:dn-001')!;
    expect(found(award, '338/QĐ-UBND')).toBe(true);
    expect(found(award, 'nguoi ha nam doan ket')).toBe(true);
    expect(found(award, 'ĐỨC')).toBe(true);
    expect(found(docs.get('proposal:dn-001')!, 'dn-001')).toBe(true);
  });

  it('marks a revoked award', () => {
    const after = project([drafted, proposal, decided, revoked]).get('award:dn-001')!;
    expect(after.revoked).toBe(true);
    expect(after.detail).toContain('thu hồi theo Quyết định số 400/QĐ-UBND');
  });

  it('lists an amended dossier under its current authors and owners; the names it dropped stay findable, as former', () => {
    const newAuthors = recorded(S.DossierAmended, {
      dossierId: 'hs-001',
      changes: { authors: [{ name: 'Trần Thị Mai' }, { name: 'Nguyễn Văn Đức' }] },
    });
    const newOwners = recorded(S.DossierAmended, { dossierId: 'hs-001', changes: { owners: [{ name: 'Sở Nông nghiệp Hà Nam' }] } });
    const dropAuthor = recorded(S.DossierAmended, { dossierId: 'hs-001', changes: { authors: [{ name: 'Trần Thị Mai' }] } });
    const doc = project([drafted, newAuthors, newOwners, dropAuthor]).get('dossier:hs-001')!;
    expect(doc.people).toEqual(['Trần Thị Mai', 'Sở Nông nghiệp Hà Nam']);
    expect(doc.formerPeople).toEqual(['Công ty Thủy lợi Hà Nam', 'Nguyễn Văn Đức']);
    expect(found(doc, 'tran thi mai')).toBe(true);
    expect(found(doc, 'so nong nghiep')).toBe(true);
    expect(found(doc, 'nguyen van duc')).toBe(true);
    expect(found(doc, 'cong ty thuy loi')).toBe(true);

    // Named again: current, no longer former.
    const back = recorded(S.DossierAmended, { dossierId: 'hs-001', changes: { authors: [{ name: 'Nguyễn Văn Đức' }] } });
    const again = project([drafted, newAuthors, newOwners, dropAuthor, back]).get('dossier:hs-001')!;
    expect(again.people).toEqual(['Nguyễn Văn Đức', 'Sở Nông nghiệp Hà Nam']);
    expect(again.formerPeople).toEqual(['Công ty Thủy lợi Hà Nam', 'Trần Thị Mai']);
  });

  it('lists a resubmitted proposal under its corrected recipients', () => {
    const resubmitted = recorded(R.ProposalResubmitted, {
      proposalId: 'dn-001',
      resubmittedBy: 'u-1',
      recipients: [{ name: 'Trần Thị Mai', kind: 'individual' }],
    });
    const doc = project([drafted, proposal, resubmitted]).get('proposal:dn-001')!;
    expect(doc.people).toEqual(['Trần Thị Mai']);
    expect(doc.formerPeople).toEqual(['Nguyễn Văn Đức']);
  });
});
