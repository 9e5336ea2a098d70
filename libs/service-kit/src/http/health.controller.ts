import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from './public.decorator';

export const HTTP_APP_INFO = Symbol('HTTP_APP_INFO');
export interface HttpAppInfo {
  title: string;
  version: string;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(@Inject(HTTP_APP_INFO) private readonly info: HttpAppInfo) {}

  @Get()
  @ApiOkResponse({ description: 'The process is up and serving HTTP' })
  health() {
    return {
      status: 'ok',
      service: this.info.title,
      version: this.info.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
