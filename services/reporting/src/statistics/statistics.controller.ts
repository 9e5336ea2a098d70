import { Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { toCsv, toXlsx } from './statistics.export';
import { exportLabels, findStatistics, StatisticsQuery } from './statistics.query';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thống kê: counters per year, level, unit and field, and the same table as CSV and Excel. */
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @Get()
  async list(@Query() query: StatisticsQuery) {
    await this.infra.readModelsCaughtUp();
    return findStatistics(this.infra.documents, query);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="thong-ke.csv"')
  async csv(@Query() query: StatisticsQuery): Promise<string> {
    const rows = await this.list(query);
    return toCsv(rows, await exportLabels(this.infra.documents, rows));
  }

  @Get('export.xlsx')
  @Header('Content-Type', XLSX_TYPE)
  @Header('Content-Disposition', 'attachment; filename="thong-ke.xlsx"')
  async xlsx(@Query() query: StatisticsQuery): Promise<StreamableFile> {
    const rows = await this.list(query);
    return new StreamableFile(await toXlsx(rows, await exportLabels(this.infra.documents, rows)));
  }
}
