import { readFile } from 'fs/promises';
import { join } from 'path';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, NotFoundError } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  PageQuery,
  pageAndCriteria,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { UnitDoc, unitProjection } from './unit.projection';
import { parseUnitSeed } from './unit-seed';
import { asParent, unitDecider, unitStreamId } from './unit.decider';
import { byActor, findUnit, requireUnit } from '../shared/lookups';
import { RegisterUnitDto } from './unit.dto';
import { SeedUnitsResponse, UnitResponse } from '../shared/responses';

/** The seed shipped with the service (override with CEM_UNIT_SEED for another tree). */
const seedPath = () => process.env.CEM_UNIT_SEED ?? join(__dirname, '..', '..', 'seed', 'units.seed.json');

@ApiSchema({ description: 'Bộ lọc danh mục đơn vị' })
export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Chỉ các đơn vị trực thuộc đơn vị này', example: 'vn-hcm-binh-chanh' })
  @IsOptional()
  @IsId()
  parentUnitId?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS, description: 'Chỉ các đơn vị của cấp này' })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_LEVELS)
  level?: AdministrativeLevel;
}

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  /**
   * Registers every seed unit not registered yet, parents first, through the unit decider. Event ids derive
   * from the unit id, so two concurrent seeds cannot register a unit twice; running it again adds nothing.
   */
  @ApiOkResponse({ type: SeedUnitsResponse })
  @Post('seed')
  @HttpCode(200)
  @Roles('admin')
  async seed(@CurrentActor() actor: Actor): Promise<{ registered: number; alreadyRegistered: number }> {
    const units = parseUnitSeed(await readFile(seedPath(), 'utf8'));
    let registered = 0;
    for (const unit of units) {
      if (await findUnit(this.infra, unit.unitId)) continue;
      const parent = unit.parentUnitId ? units.find((u) => u.unitId === unit.parentUnitId) : undefined;
      await handleCommand(
        this.infra.store,
        unitDecider,
        unitStreamId(unit.unitId),
        {
          type: 'RegisterUnit',
          actor,
          unitId: unit.unitId,
          name: unit.name,
          kind: unit.kind,
          level: unit.level,
          parent: parent && asParent(parent),
        },
        { actor, source: this.infra.context, idempotencySeed: `unit-seed:${unit.unitId}` },
      );
      registered++;
    }
    return { registered, alreadyRegistered: units.length - registered };
  }

  @ApiCreatedResponse({ type: UnitResponse })
  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Đăng ký một đơn vị dưới đơn vị cấp trên (tổ chức chính trị - xã hội, hội, trường học, doanh nghiệp, hợp tác xã...)',
  })
  async register(@CurrentActor() actor: Actor, @Body() dto: RegisterUnitDto): Promise<UnitDoc> {
    const parent = await requireUnit(this.infra, dto.parentUnitId);
    // A people's committee governs the level below its parent; every other body sits at its parent's level.
    const below = ADMINISTRATIVE_LEVELS[ADMINISTRATIVE_LEVELS.indexOf(parent.level) + 1] ?? parent.level;
    const level = dto.level ?? (dto.kind === 'people-committee' ? below : parent.level);
    const result = await handleCommand(
      this.infra.store,
      unitDecider,
      unitStreamId(dto.unitId),
      {
        type: 'RegisterUnit',
        actor,
        unitId: dto.unitId,
        name: dto.name,
        kind: dto.kind,
        level,
        parent: asParent({ ...parent, parentUnitId: parent.parentUnitId ?? undefined }),
      },
      byActor(this.infra, actor),
    );
    const data = result.events[0].data as {
      unitId: string;
      name: string;
      kind: UnitDoc['kind'];
      level: UnitDoc['level'];
      unitPath: string[];
    };
    return { _id: data.unitId, ...data, parentUnitId: parent.unitId };
  }

  @ApiPageResponse(UnitResponse)
  @Get()
  async list(@Query() query: ListUnitsQuery, @Res({ passthrough: true }) res: HeaderSink): Promise<UnitDoc[]> {
    const { page, criteria } = pageAndCriteria(query);
    const filter: Record<string, unknown> = {};
    if (criteria.parentUnitId) filter.parentUnitId = criteria.parentUnitId;
    if (criteria.level) filter.level = criteria.level;
    return findPage(this.infra.documents.collection<UnitDoc>(unitProjection.collection), filter, { _id: 1 }, page, res);
  }

  @ApiOkResponse({ type: UnitResponse })
  @Get(':id')
  async get(@Param('id') id: string): Promise<UnitDoc> {
    const unit = await findUnit(this.infra, id);
    if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị ${id}`, { unitId: id });
    return unit;
  }
}
