import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Actor, IsId } from '@cem/contracts';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MandateDoc,
  mandatesProjection,
  PageQuery,
  pageAndCriteria,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { GrantMandateDto, RevokeMandateDto } from './mandate.dto';
import { grantMandate, revokeMandate } from './mandate.handlers';
import { MandateCommandResponse, MandateResponse } from '../shared/responses';

@ApiSchema({ description: 'Bộ lọc danh sách ủy quyền' })
export class ListMandatesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Chỉ các ủy quyền thay mặt địa bàn này', example: 'vn-ha-nam' })
  @IsOptional()
  @IsId()
  jurisdictionUnitId?: string;
}

/** Ủy quyền: a unit acts for a jurisdiction in a role by a decision. Who may call what: submissions.policy.ts. */
@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class MandatesController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: MandateCommandResponse })
  @Post()
  @ApiOperation({ summary: 'Giao nhiệm vụ (ủy quyền) cho một đơn vị thay mặt địa bàn trong một vai trò' })
  grant(@CurrentActor() actor: Actor, @Body() dto: GrantMandateDto) {
    return grantMandate(this.infra, actor, dto);
  }

  @ApiOkResponse({ type: MandateCommandResponse })
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chấm dứt ủy quyền từ một ngày' })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RevokeMandateDto) {
    return revokeMandate(this.infra, actor, id, dto);
  }

  @ApiPageResponse(MandateResponse)
  @Get()
  async list(@Query() query: ListMandatesQuery, @Res({ passthrough: true }) res: HeaderSink): Promise<MandateDoc[]> {
    await this.infra.readModelsCaughtUp();
    const { page, criteria } = pageAndCriteria(query);
    const filter = criteria.jurisdictionUnitId ? { jurisdictionUnitId: criteria.jurisdictionUnitId } : {};
    return findPage(this.infra.documents.collection<MandateDoc>(mandatesProjection.collection), filter, { _id: 1 }, page, res);
  }
}
