/** Value sets of the councils context, shared with consumers so they read grades and methods the same way. */

export const COUNCIL_GRADES = ['xuat-sac', 'tot', 'kha', 'dat', 'khong-dat'] as const;
export type CouncilGrade = (typeof COUNCIL_GRADES)[number];

/** The words on minutes and certificates (xếp loại). */
export const COUNCIL_GRADE_LABELS_VI: Record<CouncilGrade, string> = {
  'xuat-sac': 'Xuất sắc',
  tot: 'Tốt',
  kha: 'Khá',
  dat: 'Đạt',
  'khong-dat': 'Không đạt',
};

/** Every grade but 'khong-dat' means the work is accepted (nghiệm thu). */
export const COUNCIL_REJECTING_GRADE: CouncilGrade = 'khong-dat';

export const COUNCIL_MEMBER_ROLES = ['chair', 'secretary', 'member', 'expert'] as const;
export type CouncilMemberRole = (typeof COUNCIL_MEMBER_ROLES)[number];

export const COUNCIL_MEMBER_ROLE_LABELS_VI: Record<CouncilMemberRole, string> = {
  chair: 'Chủ tịch Hội đồng',
  secretary: 'Thư ký Hội đồng',
  member: 'Thành viên',
  expert: 'Chuyên gia',
};

export const AGGREGATION_METHODS = ['weighted-mean', 'median', 'trimmed-mean'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/**
 * Tie-break steps. A council states its rule as an ORDERED ARRAY of steps, applied after the case score, and the
 * last step must be 'dossier-id' so that the order is total (two cases never compare equal), e.g.
 * ['higher-top-criterion', 'earlier-receipt', 'dossier-id'].
 * 'higher-top-criterion': higher mean score on the criterion with the greatest weight;
 * 'earlier-receipt': received earlier at this level; 'dossier-id': dossier id in code-point order.
 */
export const TIE_BREAK_STEPS = ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];

export const TIE_BREAK_STEP_LABELS_VI: Record<TieBreakStep, string> = {
  'higher-top-criterion': 'Điểm tiêu chí có trọng số lớn nhất cao hơn',
  'earlier-receipt': 'Tiếp nhận sớm hơn',
  'dossier-id': 'Mã hồ sơ (thứ tự bảng mã)',
};

/**
 * A tie-break rule as recorded: an ordered array of steps, or, in events recorded before arrays were taken,
 * the steps joined by '-then-' ('higher-top-criterion-then-earlier-receipt-then-dossier-id').
 */
export type TieBreakRule = readonly string[] | string;

/** The rule's steps in order, whichever form it was recorded in. */
export function tieBreakStepsOf(rule: TieBreakRule): string[] {
  return typeof rule === 'string' ? rule.split('-then-') : [...rule];
}

export const CONFLICT_KINDS = ['author', 'owner', 'nominating-unit'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const HONOUR_RECIPIENT_KINDS = ['individual', 'collective'] as const;
export type HonourRecipientKind = (typeof HONOUR_RECIPIENT_KINDS)[number];

/**
 * Why a received dossier waits for a council instead of opening a case: no council matches its campaign edition,
 * level, jurisdiction and field, or more than one does (the platform never picks one silently).
 */
export const ROUTING_WAIT_REASONS = ['no-council', 'several-councils'] as const;
export type RoutingWaitReason = (typeof ROUTING_WAIT_REASONS)[number];

export const ROUTING_WAIT_REASON_LABELS_VI: Record<RoutingWaitReason, string> = {
  'no-council': 'Chưa có Hội đồng thẩm định cho đợt, cấp, địa bàn và lĩnh vực của hồ sơ',
  'several-councils': 'Có nhiều Hội đồng thẩm định cùng phù hợp; cần chọn một Hội đồng',
};

/** Where a case stands, as the council's list shows it. */
export const CASE_STATUSES = ['awaiting-council', 'open', 'finalised', 'under-appeal'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS_VI: Record<CaseStatus, string> = {
  'awaiting-council': 'Chờ xác định Hội đồng thẩm định',
  open: 'Đang thẩm định',
  finalised: 'Đã chốt kết quả',
  'under-appeal': 'Đang giải quyết kiến nghị',
};

/**
 * A case's progress in a campaign edition at a glance (reporting): the list's statuses with the open case split
 * into waiting for assignment, assigned and being scored.
 */
export const CASE_PROGRESS_STAGES = ['awaiting-council', 'open', 'assigned', 'scoring', 'finalised', 'under-appeal'] as const;
export type CaseProgressStage = (typeof CASE_PROGRESS_STAGES)[number];

export const CASE_PROGRESS_LABELS_VI: Record<CaseProgressStage, string> = {
  'awaiting-council': CASE_STATUS_LABELS_VI['awaiting-council'],
  open: 'Chờ phân công',
  assigned: 'Đã phân công',
  scoring: 'Đang chấm điểm',
  finalised: CASE_STATUS_LABELS_VI.finalised,
  'under-appeal': CASE_STATUS_LABELS_VI['under-appeal'],
};
