import { Logger } from '@nestjs/common';
import { request as httpRequest } from 'http';
import { Client } from 'pg';
import request from 'supertest';
import { testPgUrl } from '@cem/event-store/testing';
import { distributedNames } from '@cem/service-kit';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { actorAt, path } from '../../services/submissions/src/shared/actors.fixtures';
import { PLATFORM_SERVICES } from '../embedded/services';

/**
 * Issue 10, "input that must never give a 5xx" and "headers and surfaces", reproduced on the four real apps
 * (real PostgreSQL, Kafka, FerretDB): each case here answered 500 (or leaked) before the fix.
 */

const ADMIN = actorAt('admin', 'central', path('central'));

/** A raw POST (supertest crawls with bodies of tens of MB): resolves with the status and the parsed body. */
function rawPost(url: string, body: Buffer, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const CONTEXTS = PLATFORM_SERVICES.map((s) => s.definition.context);

describe('input limits and surfaces of the four real apps', () => {
  let platform: TestPlatform;
  let admin: string;
  const errorLogs: unknown[][] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(PLATFORM_SERVICES.map((s) => s.definition));
    admin = await platform.token(ADMIN);
    // Nest's Logger is what the exception filter writes stack traces through.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errorLogs.push(args));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await platform?.stop();
  });
  beforeEach(() => void (errorLogs.length = 0));

  const http = (context: string) => request(platform.url(context));

  it('answers 413 to 1 MB and 50 MB bodies, with and without a token, and logs no stack trace', async () => {
    const oneMb = Buffer.from(JSON.stringify({ title: 'x'.repeat(1024 * 1024) }));
    const fiftyMb = Buffer.alloc(50 * 1024 * 1024, 0x20);
    for (const context of CONTEXTS) {
      for (const token of [undefined, admin]) {
        const res = await rawPost(`${platform.url(context)}/units/seed`, oneMb, token);
        expect(res).toMatchObject({ status: 413, body: { statusCode: 413, code: 'payload-too-large' } });
      }
    }
    for (const token of [undefined, admin]) {
      expect(await rawPost(`${platform.url('submissions')}/dossiers`, fiftyMb, token)).toMatchObject({ status: 413 });
    }
    expect(errorLogs).toEqual([]);
  });

  it('answers 400 to JSON nested 10 000 levels deep (objects and arrays), on every service', async () => {
    const arrays = `{"authors":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const objects = `{"authors":[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]}`;
    for (const context of CONTEXTS) {
      for (const body of [arrays, objects]) {
        const res = await http(context)
          .post('/dossiers')
          .set('Authorization', `Bearer ${admin}`)
          .set('content-type', 'application/json')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.details).toMatchObject({ reason: 'body-too-deep' });
      }
    }
    expect(errorLogs).toEqual([]);
  });

  it('answers 400 to a NUL byte in a path id or a body id (it used to reach PostgreSQL)', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    for (const [context, url] of [
      ['submissions', '/dossiers/abc%00def'],
      ['submissions', '/units/abc%00def'],
      ['councils', '/councils/abc%00def/composition?on=2026-01-01'],
      ['recognition', '/proposals/abc%00def/verify'],
      ['reporting', '/audit/dossiers/abc%00def/history'],
    ] as const) {
      const post = url.endsWith('/verify');
      expect((await (post ? http(context).post(url) : http(context).get(url)).set(auth)).status).toBe(400);
    }
    expect((await http('submissions').post('/dossiers/abc%00def/receive').set(auth)).status).toBe(400);
    const res = await http('submissions').post('/dossiers').set(auth).send({ dossierId: 'hs-\u0000', title: 'Sáng kiến' });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ reason: 'nul-character', path: 'dossierId' });
    expect(errorLogs).toEqual([]);
  });

  it("sends helmet's headers on every service; /metrics is not public but on the scraper's listener", async () => {
    for (const context of CONTEXTS) {
      const res = await http(context).get('/health').expect(200);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      await http(context).get('/metrics').expect(404);
      await http(context).get('/metrics').set('Authorization', `Bearer ${admin}`).expect(404);
      const scraped = await request(platform.service(context).metricsUrl!).get('/metrics').expect(200);
      expect(scraped.text).toContain('http_requests_total');
    }
  });

  it('does not echo the expected issuer or audience in token errors', async () => {
    const foreign = await (await import('@cem/identity')).createTestIssuer({ audience: 'someone-else' });
    const res = await http('submissions')
      .get('/units')
      .set('Authorization', `Bearer ${await foreign.mintFor(ADMIN)}`)
      .expect(401);
    expect(JSON.stringify(res.body)).not.toMatch(/cem-platform|urn:cem|someone-else|expected/);
  });

  describe('a command that lost a race', () => {
    let pg: Client;
    beforeAll(async () => {
      pg = new Client({ connectionString: testPgUrl() });
      await pg.connect();
      await http('submissions').post('/units/seed').set('Authorization', `Bearer ${admin}`).expect(200);
    });
    afterAll(() => pg?.end());

    /** Commands that read the stream and now wait to append: lock requests on this schema's events table not yet granted. */
    const waitingAppends = async () =>
      Number(
        (
          await pg.query(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'relation' AND NOT granted AND mode = 'RowExclusiveLock' AND relation = $1::regclass`,
            [`"${distributedNames('submissions', platform.prefix).schema}".events`],
          )
        ).rows[0].n,
      );

    it('answers 409 with the stream’s current version, and exactly one of the racing commands lands', async () => {
      const schema = distributedNames('submissions', platform.prefix).schema;
      const racers = 4;
      const form = {
        clusterId: 'binh-chanh-cum-dua',
        name: 'Cụm thi đua số 1',
        kind: 'cluster',
        organisingUnitId: 'vn-hcm-binh-chanh',
        headUnitId: 'vn-hcm-binh-chanh-tan-kien',
        memberUnitIds: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-vinh-loc-a'],
      };
      // Every racer reads the (empty) stream and decides; the table lock holds their appends until all of
      // them are waiting, so they truly race for version 1 instead of running one after the other.
      await pg.query('BEGIN');
      await pg.query(`LOCK TABLE "${schema}".events IN SHARE MODE`);
      const responses = Array.from({ length: racers }, () =>
        http('submissions')
          .post('/clusters')
          .set('Authorization', `Bearer ${admin}`)
          .send(form)
          .then((r) => r),
      );
      try {
        await platform.eventually(async () => expect(await waitingAppends()).toBe(racers), 60_000);
      } finally {
        await pg.query('COMMIT');
      }
      const results = await Promise.all(responses);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array(racers - 1).fill(409)]);
      for (const lost of results.filter((r) => r.status === 409)) {
        expect(lost.body).toMatchObject({
          statusCode: 409,
          code: 'concurrency-conflict',
          streamId: 'cluster-binh-chanh-cum-dua',
          expected: 0,
          currentVersion: 1,
        });
        expect(lost.body.message).toContain('phiên bản hiện tại 1');
      }
      const stream = await platform.service('submissions').infra.store.readStream('cluster-binh-chanh-cum-dua');
      expect(stream).toHaveLength(1);
    });

    it('answers 409, not the rule, to a command whose client read an older version (If-Match)', async () => {
      const form = {
        clusterId: 'binh-chanh-cum-if-match',
        name: 'Cụm thi đua số 2',
        kind: 'cluster',
        organisingUnitId: 'vn-hcm-binh-chanh',
        headUnitId: 'vn-hcm-binh-chanh-tan-kien',
        memberUnitIds: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-vinh-loc-a'],
      };
      const post = (ifMatch?: string) => {
        const req = http('submissions').post('/clusters').set('Authorization', `Bearer ${admin}`);
        if (ifMatch !== undefined) req.set('If-Match', ifMatch);
        return req.send(form);
      };
      // Two clients both saw no such cluster (version 0); the second arrives after the first landed.
      await post('"0"').expect(201);
      const late = await post('"0"').expect(409);
      expect(late.body).toMatchObject({
        code: 'concurrency-conflict',
        streamId: 'cluster-binh-chanh-cum-if-match',
        expected: 0,
        currentVersion: 1,
      });
      // Without If-Match the server's own read is the basis: the rule answers (the cluster exists).
      expect((await post().expect(422)).body.code).toBe('cluster-already-formed');
      expect((await post('"abc"').expect(400)).body.details).toMatchObject({ reason: 'bad-if-match' });
      expect(await platform.service('submissions').infra.store.readStream('cluster-binh-chanh-cum-if-match')).toHaveLength(1);
    });
  });
});
