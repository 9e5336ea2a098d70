import type { AdministrativeLevel, Role } from './administrative';
import { COUNCIL_GRADE_LABELS_VI } from './councils/councils.values';

/**
 * The words people read, in one place for every service and the portal (terms of /work/shared/glossary.md).
 * Machine codes stay English in machine fields; whatever is shown (labels, history lines, messages) is built
 * from these. The closed vocabularies of each context keep their labels beside their codes
 * (UNIT_KIND_LABELS_VI, DOSSIER_TYPE_LABELS_VI, COUNCIL_GRADE_LABELS_VI, CASE_STATUS_LABELS_VI...), all exported
 * from @cem/contracts as well.
 */

/** A level as a phrase inside a sentence: "ở cấp tỉnh", "lên Trung ương". */
export const LEVEL_PHRASES_VI: Record<AdministrativeLevel, string> = {
  central: 'Trung ương',
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

export const levelPhrase = (level: unknown): string => LEVEL_PHRASES_VI[level as AdministrativeLevel] ?? 'cấp không xác định';

/** Dossier statuses (glossary: Hồ sơ). */
export const DOSSIER_STATUS_LABELS_VI = {
  draft: 'Bản nháp',
  submitted: 'Đã nộp',
  received: 'Đã tiếp nhận',
  returned: 'Trả lại để bổ sung',
  amended: 'Đã bổ sung',
  withdrawn: 'Đã rút',
  forwarded: 'Đã chuyển lên cấp trên',
} as const;

export const ROLE_LABELS_VI: Record<Role, string> = {
  submitter: 'Người đăng ký',
  'unit-officer': 'Cán bộ đơn vị',
  'agency-officer': 'Cán bộ cơ quan tiếp nhận',
  'front-chair': 'Chủ tịch Ủy ban MTTQ',
  'council-chair': 'Chủ tịch Hội đồng',
  'council-secretary': 'Thư ký Hội đồng',
  'council-member': 'Ủy viên Hội đồng',
  expert: 'Chuyên gia',
  'emulation-board': 'Ban Thi đua - Khen thưởng',
  authority: 'Người có thẩm quyền quyết định',
  'standing-body': 'Cơ quan thường trực',
  auditor: 'Kiểm tra viên',
  analyst: 'Cán bộ phân tích, thống kê',
  admin: 'Quản trị hệ thống',
  system: 'Hệ thống (tự động)',
};

export const roleLabel = (role: unknown): string => ROLE_LABELS_VI[role as Role] ?? 'Hệ thống (tự động)';

type Data = Record<string, unknown>;
const s = (v: unknown): string => {
  switch (typeof v) {
    case 'string':
      return v;
    case 'undefined':
      return '';
    case 'object':
      return v === null ? '' : JSON.stringify(v);
    default:
      return String(v);
  }
};
const grade = (d: Data) => s(d.gradeLabel) || COUNCIL_GRADE_LABELS_VI[d.grade as keyof typeof COUNCIL_GRADE_LABELS_VI] || s(d.grade);

/**
 * A person's name by their id (the `sub` of their token, a council member's `memberId`), when the reader knows it.
 * The history lines name people by it; an id nobody named stays the id (an auditor can still trace it).
 */
export type PersonNames = (personId: string) => string | undefined;

const noNames: PersonNames = () => undefined;

/** One line per event type in the users' words: the decision history every service and the portal show. */
const EVENT_SUMMARIES_VI: Record<string, (d: Data, person: (id: unknown) => string) => string> = {
  'submissions.UnitRegistered': (d) => `Đăng ký đơn vị ${s(d.name)}`,
  'submissions.DossierDrafted': (d) => `Lập hồ sơ "${s(d.title)}"`,
  'submissions.DossierSubmitted': (d) => `Nộp hồ sơ lên ${levelPhrase(d.level)}`,
  'submissions.DossierReceived': (d) => `Tiếp nhận hồ sơ tại ${levelPhrase(d.level)}`,
  'submissions.DossierReturned': () => 'Trả lại hồ sơ để bổ sung',
  'submissions.DossierAmended': () => 'Bổ sung, sửa đổi hồ sơ',
  'submissions.DossierWithdrawn': () => 'Rút hồ sơ',
  'submissions.ForwardingOverrideDecided': (d) => `Quyết định chuyển hồ sơ lên cấp trên (số ${s(d.decisionRef)})`,
  'submissions.MandateGranted': (d) => `Giao nhiệm vụ, ủy quyền (số ${s(d.decisionRef)})`,
  'submissions.MandateRevoked': (d) => `Chấm dứt ủy quyền (số ${s(d.decisionRef)})`,
  'submissions.DossierForwarded': (d) => `Chuyển hồ sơ từ ${levelPhrase(d.fromLevel)} lên ${levelPhrase(d.toLevel)}`,
  'councils.CouncilEstablished': (d) => `Thành lập ${s(d.name)}`,
  'councils.CouncilEditionAdded': () => 'Giao thêm đợt thẩm định cho Hội đồng thường trực',
  'councils.DossierAwaitingCouncil': (d) => `Hồ sơ chờ xác định Hội đồng thẩm định: ${s(d.reasonText)}`,
  'councils.EvaluationCaseOpened': () => 'Mở hồ sơ thẩm định',
  'councils.MembersAssigned': () => 'Phân công thành viên chấm',
  'councils.ConflictDetected': (d, person) => `Phát hiện xung đột lợi ích (${person(d.memberId)})`,
  'councils.ConflictDeclared': (d, person) => `Thành viên ${person(d.memberId)} khai báo xung đột lợi ích`,
  'councils.MemberRecused': (d, person) => `Thành viên ${person(d.memberId)} không tham gia chấm`,
  'councils.ScoreSubmitted': (d, person) => `Chấm điểm (${person(d.memberId)})`,
  'councils.ScoreRevised': (d, person) => `Điều chỉnh điểm (${person(d.memberId)})`,
  'councils.CaseFinalised': (d) => `Nghiệm thu, xếp loại: ${grade(d)} (${s(d.aggregateScore)} điểm)`,
  'councils.RankingPublished': () => 'Công bố xếp hạng',
  'councils.DossierRecommendedUpward': (d) => `Đề xuất lên ${levelPhrase(d.toLevel)} (hạng ${s(d.rank)})`,
  'councils.AppealFiled': (d) =>
    `Tiếp nhận kiến nghị, khiếu nại về kết quả thẩm định (${d.appellantKind === 'author' ? 'tác giả' : 'đơn vị đề cử'})`,
  'councils.AppealAssigned': (d) => `Giao Hội đồng ${s(d.toCouncilId)} giải quyết kiến nghị`,
  'councils.AppealDecided': (d) =>
    `${d.outcome === 'upheld' ? 'Chấp nhận' : 'Không chấp nhận'} kiến nghị${d.reopenScoring ? ', thẩm định lại' : ''}: ${s(d.reasons)}`,
  'councils.CaseReopened': (d) => `Mở lại việc chấm điểm để thẩm định lại (kết quả trước: ${grade((d.previous ?? {}) as Data)})`,
  'submissions.AppealRulesSet': (d) =>
    `Quy định kiến nghị: trong ${s(d.windowDays)} ngày, ${d.handledBy === 'same-council' ? 'chính Hội đồng' : 'Hội đồng cấp trên'} giải quyết`,
  'councils.InnovationApplied': (d) => `Áp dụng tại ${s(d.unitName)} từ ${s(d.appliedFrom)}`,
  'councils.HonourProposed': (d) => `Đề nghị tôn vinh, khen thưởng${d.proposedAward ? `: ${s(d.proposedAward)}` : ''}`,
  'recognition.ProposalReceived': () => 'Tiếp nhận đề nghị khen thưởng',
  'recognition.CommendationProposed': () => 'Đề nghị khen thưởng đơn vị',
  'recognition.AchievementsVerified': () => 'Thẩm định thành tích',
  'recognition.ProposalSentBack': () => 'Trả lại đề nghị khen thưởng',
  'recognition.ProposalResubmitted': () => 'Trình lại đề nghị khen thưởng',
  'recognition.AwardDecided': (d) => `Quyết định khen thưởng số ${s(d.decisionNumber)} ngày ${s(d.decisionDate)}: ${s(d.awardName)}`,
  'recognition.AwardIssued': (d) => `Trao tặng ngày ${s(d.ceremonyDate)}`,
  'recognition.AwardRevoked': (d) => `Thu hồi theo quyết định số ${s(d.decisionNumber)} ngày ${s(d.decisionDate)}`,
  'recognition.DocumentIssued': (d) => `Phát hành văn bản ${s(d.documentId)} (SHA-256 ${s(d.sha256).slice(0, 12)}…)`,
};

/**
 * The history line of an event; a type without its own line reads as a generic action, never the code. The
 * people an event names by id (a council member) read by name when `names` knows them.
 */
export function summariseEvent(event: { type: string; data?: unknown }, names: PersonNames = noNames): string {
  const summary = EVENT_SUMMARIES_VI[event.type];
  const person = (id: unknown) => (typeof id === 'string' && names(id)) || s(id);
  return summary ? summary((event.data ?? {}) as Data, person) : 'Cập nhật hồ sơ';
}

/** Honour proposal statuses (glossary: Khen thưởng), in the order a proposal goes through them. */
export const PROPOSAL_STATUSES = ['received', 'sent-back', 'verified', 'decided', 'issued', 'revoked'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS_VI: Record<ProposalStatus, string> = {
  received: 'Đã tiếp nhận',
  'sent-back': 'Đã trả lại đề nghị',
  verified: 'Đã thẩm định thành tích',
  decided: 'Đã có quyết định khen thưởng',
  issued: 'Đã trao tặng',
  revoked: 'Đã thu hồi',
};
