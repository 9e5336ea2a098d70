import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { toCsv, toXlsx } from './statistics.export';
import { exportLabels, findStatistics, StatisticsQuery } from './statistics.query';
import { StatisticsRowResponse } from '../shared/responses';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thống kê: counters per year, level, unit and field, and the same table as CSV and Excel. */
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: StatisticsRowResponse, isArray: true })
  @Get()
  async list(@Query() query: StatisticsQuery) {
    await this.infra.readModelsCaughtUp();
    return findStatistics(this.infra.documents, query);
  }

  @ApiOkResponse({
    description: 'Bảng thống kê dạng CSV (UTF-8, tiêu đề cột tiếng Việt)',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          description: 'Nội dung CSV',
          example: 'Năm,Cấp,Đơn vị,Lĩnh vực,Số hồ sơ đã nộp\n2026,Tỉnh/Thành phố,UBND tỉnh Hà Nam,khcn,12',
        },
      },
    },
  })
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="thong-ke.csv"')
  async csv(@Query() query: StatisticsQuery): Promise<string> {
    const rows = await this.list(query);
    return toCsv(rows, await exportLabels(this.infra.documents, rows));
  }

  @ApiOkResponse({
    description: 'Bảng thống kê dạng Excel (tiêu đề cột tiếng Việt)',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary', description: 'Tệp Excel', example: 'thong-ke.xlsx' } } },
  })
  @Get('export.xlsx')
  @Header('Content-Type', XLSX_TYPE)
  @Header('Content-Disposition', 'attachment; filename="thong-ke.xlsx"')
  async xlsx(@Query() query: StatisticsQuery): Promise<StreamableFile> {
    const rows = await this.list(query);
    return new StreamableFile(await toXlsx(rows, await exportLabels(this.infra.documents, rows)));
  }
}
