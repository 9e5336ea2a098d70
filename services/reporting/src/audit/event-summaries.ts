import type { RecordedEvent } from '@cem/contracts';

type Data = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A short line per event type in the users' words; unknown types fall back to the type name. */
const SUMMARIES: Record<string, (d: Data) => string> = {
  'submissions.DossierDrafted': (d) => `Lập hồ sơ "${s(d.title)}"`,
  'submissions.DossierSubmitted': (d) => `Nộp hồ sơ lên cấp ${s(d.level)}`,
  'submissions.DossierReceived': (d) => `Tiếp nhận hồ sơ tại cấp ${s(d.level)}`,
  'submissions.DossierReturned': () => 'Trả lại hồ sơ',
  'submissions.DossierAmended': () => 'Bổ sung, sửa đổi hồ sơ',
  'submissions.DossierWithdrawn': () => 'Rút hồ sơ',
  'submissions.DossierForwarded': (d) => `Chuyển hồ sơ từ cấp ${s(d.fromLevel)} lên cấp ${s(d.toLevel)}`,
  'councils.EvaluationCaseOpened': () => 'Mở hồ sơ thẩm định',
  'councils.MembersAssigned': () => 'Phân công thành viên chấm',
  'councils.MemberRecused': (d) => `Thành viên ${s(d.memberId)} không tham gia chấm`,
  'councils.ScoreSubmitted': (d) => `Chấm điểm (${s(d.memberId)})`,
  'councils.ScoreRevised': (d) => `Sửa điểm (${s(d.memberId)})`,
  'councils.CaseFinalised': (d) => `Nghiệm thu, xếp loại: ${s(d.gradeLabel || d.grade)} (${s(d.aggregateScore)} điểm)`,
  'councils.DossierRecommendedUpward': (d) => `Đề xuất lên cấp ${s(d.toLevel)} (hạng ${s(d.rank)})`,
  'councils.HonourProposed': (d) => `Đề nghị tôn vinh, khen thưởng${d.proposedAward ? `: ${s(d.proposedAward)}` : ''}`,
  'recognition.ProposalReceived': () => 'Tiếp nhận đề nghị khen thưởng',
  'recognition.CommendationProposed': () => 'Đề nghị khen thưởng đơn vị',
  'recognition.AchievementsVerified': () => 'Thẩm định thành tích',
  'recognition.ProposalSentBack': () => 'Trả lại đề nghị khen thưởng',
  'recognition.ProposalResubmitted': () => 'Trình lại đề nghị khen thưởng',
  'recognition.AwardDecided': (d) => `Quyết định khen thưởng số ${s(d.decisionNumber)} ngày ${s(d.decisionDate)}: ${s(d.awardName)}`,
  'recognition.AwardIssued': (d) => `Trao tặng ngày ${s(d.ceremonyDate)}`,
  'recognition.AwardRevoked': (d) => `Thu hồi theo quyết định số ${s(d.decisionNumber)} ngày ${s(d.decisionDate)}`,
};

export function summarise(event: Pick<RecordedEvent, 'type' | 'data'>): string {
  const summary = SUMMARIES[event.type];
  return summary ? summary((event.data ?? {}) as Data) : event.type;
}
