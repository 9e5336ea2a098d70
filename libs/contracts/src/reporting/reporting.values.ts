/** Value sets of the reporting context. */

/** Báo cáo năm, sơ kết, tổng kết. */
export const REPORTING_PERIOD_KINDS = ['yearly', 'interim', 'final'] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number];

export const REPORTING_PERIOD_KIND_LABELS_VI: Record<ReportingPeriodKind, string> = {
  yearly: 'Báo cáo năm',
  interim: 'Sơ kết',
  final: 'Tổng kết',
};

/** The figures every unit report gives; a roll-up sums them. */
export const REPORT_FIGURE_KEYS = ['dossiersSubmitted', 'initiativesApplied', 'modelsRegistered', 'awardsGiven', 'unitsCommended'] as const;
export type ReportFigureKey = (typeof REPORT_FIGURE_KEYS)[number];

export const REPORT_FIGURE_LABELS_VI: Record<ReportFigureKey, string> = {
  dossiersSubmitted: 'Số hồ sơ đăng ký',
  initiativesApplied: 'Số sáng kiến được áp dụng',
  modelsRegistered: 'Số mô hình đăng ký',
  awardsGiven: 'Số giải thưởng',
  unitsCommended: 'Số đơn vị được khen thưởng',
};

/** Where an expected unit's report stands (glossary: Báo cáo): the follow-up (đôn đốc) words. */
export const REPORT_STATUSES = ['reported', 'late', 'missing', 'pending'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS_VI: Record<ReportStatus, string> = {
  reported: 'Đã báo cáo',
  late: 'Nộp muộn',
  missing: 'Chưa báo cáo',
  pending: 'Chưa đến hạn',
};

/** What a person is told to act on (thông báo việc cần làm). */
export const NOTIFICATION_KINDS = ['dossier-returned', 'case-assigned', 'submission-deadline', 'report-due', 'proposal-sent-back'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS_VI: Record<NotificationKind, string> = {
  'dossier-returned': 'Hồ sơ bị trả lại để bổ sung',
  'case-assigned': 'Được phân công thẩm định hồ sơ',
  'submission-deadline': 'Sắp đến hạn nộp hồ sơ',
  'report-due': 'Sắp đến hạn nộp báo cáo',
  'proposal-sent-back': 'Đề nghị khen thưởng bị trả lại',
};

/** Where a person is told: in the portal (always listed there) and by a daily e-mail digest. */
export const NOTIFICATION_CHANNELS = ['portal', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
