import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DocumentCollection, Filter, ReadModelDocument } from '@cem/read-models';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
/** The response header that carries the number of records matching the filter, when asked for (`total=true`). */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/**
 * The page of every list endpoint: `limit` records after `skip`, in the endpoint's fixed order (its sort ends
 * with `_id`, so pages neither repeat nor lose a record). Counting costs a second pass on servers that cannot
 * count from an index (FerretDB), so the total is given only when asked for.
 */
@ApiSchema({ description: 'Phân trang danh sách' })
export class PageQuery {
  @ApiPropertyOptional({ example: 50, description: `Số bản ghi tối đa trả về (1-${MAX_PAGE_SIZE}); mặc định ${DEFAULT_PAGE_SIZE}` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ example: 0, description: 'Bỏ qua bao nhiêu bản ghi đầu (phân trang); mặc định 0' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  skip?: number;

  @ApiPropertyOptional({
    example: true,
    description: `true: trả tổng số bản ghi khớp bộ lọc trong header ${TOTAL_COUNT_HEADER} (tốn thêm một lượt đếm)`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  total?: boolean;
}

/** What a list handler needs of the HTTP response: a header for the total. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/** Splits a list query into its page and its filter criteria. */
export function pageAndCriteria<Q extends PageQuery>(query: Q): { page: PageQuery; criteria: Omit<Q, keyof PageQuery> } {
  const { limit, skip, total, ...criteria } = query;
  return { page: { limit, skip, total }, criteria };
}

/**
 * One page of `collection` matching `filter` in `sort` order; the total in the header when the page asks for it.
 * `defaultLimit`: lists whose callers read them whole (small catalogues) keep a larger first page.
 */
export async function findPage<T extends ReadModelDocument>(
  collection: DocumentCollection<T>,
  filter: Filter,
  sort: Record<string, 1 | -1>,
  page: PageQuery,
  res?: HeaderSink,
  defaultLimit = DEFAULT_PAGE_SIZE,
): Promise<T[]> {
  const [docs, total] = await Promise.all([
    collection.find(filter, { sort, limit: page.limit ?? defaultLimit, skip: page.skip ?? 0 }),
    page.total && res ? collection.count(filter) : undefined,
  ]);
  if (total !== undefined) res!.setHeader(TOTAL_COUNT_HEADER, String(total));
  return docs;
}

/** The OpenAPI of a paged list: an array of `type`, and the total's header. */
export function ApiPageResponse(type: ClassType<unknown> | (() => unknown)) {
  return applyDecorators(
    ApiOkResponse({
      type: type as ClassType<unknown>,
      isArray: true,
      headers: {
        [TOTAL_COUNT_HEADER]: {
          description: 'Tổng số bản ghi khớp bộ lọc (chỉ khi gọi với total=true)',
          schema: { type: 'integer' },
        },
      },
    }),
  );
}
