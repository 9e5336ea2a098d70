import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ description: 'The process is up and serving HTTP (liveness)' })
  health() {
    return this.live();
  }

  @Get('live')
  @ApiOkResponse({ description: 'The process is up and serving HTTP' })
  live() {
    return {
      status: 'ok',
      service: this.info.title,
      version: this.info.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL, Kafka and the document store all answer' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency does not answer; `checks` names it' })
  async ready(@Res({ passthrough: true }) res: { status(code: number): unknown }) {
    const results = await Promise.all((this.checks ?? []).map(async (c) => [c.name, await probe(c)] as const));
    const checks = Object.fromEntries(results);
    const ready = results.every(([, state]) => state === 'up');
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', service: this.info.title, checks };
  }
}
