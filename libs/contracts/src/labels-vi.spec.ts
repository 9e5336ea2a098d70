import { levelPhrase, roleLabel, summariseEvent } from './labels-vi';

describe('history lines in Vietnamese (labels-vi)', () => {
  const names = (id: string) => ({ 'demo-hd-lhh': 'Phạm Thị Liên', 'demo-hd-chair': 'Nguyễn Hữu Thắng' })[id];

  it('names council members by name, not by their id', () => {
    const declared = {
      type: 'councils.ConflictDeclared',
      data: { caseId: 'hs-1@province', memberId: 'demo-hd-lhh', reason: 'Đồng tác giả' },
    };
    expect(summariseEvent(declared, names)).toBe('Thành viên Phạm Thị Liên khai báo xung đột lợi ích');
    expect(summariseEvent({ type: 'councils.MemberRecused', data: { memberId: 'demo-hd-lhh' } }, names)).toBe(
      'Thành viên Phạm Thị Liên không tham gia chấm',
    );
    expect(summariseEvent({ type: 'councils.ConflictDetected', data: { memberId: 'demo-hd-lhh' } }, names)).toBe(
      'Phát hiện xung đột lợi ích (Phạm Thị Liên)',
    );
    expect(summariseEvent({ type: 'councils.ScoreSubmitted', data: { memberId: 'demo-hd-chair' } }, names)).toBe(
      'Chấm điểm (Nguyễn Hữu Thắng)',
    );
    expect(summariseEvent({ type: 'councils.ScoreRevised', data: { memberId: 'demo-hd-chair' } }, names)).toBe(
      'Điều chỉnh điểm (Nguyễn Hữu Thắng)',
    );
  });

  it('keeps the id of a person nobody named (an auditor can still trace it), and without names at all', () => {
    expect(summariseEvent({ type: 'councils.ScoreSubmitted', data: { memberId: 'm-unknown' } }, names)).toBe('Chấm điểm (m-unknown)');
    expect(summariseEvent({ type: 'councils.ScoreSubmitted', data: { memberId: 'demo-hd-chair' } })).toBe('Chấm điểm (demo-hd-chair)');
  });

  it('says where a dossier went, and reads an unknown type as a generic action, never the code', () => {
    expect(summariseEvent({ type: 'submissions.DossierSubmitted', data: { level: 'province' } })).toBe('Nộp hồ sơ lên cấp tỉnh');
    expect(summariseEvent({ type: 'future.SomethingNew', data: {} })).toBe('Cập nhật hồ sơ');
    expect(levelPhrase('nowhere')).toBe('cấp không xác định');
    expect(roleLabel('system')).toBe('Hệ thống (tự động)');
  });
});
