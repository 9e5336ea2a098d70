import { Controller, INestApplication, Post } from '@nestjs/common';
import type { Server } from 'http';
import request from 'supertest';
import { ServiceUnavailableError } from '@cem/contracts';
import { createTestIssuer } from '@cem/identity';
import { createHttpApp } from './create-http-app';
import { Public } from './public.decorator';

@Public()
@Controller('commands')
class StoreDownController {
  @Post()
  run() {
    throw new ServiceUnavailableError('postgres', 'PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:5432', 7);
  }
}

describe('liveness, readiness and unavailable dependencies', () => {
  let app: INestApplication<Server>;
  const state = { postgres: true, kafka: true, documents: true };
  const check = (name: keyof typeof state) => ({
    name,
    check: () => (state[name] ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED'))),
  });

  beforeAll(async () => {
    const issuer = await createTestIssuer();
    app = await createHttpApp(
      { module: class TestModule {}, controllers: [StoreDownController] },
      {
        title: 'test-service',
        version: '1',
        tokenVerifier: issuer.verifier(),
        readiness: [check('postgres'), check('kafka'), check('documents')],
      },
    );
    await app.init();
  });
  afterAll(() => app.close());
  afterEach(() => Object.assign(state, { postgres: true, kafka: true, documents: true }));

  it('is ready while every dependency answers', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ready', checks: { postgres: 'up', kafka: 'up', documents: 'up' } });
  });

  it.each(['postgres', 'kafka', 'documents'] as const)('is not ready (503, naming it) while %s is down, yet alive', async (name) => {
    state[name] = false;
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.status).toBe('not-ready');
    expect(res.body.checks[name]).toMatch(/^down: /);
    expect(Object.values(res.body.checks as Record<string, string>).filter((s) => s === 'up')).toHaveLength(2);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/health').expect(200);
  });

  it('answers a command with a retryable 503 and Retry-After while the store is unreachable, not a 500', async () => {
    const res = await request(app.getHttpServer()).post('/commands').expect(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'service-unavailable',
      details: { dependency: 'postgres', retryAfterSeconds: 7 },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED/); // internals stay in the log
  });
});
