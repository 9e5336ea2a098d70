import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { PeriodsController } from './periods/periods.controller';
import { ProgressController } from './progress/progress.controller';
import { ReportsController } from './reports/reports.controller';
import { StatisticsController } from './statistics/statistics.controller';

@Module({ controllers: [PeriodsController, ReportsController, StatisticsController, ProgressController, AuditController] })
export class ReportingModule {}
