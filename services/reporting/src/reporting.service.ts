import { ALL_CONTRACTS } from '@cem/contracts';
import type { ServiceDefinition } from '@cem/service-kit';
import { auditPeopleProjection } from './audit/audit-people.projection';
import { auditStreamsProjection } from './audit/audit-streams.projection';
import { auditSubjectsProjection } from './audit/audit-subjects.projection';
import { notificationPeopleProjection } from './notifications/notification-people.projection';
import { notificationSubjectsProjection } from './notifications/notification-subjects.projection';
import { periodsProjection } from './periods/periods.projection';
import { editionProgressProjection } from './progress/edition-progress.projection';
import { ReportingModule } from './reporting.module';
import { REPORTING_POLICY } from './reporting.policy';
import { reportsProjection } from './reports/reports.projection';
import { dossierStatisticsProjection } from './statistics/dossier-statistics.projection';
import { unitsProjection } from './units/units.projection';

/**
 * Báo cáo, thống kê, kiểm tra: archives every other context's events into its own store (same ids, so the
 * archive is idempotent), which is what statistics, the unit registry and the audit read.
 */
export const REPORTING_SERVICE: ServiceDefinition = {
  context: 'reporting',
  title: 'CEM reporting',
  module: ReportingModule,
  access: REPORTING_POLICY,
  contracts: ALL_CONTRACTS,
  projections: [
    periodsProjection,
    reportsProjection,
    unitsProjection,
    dossierStatisticsProjection,
    editionProgressProjection,
    auditSubjectsProjection,
    auditStreamsProjection,
    auditPeopleProjection,
    notificationSubjectsProjection,
    notificationPeopleProjection,
  ],
  consumes: { contexts: ['submissions', 'councils', 'recognition'], archive: true },
};
