import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { Actor, IsCalendarDate, IsId, IsLine, IsText, IsYear } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { normaliseVietnamese } from '@cem/read-models';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  PageQuery,
  pageAndCriteria,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { httpCommandContext } from '../shared/command-context';
import { registeredUnits } from '../units/known-units';
import { innovationDecider, innovationStreamId } from './innovation.decider';
import { InnovationDoc, innovationsProjection } from './innovations.projection';

@ApiSchema({ description: 'Tra cứu cơ sở dữ liệu sáng kiến đã được nghiệm thu' })
export class InnovationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Tên sáng kiến, tác giả, đơn vị áp dụng, hiệu quả; không phân biệt dấu', example: 'may gieo hat' })
  @IsOptional()
  @IsLine()
  q?: string;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
}

@ApiSchema({ description: 'Ghi nhận một đơn vị khác áp dụng sáng kiến (nhân rộng)' })
export class RecordApplicationDto {
  @ApiProperty({ description: 'Đơn vị áp dụng', example: 'vn-ha-nam-phu-ly' }) @IsId() unitId!: string;
  @ApiProperty({ description: 'Áp dụng từ ngày', example: '2026-09-01' }) @IsCalendarDate() appliedFrom!: string;
  @ApiProperty({ description: 'Hiệu quả áp dụng tại đơn vị', example: 'Giảm 30% thời gian giải quyết thủ tục' }) @IsText() effect!: string;
}

@ApiSchema({ description: 'Kết quả nghiệm thu của Hội đồng ở một cấp' })
export class InnovationAcceptanceResponse {
  @ApiProperty({ example: 'province' }) level!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: 'xuat-sac' }) grade!: string;
  @ApiProperty({ example: 'Xuất sắc' }) gradeLabel!: string;
  @ApiProperty({ description: 'Điểm', example: 92.5 }) score!: number;
  @ApiProperty({ description: 'Được nghiệm thu', example: true }) accepted!: boolean;
  @ApiProperty({ description: 'Ngày họp Hội đồng', example: '2026-06-01' }) meetingDate!: string;
}

@ApiSchema({ description: 'Một lần áp dụng sáng kiến tại đơn vị khác' })
export class InnovationApplicationResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'Tên đơn vị áp dụng', example: 'UBND thành phố Phủ Lý' }) unitName!: string;
  @ApiProperty({ type: [String] }) unitPath!: string[];
  @ApiProperty({ description: 'Áp dụng từ ngày', example: '2026-09-01' }) appliedFrom!: string;
  @ApiProperty({ description: 'Hiệu quả áp dụng', example: 'Giảm 30% thời gian giải quyết thủ tục' }) effect!: string;
  @ApiProperty({ description: 'Đơn vị ghi nhận', example: 'vn-ha-nam' }) recordedByUnitId!: string;
}

@ApiSchema({ description: 'Sáng kiến trong cơ sở dữ liệu: lĩnh vực, hiệu quả, kết quả nghiệm thu, các đơn vị đã áp dụng' })
export class InnovationResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ description: 'Tên sáng kiến, giải pháp', example: 'Máy gieo hạt cải tiến' }) title!: string;
  @ApiProperty({ description: 'Loại (sáng kiến, giải pháp, mô hình...)', example: 'sang-kien' }) type!: string;
  @ApiProperty({ description: 'Tóm tắt nội dung và hiệu quả', example: 'Tăng năng suất gieo hạt 40%' }) summary!: string;
  @ApiProperty() fieldCode!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [String], description: 'Tác giả', example: ['Nguyễn Văn A'] }) authors!: string[];
  @ApiProperty() nominatingUnitId!: string;
  @ApiPropertyOptional({ description: 'Tên đơn vị đề cử', example: 'UBND huyện Duy Tiên' }) nominatingUnitName?: string;
  @ApiProperty({ type: [InnovationAcceptanceResponse], description: 'Kết quả nghiệm thu theo cấp' })
  acceptances!: InnovationAcceptanceResponse[];
  @ApiProperty({ type: [InnovationApplicationResponse], description: 'Các đơn vị khác đã áp dụng (nhân rộng)' })
  applications!: InnovationApplicationResponse[];
}

@ApiSchema({ description: 'Kết quả ghi nhận áp dụng sáng kiến' })
export class RecordApplicationResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ description: 'Số đơn vị đã áp dụng', example: 2 }) applicationCount!: number;
  @ApiProperty({ type: [String], description: 'Các loại sự kiện đã ghi', example: ['councils.InnovationApplied'] }) events!: string[];
}

const toResponse = (doc: InnovationDoc, unitNames: Map<string, string>): InnovationResponse => {
  const { _id, searchText, accepted, nominatingUnitPath, ...rest } = doc;
  const name = unitNames.get(doc.nominatingUnitId);
  return { ...rest, ...(name ? { nominatingUnitName: name } : {}) };
};

/** Cơ sở dữ liệu sáng kiến: accepted works and their spread to other units. */
@Controller('innovations')
export class InnovationsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiPageResponse(InnovationResponse)
  @Get()
  async list(@Query() q: InnovationsQuery, @Res({ passthrough: true }) res: HeaderSink): Promise<InnovationResponse[]> {
    await this.infra.readModelsCaughtUp();
    const { page, criteria: query } = pageAndCriteria(q);
    // The search runs in the query (one regex per folded word, like the dossier list), so pages and totals hold.
    const words = normaliseVietnamese(query.q ?? '')
      .split(' ')
      .filter(Boolean)
      .map((word) => ({ searchText: { $regex: word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') } }));
    const filter = {
      $and: [
        { accepted: true },
        ...(query.fieldCode ? [{ fieldCode: query.fieldCode }] : []),
        ...(query.year !== undefined ? [{ year: query.year }] : []),
        ...words,
      ],
    };
    const innovations = this.infra.documents.collection<InnovationDoc>(innovationsProjection.collection);
    const docs = await findPage(innovations, filter, { year: -1, _id: 1 }, page, res, MAX_PAGE_SIZE);
    const units = await registeredUnits(
      this.infra,
      docs.map((d) => d.nominatingUnitId),
    );
    return docs.map((d) => toResponse(d, new Map([...units].map(([id, u]) => [id, u.name]))));
  }

  @ApiOkResponse({ type: RecordApplicationResponse })
  @Post(':dossierId/applications')
  @HttpCode(200)
  @Roles('unit-officer', 'agency-officer', 'standing-body')
  async recordApplication(
    @CurrentActor() actor: Actor,
    @Param('dossierId') dossierId: string,
    @Body() dto: RecordApplicationDto,
  ): Promise<RecordApplicationResponse> {
    await this.infra.readModelsCaughtUp();
    const doc = await this.infra.documents.collection<InnovationDoc>(innovationsProjection.collection).get(dossierId);
    const unit = (await registeredUnits(this.infra, [dto.unitId])).get(dto.unitId);
    const result = await handleCommand(
      this.infra.store,
      innovationDecider,
      innovationStreamId(dossierId),
      {
        type: 'RecordApplication',
        actor,
        work: doc ? { dossierId: doc.dossierId, accepted: doc.accepted, nominatingUnitId: doc.nominatingUnitId } : undefined,
        unit: unit ? { unitId: unit.unitId, name: unit.name, unitPath: unit.unitPath } : undefined,
        unitId: dto.unitId,
        appliedFrom: dto.appliedFrom,
        effect: dto.effect,
      },
      httpCommandContext(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return { dossierId, applicationCount: result.state.applications.length, events: result.events.map((e) => e.type) };
  }
}
