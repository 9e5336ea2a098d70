import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { byActor, requireUnit } from '../shared/lookups';
import { clusterDecider, clusterStreamId } from './cluster.decider';
import { FormClusterDto } from './cluster.dto';
import { ClusterDoc, clusterProjection } from './cluster.projection';
import { ClusterCommandResponse, ClusterResponse } from '../shared/responses';

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

  @ApiOkResponse({ type: ClusterResponse, isArray: true })
  @Get()
  @ApiQuery({
    name: 'organisingUnitId',
    required: false,
    description: 'Chỉ các cụm, khối của đơn vị tổ chức này',
    example: 'vn-hcm-binh-chanh',
  })
  async list(@Query('organisingUnitId') organisingUnitId?: string): Promise<ClusterDoc[]> {
    await this.infra.readModelsCaughtUp();
    return this.infra.documents
      .collection<ClusterDoc>(clusterProjection.collection)
      .find(organisingUnitId ? { parentUnitId: organisingUnitId } : {}, { sort: { _id: 1 } });
  }
}
