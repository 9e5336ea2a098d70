import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Actor, IsId } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  PageQuery,
  pageAndCriteria,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { byActor, requireUnit } from '../shared/lookups';
import { clusterDecider, clusterStreamId } from './cluster.decider';
import { FormClusterDto } from './cluster.dto';
import { ClusterDoc, clusterProjection } from './cluster.projection';
import { ClusterCommandResponse, ClusterResponse } from '../shared/responses';

@ApiSchema({ description: 'Bộ lọc danh sách cụm, khối thi đua' })
export class ListClustersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Chỉ các cụm, khối của đơn vị tổ chức này', example: 'vn-hcm-binh-chanh' })
  @IsOptional()
  @IsId()
  organisingUnitId?: string;
}

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('clusters')
export class ClustersController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  /** Lập cụm, khối thi đua. Every unit is resolved first: an unknown one is a 404 and nothing is written. */
  @ApiCreatedResponse({ type: ClusterCommandResponse })
  @Post()
  async form(@CurrentActor() actor: Actor, @Body() dto: FormClusterDto) {
    const parent = await requireUnit(this.infra, dto.organisingUnitId);
    const members = await Promise.all(dto.memberUnitIds.map((id) => requireUnit(this.infra, id)));
    const result = await handleCommand(
      this.infra.store,
      clusterDecider,
      clusterStreamId(dto.clusterId),
      {
        type: 'FormCluster',
        actor,
        clusterId: dto.clusterId,
        name: dto.name,
        kind: dto.kind,
        parent: { unitId: parent.unitId, kind: parent.kind, level: parent.level, unitPath: parent.unitPath },
        headUnitId: dto.headUnitId,
        members: members.map((m) => ({ unitId: m.unitId, unitPath: m.unitPath })),
      },
      byActor(this.infra, actor),
    );
    return { clusterId: dto.clusterId, version: result.append?.nextExpectedVersion };
  }

  @ApiPageResponse(ClusterResponse)
  @Get()
  async list(@Query() query: ListClustersQuery, @Res({ passthrough: true }) res: HeaderSink): Promise<ClusterDoc[]> {
    await this.infra.readModelsCaughtUp();
    const { page, criteria } = pageAndCriteria(query);
    const filter = criteria.organisingUnitId ? { parentUnitId: criteria.organisingUnitId } : {};
    return findPage(this.infra.documents.collection<ClusterDoc>(clusterProjection.collection), filter, { _id: 1 }, page, res);
  }
}
