import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { CurrentActor, MandateDoc, mandatesProjection, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { GrantMandateDto, RevokeMandateDto } from './mandate.dto';
import { grantMandate, revokeMandate } from './mandate.handlers';
import { MandateCommandResponse, MandateResponse } from '../shared/responses';

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

  @ApiOkResponse({ type: MandateResponse, isArray: true })
  @Get()
  @ApiQuery({ name: 'jurisdictionUnitId', required: false, description: 'Chỉ các ủy quyền thay mặt địa bàn này', example: 'vn-ha-nam' })
  async list(@Query('jurisdictionUnitId') jurisdictionUnitId?: string): Promise<MandateDoc[]> {
    await this.infra.readModelsCaughtUp();
    const filter = typeof jurisdictionUnitId === 'string' ? { jurisdictionUnitId } : {};
    return this.infra.documents.collection<MandateDoc>(mandatesProjection.collection).find(filter, { sort: { _id: 1 } });
  }
}
