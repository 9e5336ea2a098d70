import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { DigestScheduler } from './notifications/digest.scheduler';
import { NotificationsController } from './notifications/notifications.controller';
import { PeriodsController } from './periods/periods.controller';
import { ProgressController } from './progress/progress.controller';
import { ReportsController } from './reports/reports.controller';
import { StatisticsController } from './statistics/statistics.controller';

@Module({
  controllers: [PeriodsController, ReportsController, StatisticsController, ProgressController, AuditController, NotificationsController],
  providers: [DigestScheduler],
})
export class ReportingModule {}
