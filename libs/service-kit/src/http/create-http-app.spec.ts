import { Body, Controller, Get, INestApplication, Logger, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import type { Server } from 'http';
import request from 'supertest';
import { Actor, ConcurrencyError, DomainRuleViolation, NotFoundError } from '@cem/contracts';
import { createTestIssuer, LocalIssuer, unitPathOf } from '@cem/identity';
import { createHttpApp } from './create-http-app';
import { CurrentActor } from './current-actor.decorator';
import { HttpMetrics } from './http-metrics';
import { JwksModule } from './jwks.module';
import { startMetricsListener } from './metrics-listener';
import { parseIfMatch } from './if-match';
import { bodyShapeProblem, MAX_BODY_BYTES, MAX_BODY_DEPTH } from './request-limits';
import { Roles } from './roles.decorator';

class AuthorDto {
  @IsString()
  @IsNotEmpty()
  name!: string;
}

class CreateDossierDto {
  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsIn(['initiative', 'solution', 'idea'])
  kind!: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => AuthorDto)
  authors!: AuthorDto[];
}

@Controller('dossiers')
class DossierTestController {
  @Post()
  @Roles('unit-officer', 'submitter')
  create(@Body() dto: CreateDossierDto, @CurrentActor() actor: Actor) {
    return { actor, dto, dtoIsInstance: dto instanceof CreateDossierDto };
  }

  @Post(':id/receive')
  receive(@Param('id') id: string) {
    throw new DomainRuleViolation('dossier-not-submitted', `dossier ${id} has not been submitted`, { status: 'draft' });
  }

  @Post(':id/amend')
  amend(@Param('id') id: string) {
    throw new ConcurrencyError(`dossier-${id}`, 3, 4);
  }

  @Get(':id')
  find(@Param('id') id: string) {
    throw new NotFoundError(`dossier ${id} not found`);
  }

  @Get('boom/now')
  boom() {
    throw new Error('connection string postgres://secret leaked');
  }
}

const communeOfficer = {
  sub: 'u-tan-kien',
  name: 'Nguyễn Văn An',
  role: 'unit-officer' as const,
  unitId: 'vn-hcm-binh-chanh-tan-kien',
  level: 'commune' as const,
  unitPath: unitPathOf('vn', 'hcm', 'binh-chanh', 'tan-kien'),
};
const validDossier = { title: 'Mô hình tưới tiết kiệm', kind: 'initiative', authors: [{ name: 'Trần Thị Bình' }] };

describe('createHttpApp', () => {
  let app: INestApplication<Server>;
  let issuer: LocalIssuer;
  let http: () => ReturnType<typeof request>;
  let officerToken: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    app = await createHttpApp(
      { module: class TestModule {}, controllers: [DossierTestController], imports: [JwksModule.serve(issuer.jwks())] },
      { title: 'test-service', version: '1', tokenVerifier: issuer.verifier() },
    );
    await app.init();
    http = () => request(app.getHttpServer());
    officerToken = await issuer.mint(communeOfficer);
  });
  afterAll(() => app.close());

  it('answers 401 without a token', async () => {
    const res = await http().post('/dossiers').send(validDossier).expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthenticated',
      message: 'missing bearer token: send Authorization: Bearer <token>',
    });
  });

  it("answers 401 to another issuer's token and to a non-bearer scheme", async () => {
    const foreign = await (await createTestIssuer()).mint(communeOfficer);
    const res = await http().post('/dossiers').auth(foreign, { type: 'bearer' }).send(validDossier).expect(401);
    expect(res.body.message).toMatch(/bad signature/);
    await http().post('/dossiers').set('Authorization', `Basic ${officerToken}`).send(validDossier).expect(401);
  });

  it('answers 403 with the reason when the role does not match', async () => {
    const auditor = await issuer.mint({ ...communeOfficer, role: 'auditor' });
    const res = await http().post('/dossiers').auth(auditor, { type: 'bearer' }).send(validDossier).expect(403);
    expect(res.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'forbidden',
      message: 'Cần một trong các vai trò: Cán bộ đơn vị, Người đăng ký (bạn đang thực hiện với vai trò Kiểm tra viên)',
    });
  });

  it('answers 400 with field messages on an invalid DTO', async () => {
    const res = await http()
      .post('/dossiers')
      .auth(officerToken, { type: 'bearer' })
      .send({ title: '', kind: 'poem', authors: [{ name: '' }], extra: 1 })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'validation-failed' });
    expect(res.body.details.fields).toEqual({
      title: ['title should not be empty'],
      kind: ['kind must be one of the following values: initiative, solution, idea'],
      'authors.0.name': ['name should not be empty'],
      extra: ['property extra should not exist'],
    });
    expect(res.body.message).toContain('authors.0.name: name should not be empty');
  });

  it('answers 200 with the actor from the token and the transformed DTO', async () => {
    const res = await http().post('/dossiers').auth(officerToken, { type: 'bearer' }).send(validDossier).expect(201);
    expect(res.body).toEqual({
      actor: {
        id: 'u-tan-kien',
        name: 'Nguyễn Văn An',
        role: 'unit-officer',
        unitId: 'vn-hcm-binh-chanh-tan-kien',
        level: 'commune',
        unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
      },
      dto: validDossier,
      dtoIsInstance: true,
    });
  });

  it('maps a DomainRuleViolation to 422 with its code and details', async () => {
    const res = await http().post('/dossiers/d-1/receive').auth(officerToken, { type: 'bearer' }).expect(422);
    expect(res.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'dossier-not-submitted',
      message: 'dossier d-1 has not been submitted',
      details: { status: 'draft' },
    });
  });

  it('maps a ConcurrencyError to 409 with the stream and versions', async () => {
    const res = await http().post('/dossiers/d-1/amend').auth(officerToken, { type: 'bearer' }).expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      code: 'concurrency-conflict',
      streamId: 'dossier-d-1',
      expected: 3,
      actual: 4,
      details: { streamId: 'dossier-d-1', expected: 3, actual: 4 },
    });
  });

  it('maps NotFoundError to 404, unknown routes keep Nest 404s, and hides internal errors behind 500', async () => {
    expect((await http().get('/dossiers/d-9').auth(officerToken, { type: 'bearer' }).expect(404)).body).toMatchObject({
      code: 'not-found',
      message: 'dossier d-9 not found',
    });
    expect((await http().get('/nowhere').auth(officerToken, { type: 'bearer' }).expect(404)).body).toMatchObject({
      statusCode: 404,
      code: 'not-found',
    });
    const res = await http().get('/dossiers/boom/now').auth(officerToken, { type: 'bearer' }).expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'internal-error',
      message: 'Internal server error',
    });
  });

  it('serves health, the OpenAPI document and the key set without a token', async () => {
    expect((await http().get('/health').expect(200)).body).toMatchObject({ status: 'ok', service: 'test-service' });
    expect((await http().get('/docs').expect(200)).text).toContain('swagger-ui');
    const doc = (await http().get('/docs-json').expect(200)).body;
    expect(doc.info).toMatchObject({ title: 'test-service', version: '1' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths as object)).toEqual(expect.arrayContaining(['/dossiers', '/health']));
    expect((await http().get('/.well-known/jwks.json').expect(200)).body).toEqual(issuer.jwks());
  });

  it("sends helmet's headers: no X-Powered-By, nosniff, frame protection", async () => {
    for (const res of [await http().get('/health').expect(200), await http().get('/nowhere').expect(404)]) {
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    }
  });

  it('answers 413 to a body over the limit, with or without a token, and logs no stack', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const big = JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES) });
    for (const auth of [undefined, officerToken]) {
      const req = http().post('/dossiers').set('content-type', 'application/json');
      if (auth) req.auth(auth, { type: 'bearer' });
      const res = await req.send(big).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'payload-too-large' });
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('answers 400 to malformed JSON, to nesting deeper than the limit and to NUL characters', async () => {
    const post = (body: string) =>
      http().post('/dossiers').auth(officerToken, { type: 'bearer' }).set('content-type', 'application/json').send(body);
    // Nest itself turns body-parser's SyntaxError into a 400.
    expect((await post('{"title": "a",').expect(400)).body).toMatchObject({ statusCode: 400, code: 'bad-request' });
    const deep = `{"authors":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect((await post(deep).expect(400)).body).toMatchObject({ code: 'validation-failed', details: { reason: 'body-too-deep' } });
    const nul = JSON.stringify({ ...validDossier, title: 'a\u0000b' });
    expect((await post(nul).expect(400)).body).toMatchObject({ details: { reason: 'nul-character', path: 'title' } });
    // Just inside the limit passes the guard and meets the DTO's own rules.
    const nested = `{"authors":[${'['.repeat(MAX_BODY_DEPTH - 3)}${']'.repeat(MAX_BODY_DEPTH - 3)}]}`;
    expect((await post(nested).expect(400)).body.details).not.toHaveProperty('reason');
  });

  it('answers 400 to control characters and broken percent-encoding in the path or the query', async () => {
    for (const url of ['/dossiers/abc%00def', '/dossiers/abc%1bdef', '/dossiers/d-1?x=%7F', '/dossiers/%E0%A4%A']) {
      const res = await http().get(url).auth(officerToken, { type: 'bearer' }).expect(400);
      expect(res.body.statusCode).toBe(400);
    }
  });

  it("counts requests by route pattern and status, served only on the scraper's own listener", async () => {
    await http().post('/dossiers/d-2/receive').auth(officerToken, { type: 'bearer' }).expect(422);
    // Not on the public app, with or without a token.
    await http().get('/metrics').expect(404);
    await http().get('/metrics').auth(officerToken, { type: 'bearer' }).expect(404);
    const listener = await startMetricsListener(app.get(HttpMetrics), 0);
    let res;
    try {
      res = await request(listener.url).get('/metrics').expect(200);
      await request(listener.url).get('/dossiers/d-1').expect(404);
    } finally {
      await listener.close();
    }
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /http_requests_total\{method="POST",route="\/dossiers\/:id\/receive",status="422",service="test-service"\} [1-9]/,
    );
    // Unknown URLs must not become label values, or anyone could grow the series without bound.
    expect(res.text).not.toContain('/nowhere');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('bodyShapeProblem', () => {
  it('walks without recursion and names the first problem', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(bodyShapeProblem(deep)).toMatchObject({ reason: 'body-too-deep' });
    expect(bodyShapeProblem({ a: [{ b: 'x' }] })).toBeUndefined();
    expect(bodyShapeProblem({ a: [{ ['k\u0000']: 1 }] })).toEqual({ reason: 'nul-character', path: 'a.0.k\\0' });
    expect(bodyShapeProblem({ a: ['ok', 'n\u0000'] })).toEqual({ reason: 'nul-character', path: 'a.1' });
  });
});

describe('parseIfMatch', () => {
  it('reads a version from the usual ETag spellings and refuses anything else', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('0')).toBe(0);
    for (const bad of ['"abc"', '"-1"', '"1", "2"', '"1e3"', '"9999999999"']) expect(() => parseIfMatch(bad)).toThrow('If-Match');
  });
});
