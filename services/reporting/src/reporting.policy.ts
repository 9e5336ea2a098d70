import { NotFoundError, REPORTING_ROLES } from '@cem/contracts';
import { ownUnit, ownUnitOrBelow, relation, self } from '@cem/identity';
import { controllerAccess, defineAccessPolicy, paramString, ServiceAccessRule, ServiceInfra } from '@cem/service-kit';
import { AuditController } from './audit/audit.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { PeriodsController } from './periods/periods.controller';
import { ProgressController } from './progress/progress.controller';
import { ReportDoc, reportsProjection } from './reports/reports.projection';
import { ReportsController } from './reports/reports.controller';
import { StatisticsController } from './statistics/statistics.controller';
import { UnitDoc, unitsProjection } from './units/units.projection';

/**
 * Who may call each reporting route (docs/security.md). A unit reports as itself (the token's unit); a report
 * is read by its own unit and the units above it; the audit is the auditors'.
 */

const ALL = 'any' as const;

const auditor = relation<unknown>('auditor', 'kiểm tra viên (chỉ xem)', ({ actor }) => actor.role === 'auditor');

async function reportFacts(infra: ServiceInfra, reportId: string): Promise<{ path: string[] }> {
  await infra.readModelsCaughtUp();
  const report = await infra.documents.collection<ReportDoc>(reportsProjection.collection).get(reportId);
  if (!report?.submitted) throw new NotFoundError(`Không tìm thấy báo cáo ${reportId}`);
  return { path: report.unitPath };
}

/** The unit whose children's reporting status is asked (the caller's own unless `unitId` names another). */
async function statusFacts(infra: ServiceInfra, query: Record<string, unknown>, ownPath: string[]): Promise<{ path: string[] }> {
  const unitId = typeof query.unitId === 'string' ? query.unitId : undefined;
  if (!unitId) return { path: ownPath };
  const unit = await infra.documents.collection<UnitDoc>(unitsProjection.collection).get(unitId);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị ${unitId}`);
  return { path: unit.unitPath };
}

/** A person's own notifications: the route's person must be the token's (403 with the reason otherwise). */
const ownNotifications = self<{ personId: string }>(
  (f) => f.personId,
  'chính người nhận thông báo (chỉ xem, thiết lập thông báo của mình)',
);
const notificationRule = (kind: 'list' | 'command', summary: string): ServiceAccessRule => ({
  kind,
  roles: ALL,
  relations: [ownNotifications],
  facts: (req) => Promise.resolve({ personId: paramString(req, 'personId') }),
  summary,
});

const auditRule = (summary: string): ServiceAccessRule => ({ kind: 'read', roles: ['auditor'], summary });

export const REPORTING_POLICY = defineAccessPolicy(
  controllerAccess(PeriodsController, {
    open: { kind: 'command', roles: ['standing-body', 'admin'], summary: 'Cơ quan thường trực mở kỳ báo cáo' },
    list: { kind: 'list', roles: ALL, summary: 'Các kỳ báo cáo và hạn nộp là thông tin công khai' },
  }),
  controllerAccess(ReportsController, {
    submit: { kind: 'command', roles: [...REPORTING_ROLES], summary: 'Đơn vị báo cáo cho chính mình (đơn vị lấy từ token)' },
    amend: {
      kind: 'command',
      roles: [...REPORTING_ROLES],
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'chính đơn vị đã báo cáo')],
      facts: (req, infra) => reportFacts(infra, paramString(req, 'reportId')),
      summary: 'Chỉ đơn vị đã nộp báo cáo được sửa (nêu lý do)',
    },
    aggregate: {
      kind: 'command',
      roles: ['standing-body'],
      summary: 'Cơ quan thường trực tổng hợp báo cáo của các đơn vị trực thuộc mình',
    },
    status: {
      kind: 'read',
      roles: ALL,
      relations: [ownUnitOrBelow<{ path: string[] }>((f) => f.path), auditor],
      facts: (req, infra) => statusFacts(infra, req.query, req.actor.unitPath),
      summary: 'Tình hình báo cáo của đơn vị mình hoặc đơn vị cấp dưới; ngoài phạm vi: 404',
    },
    list: { kind: 'list', roles: ALL, summary: 'Lọc theo phạm vi: báo cáo của đơn vị mình và các đơn vị cấp dưới (kiểm tra viên: tất cả)' },
  }),
  controllerAccess(StatisticsController, {
    list: { kind: 'list', roles: ALL, summary: 'Số liệu thống kê tổng hợp (chỉ số đếm, không có nội dung hồ sơ)' },
    csv: { kind: 'list', roles: ALL, summary: 'Như trên, xuất CSV' },
    xlsx: { kind: 'list', roles: ALL, summary: 'Như trên, xuất Excel' },
  }),
  controllerAccess(ProgressController, {
    progress: {
      kind: 'list',
      roles: ALL,
      summary:
        'Toàn cảnh phong trào: đơn vị mình và các đơn vị cấp dưới (kiểm tra viên, quản trị hệ thống: tất cả); hỏi một đơn vị ngoài phạm vi: 403 nêu lý do',
    },
  }),
  controllerAccess(NotificationsController, {
    list: notificationRule('list', 'Mỗi người chỉ xem thông báo việc cần làm của chính mình; người khác: 403'),
    markRead: notificationRule('command', 'Mỗi người đánh dấu đã xem thông báo của chính mình'),
    preferences: notificationRule('list', 'Mỗi người chỉ xem thiết lập thông báo của chính mình'),
    setPreferences: notificationRule('command', 'Mỗi người thiết lập cách nhận thông báo của chính mình (kênh, loại việc, giờ gửi thư)'),
  }),
  controllerAccess(AuditController, {
    search: auditRule('Kiểm tra viên tìm hồ sơ, đề nghị và quyết định khen thưởng'),
    dossierHistory: auditRule('Kiểm tra viên xem lịch sử quyết định'),
    proposalHistory: auditRule('Kiểm tra viên xem lịch sử quyết định'),
    dossierState: auditRule('Kiểm tra viên xem trạng thái tại thời điểm'),
    proposalState: auditRule('Kiểm tra viên xem trạng thái đề nghị khen thưởng tại thời điểm'),
    export: auditRule('Kiểm tra viên xuất dữ liệu kèm chuỗi băm'),
    verify: auditRule('Kiểm tra viên kiểm tra tính toàn vẹn'),
  }),
);
