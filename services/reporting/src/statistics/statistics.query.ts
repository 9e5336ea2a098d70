import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, IsYear } from '@cem/contracts';
import type { DocumentStore } from '@cem/read-models';
import { UnitDoc, unitsProjection } from '../units/units.projection';
import { DossierStatisticsDoc, dossierStatisticsProjection } from './dossier-statistics.projection';
import type { ExportLabels } from './statistics.export';
import { StatisticsRow, statisticsRows } from './statistics.rows';

@ApiSchema({ description: 'Bộ lọc thống kê' })
export class StatisticsQuery {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ example: 'vn-ha-nam' }) @IsOptional() @IsId() unitId?: string;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
}

/** Year and field narrow the documents read; level and unit are per-row facts, filtered after the roll-up. */
export async function findStatistics(documents: DocumentStore, q: StatisticsQuery): Promise<StatisticsRow[]> {
  const filter = { ...(q.year !== undefined ? { year: q.year } : {}), ...(q.fieldCode ? { fieldCode: q.fieldCode } : {}) };
  const docs = await documents.collection<DossierStatisticsDoc>(dossierStatisticsProjection.collection).find(filter);
  return statisticsRows(docs).filter((r) => (!q.level || r.level === q.level) && (!q.unitId || r.unitId === q.unitId));
}

/** Unit names from the archived registry, so the exports say "UBND huyện Bình Chánh" rather than an id. */
export async function exportLabels(documents: DocumentStore, rows: StatisticsRow[]): Promise<ExportLabels> {
  const units = await documents.collection<UnitDoc>(unitsProjection.collection).getMany([...new Set(rows.map((r) => r.unitId))]);
  return { unitNames: Object.fromEntries(units.map((u) => [u.unitId, u.name])) };
}
