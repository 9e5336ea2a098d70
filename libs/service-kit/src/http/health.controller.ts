import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiSchema, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from './public.decorator';

export const HTTP_APP_INFO = Symbol('HTTP_APP_INFO');
export interface HttpAppInfo {
  title: string;
  version: string;
}

/** One dependency readiness looks at (PostgreSQL, Kafka, the document store): resolves when it answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A dependency that does not answer within this time counts as down. */
const CHECK_TIMEOUT_MS = 3000;

async function probe(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

@ApiSchema({ description: 'Tình trạng tiến trình (liveness)' })
export class LivenessResponse {
  @ApiProperty({ description: 'Luôn là ok khi tiến trình trả lời', example: 'ok' }) status!: string;
  @ApiProperty({ description: 'Tên dịch vụ', example: 'CEM submissions' }) service!: string;
  @ApiProperty({ description: 'Phiên bản', example: '1' }) version!: string;
  @ApiProperty({ description: 'Số giây từ khi khởi động', example: 3600 }) uptimeSeconds!: number;
}

@ApiSchema({ description: 'Tình trạng sẵn sàng (readiness): mọi thành phần phụ thuộc đều trả lời' })
export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'not-ready'], description: 'Sẵn sàng hay chưa' }) status!: string;
  @ApiProperty({ description: 'Tên dịch vụ', example: 'CEM submissions' }) service!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Tình trạng từng thành phần: up hoặc down kèm lý do',
    example: { postgres: 'up', kafka: 'up', documents: 'up' },
  })
  checks!: Record<string, string>;
}

/**
 * Liveness (`/health`, `/health/live`): the process serves HTTP; restart it only when this fails.
 * Readiness (`/health/ready`): every dependency answers; take the instance out of the load balancer
 * (503) while one does not, without restarting it.
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(HTTP_APP_INFO) private readonly info: HttpAppInfo,
    @Optional() @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[] = [],
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Tiến trình đang chạy và phục vụ HTTP (liveness)', type: LivenessResponse })
  health() {
    return this.live();
  }

  @Get('live')
  @ApiOkResponse({ description: 'Tiến trình đang chạy và phục vụ HTTP', type: LivenessResponse })
  live() {
    return {
      status: 'ok',
      service: this.info.title,
      version: this.info.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL, Kafka và kho tài liệu đều trả lời', type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ description: 'Có thành phần phụ thuộc không trả lời; `checks` nêu tên', type: ReadinessResponse })
  async ready(@Res({ passthrough: true }) res: { status(code: number): unknown }) {
    const results = await Promise.all((this.checks ?? []).map(async (c) => [c.name, await probe(c)] as const));
    const checks = Object.fromEntries(results);
    const ready = results.every(([, state]) => state === 'up');
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', service: this.info.title, checks };
  }
}
