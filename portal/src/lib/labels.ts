// The words people read (docs: /work/shared/glossary.md). Machine codes stay English.
export {
  DOSSIER_TYPE_LABELS_VI,
  APPLICANT_KIND_LABELS_VI,
  DOSSIER_TYPES,
} from '../../../libs/contracts/src/submissions/submissions.values';
export { RECIPIENT_KIND_LABELS_VI, CERTIFICATE_KIND_LABELS_VI } from '../../../libs/contracts/src/recognition/recognition.values';
import { DOSSIER_STATUS_LABELS_VI, LEVEL_PHRASES_VI, ROLE_LABELS_VI } from '../../../libs/contracts/src/labels-vi';
import { COUNCIL_GRADE_LABELS_VI } from '../../../libs/contracts/src/councils/councils.values';
export { DOSSIER_STATUS_LABELS_VI, PROPOSAL_STATUS_LABELS_VI, PROPOSAL_STATUSES } from '../../../libs/contracts/src/labels-vi';
export { CASE_PROGRESS_LABELS_VI, CASE_PROGRESS_STAGES } from '../../../libs/contracts/src/councils/councils.values';
export { REPORT_STATUS_LABELS_VI, REPORT_STATUSES } from '../../../libs/contracts/src/reporting/reporting.values';

// One word per role across the services and the portal (libs/contracts).
export const ROLE_LABELS: Record<string, string> = ROLE_LABELS_VI;

// A level on its own (a column, after a name): the phrase of the services' sentences, capitalised ("Cấp tỉnh").
export const LEVEL_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LEVEL_PHRASES_VI).map(([level, phrase]) => [level, phrase.charAt(0).toUpperCase() + phrase.slice(1)]),
);

// A dossier's own statuses (libs/contracts), then those the list view derives from the councils and recognition.
export const DOSSIER_STATUS_LABELS: Record<string, string> = {
  ...DOSSIER_STATUS_LABELS_VI,
  'under-appraisal': 'Đang thẩm định',
  accepted: 'Được nghiệm thu',
  'not-accepted': 'Không được nghiệm thu',
  recommended: 'Được đề xuất lên cấp trên',
  awarded: 'Đã được khen thưởng',
};

// Semantic colours only: the theme darkens them to pass WCAG AA contrast on their light backgrounds.
export const DOSSIER_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'processing',
  returned: 'warning',
  amended: 'processing',
  withdrawn: 'default',
  forwarded: 'success',
  awarded: 'success',
};

export const GRADE_LABELS: Record<string, string> = COUNCIL_GRADE_LABELS_VI;

export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  received: 'Chờ thẩm định thành tích',
  verified: 'Đã thẩm định thành tích',
  'sent-back': 'Đã trả lại đề nghị',
  resubmitted: 'Đã gửi lại',
  decided: 'Đã có quyết định khen thưởng',
  issued: 'Đã trao tặng',
  revoked: 'Đã thu hồi',
};

/** History lines: what each event means in words. */
export const EVENT_LABELS: Record<string, string> = {
  'submissions.DossierDrafted': 'Lập hồ sơ (bản nháp)',
  'submissions.DossierSubmitted': 'Nộp hồ sơ',
  'submissions.DossierReceived': 'Tiếp nhận hồ sơ',
  'submissions.DossierReturned': 'Trả lại hồ sơ để bổ sung',
  'submissions.DossierAmended': 'Bổ sung hồ sơ',
  'submissions.DossierWithdrawn': 'Rút hồ sơ',
  'submissions.DossierForwarded': 'Chuyển hồ sơ lên cấp trên',
  'councils.EvaluationCaseOpened': 'Mở hồ sơ thẩm định tại Hội đồng',
  'councils.MembersAssigned': 'Phân công thành viên thẩm định',
  'councils.ConflictDetected': 'Phát hiện xung đột lợi ích',
  'councils.ConflictDeclared': 'Thành viên khai báo xung đột lợi ích',
  'councils.MemberRecused': 'Thành viên không tham gia thẩm định (xung đột lợi ích)',
  'councils.ScoreSubmitted': 'Chấm điểm',
  'councils.ScoreRevised': 'Điều chỉnh điểm',
  'councils.CaseFinalised': 'Chốt kết quả thẩm định',
  'councils.RankingPublished': 'Công bố xếp hạng',
  'councils.DossierRecommendedUpward': 'Đề xuất lên cấp trên',
  'councils.HonourProposed': 'Đề nghị khen thưởng',
  'recognition.ProposalReceived': 'Tiếp nhận đề nghị khen thưởng',
  'recognition.AchievementsVerified': 'Thẩm định thành tích',
  'recognition.ProposalSentBack': 'Trả lại đề nghị',
  'recognition.ProposalResubmitted': 'Gửi lại đề nghị',
  'recognition.AwardDecided': 'Quyết định khen thưởng',
  'recognition.AwardIssued': 'Trao tặng',
  'recognition.AwardRevoked': 'Thu hồi khen thưởng',
};

export const label = (labels: Record<string, string>, code: string | undefined | null): string => (code ? (labels[code] ?? code) : '—');

/**
 * Field names by code ("khcn" -> "Khoa học - Công nghệ"). Fields are named by the campaigns that open them
 * (GET /campaigns), not by a fixed list: the first campaign naming a code gives its name.
 */
export function fieldNamesOf(
  campaigns: ReadonlyArray<{ fields?: Record<string, { fieldCode: string; name: string }> }>,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of campaigns) for (const f of Object.values(c.fields ?? {})) if (!names.has(f.fieldCode)) names.set(f.fieldCode, f.name);
  return names;
}
