import fc from 'fast-check';
import { comparePositions, LOG_START, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { MintRequest } from '@cem/identity';
import type { EventStore } from '@cem/event-store';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { ALL_PERSONAS } from '../embedded/demo-personas';
import { DEMO_CAMPAIGN, DEMO_FIELD, seedDemoScenario } from '../embedded/demo-scenario';
import { PLATFORM_SERVICES } from '../embedded/services';
import { anyJson, dtoArbitrary, KnownValues, mutated, Mutation } from './fuzz/dto-arbitrary';
import { FuzzRoute, routeCatalogue } from './fuzz/route-catalogue';

/**
 * Issue 10: generated input against every route of the four real apps (real PostgreSQL, Kafka, FerretDB).
 * Bodies and queries come from each route's DTO classes (class-validator metadata: the rules the validation pipe
 * applies), plausible and broken (wrong types, missing and extra fields, huge strings, deep nesting, Unicode,
 * control characters), with path ids, actors and tokens of every kind. Asserts that no request gets a 5xx and
 * that a refused request writes no event: the store's log position is compared before and after each one, and
 * at the end no event anywhere carries the actor of a refused request (each request has an actor of its own).
 *
 * Bounded: CEM_FUZZ_RUNS requests per route (default 30, 2 250 in all), from seed CEM_FUZZ_SEED (fixed by
 * default, so a failure replays). Prints the count of generated requests.
 */

const RUNS_PER_ROUTE = Number(process.env.CEM_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.CEM_FUZZ_SEED ?? 20261202);

interface GeneratedRequest {
  persona: number;
  /**
   * admin: the platform administrator; fit: a persona in one of the roles the route's access policy lets in
   * (both get past the policy's role check to validation, the facts loaders and the deciders); persona: anyone.
   */
  token: 'admin' | 'fit' | 'persona' | 'none' | 'garbage';
  params: string[];
  query: Record<string, unknown>;
  body: { mutation: Mutation | 'form'; body: unknown } | undefined;
}

interface Failure {
  route: string;
  url: string;
  status: number | string;
  mutation?: string;
  response: string;
  body?: string;
}

const PERSONAS: MintRequest[] = Object.values(ALL_PERSONAS);
const ADMIN = PERSONAS.find((p) => p.role === 'admin')!;

const pathValue = (known: KnownValues) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...known.ids) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 10, unit: 'binary' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '%2F',
        ' ',
        '\u0000',
        '\u202e',
        'a'.repeat(300),
        'a'.repeat(5000),
        'Hà Nội',
        '0',
        '-1',
        '1e9',
        'null',
      ),
    },
  );

/** A query value for a named parameter: mostly strings, sometimes repeated (an array) or shaped like an object. */
const queryValue = (known: KnownValues) =>
  fc.oneof(
    { weight: 4, arbitrary: pathValue(known) },
    { weight: 1, arbitrary: fc.constantFrom('2026-01-01', '2024-02-30', '2026', '-5', '99999999999999999999', 'true', '') },
    { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }) },
  );

function requestArbitrary(route: FuzzRoute, known: KnownValues): fc.Arbitrary<GeneratedRequest> {
  const body: fc.Arbitrary<GeneratedRequest['body']> = route.bodyType
    ? mutated(dtoArbitrary(route.bodyType, known))
    : route.bodyFields.length
      ? mutated(fc.record(Object.fromEntries(route.bodyFields.map((f) => [f, fc.oneof(pathValue(known), anyJson)]))))
      : fc.oneof(
          fc.constant(undefined),
          anyJson.map((b) => ({ mutation: 'not-an-object' as const, body: b })),
        );
  // Form bodies (with bracketed keys, which the extended parser nests) now and then instead of JSON.
  const form = fc
    .dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constant('a' + '[b]'.repeat(40))), fc.string({ maxLength: 10 }), { maxKeys: 4 })
    .map((b) => ({ mutation: 'form' as const, body: b }));
  const query: fc.Arbitrary<Record<string, unknown>> = route.queryType
    ? mutated(dtoArbitrary(route.queryType, known)).map((m) =>
        m.body && typeof m.body === 'object' && !Array.isArray(m.body) ? (m.body as Record<string, unknown>) : {},
      )
    : fc.record(Object.fromEntries(route.queryFields.map((f) => [f, queryValue(known)])), { requiredKeys: [] });
  return fc.record({
    persona: fc.nat({ max: PERSONAS.length - 1 }),
    token: fc.constantFrom<GeneratedRequest['token']>(
      'admin',
      'admin',
      'fit',
      'fit',
      'fit',
      'fit',
      'persona',
      'persona',
      'none',
      'garbage',
    ),
    params: fc.array(pathValue(known), { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
    query,
    body: route.method === 'GET' ? fc.constant(undefined) : fc.oneof({ weight: 12, arbitrary: body }, { weight: 1, arbitrary: form }),
  });
}

function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function eventsAfter(store: EventStore, after: LogPosition): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let from = after; ;) {
    const batch = await store.readAll({ after: from, limit: 1000 });
    if (!batch.length) return all;
    all.push(...batch);
    from = batch[batch.length - 1].position;
  }
}

describe('fuzz: generated input against every route of the four real apps', () => {
  let platform: TestPlatform;
  const known: KnownValues = { ids: [] };

  beforeAll(async () => {
    platform = await startTestPlatform(PLATFORM_SERVICES.map((s) => s.definition));
    const urls = Object.fromEntries(PLATFORM_SERVICES.map((s) => [s.definition.context, platform.url(s.definition.context)]));
    // Real records for generated ids to hit: the units, the demo campaign, council, criteria and award. The
    // fuzz still runs when the scenario stops half-way (it belongs to the portal), on what it did set up.
    const year = new Date().getFullYear();
    const demo = await seedDemoScenario(platform.issuer, urls).catch((error: Error) => {
      console.warn(`fuzz: demo scenario incomplete (${error.message.slice(0, 200)})`);
      return { campaignId: DEMO_CAMPAIGN, councilId: `hd-ha-nam-${year}`, awardCode: 'giai-sang-tao-ha-nam', year };
    });
    const personaIds = PERSONAS.flatMap((p) => [p.sub, p.unitId, ...p.unitPath]);
    known.ids = [...new Set([demo.campaignId, demo.councilId, demo.awardCode, String(demo.year), DEMO_FIELD, ...personaIds])];
  }, 300_000);
  afterAll(() => platform?.stop());

  it('answers no request with a 5xx, and a refused request writes no event', async () => {
    const routes = PLATFORM_SERVICES.flatMap((s) => routeCatalogue(s.definition));
    // Every route the OpenAPI documents list is one the fuzzer drives (and the other way round).
    for (const { definition } of PLATFORM_SERVICES) {
      const doc = (await (await fetch(`${platform.url(definition.context)}/docs-json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(doc.paths)
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`))
        .filter((r) => !r.includes(' /health'))
        .sort();
      const driven = routes
        .filter((r) => r.context === definition.context)
        .map((r) => `${r.method} ${r.path}`)
        .sort();
      expect(driven).toEqual(documented);
    }

    const failures: Failure[] = [];
    const statuses: Record<string, number> = {};
    const refusedActors = new Set<string>();
    let count = 0;
    for (const [routeIndex, route] of routes.entries()) {
      const samples = fc.sample(requestArbitrary(route, known), { numRuns: RUNS_PER_ROUTE, seed: SEED + routeIndex });
      const store = platform.service(route.context).infra.store;
      for (const generated of samples) {
        count++;
        const fitting = route.roles === 'any' ? PERSONAS : PERSONAS.filter((p) => route.roles.includes(p.role));
        const persona =
          generated.token === 'admin'
            ? ADMIN
            : generated.token === 'fit' && fitting.length
              ? fitting[generated.persona % fitting.length]
              : PERSONAS[generated.persona];
        const sub = `${persona.sub}.fz${count}`;
        const headers: Record<string, string> = {};
        if (generated.token !== 'none' && generated.token !== 'garbage')
          headers.authorization = `Bearer ${await platform.issuer.mint({ ...persona, sub })}`;
        if (generated.token === 'garbage') headers.authorization = `Bearer ${'x'.repeat(generated.persona + 1)}.e30.${'\u00e9'.repeat(3)}`;
        let payload: string | undefined;
        if (generated.body?.mutation === 'form') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = new URLSearchParams(generated.body.body as Record<string, string>).toString();
        } else if (generated.body) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(generated.body.body) ?? 'null';
        }
        let path = route.path;
        route.pathParams.forEach((name, i) => (path = path.replace(`:${name}`, encodeURIComponent(generated.params[i]))));
        const url = `${platform.url(route.context)}${path}${queryString(generated.query)}`;

        const before = await store.headPosition();
        let status: number | string;
        let text = '';
        try {
          const res = await fetch(url, { method: route.method, headers, body: payload, signal: AbortSignal.timeout(60_000) });
          status = res.status;
          text = await res.text();
        } catch (error) {
          status = `no answer: ${(error as Error).message}`;
        }
        statuses[String(status).slice(0, 3)] = (statuses[String(status).slice(0, 3)] ?? 0) + 1;
        const failure = (why: string) =>
          failures.push({
            route: `${route.method} ${route.path} (${route.context})`,
            url: url.slice(0, 300),
            status: `${status}${why}`,
            mutation: generated.body?.mutation,
            response: text.slice(0, 300),
            body: payload?.slice(0, 300),
          });
        if (typeof status !== 'number' || status >= 500) failure('');
        if (typeof status === 'number' && status >= 400) {
          refusedActors.add(sub);
          const after = await store.headPosition();
          if (comparePositions(after, before) !== 0) {
            const written = (await eventsAfter(store, before)).filter((e) => e.metadata.actor?.id === sub);
            if (written.length) failure(`: refused but wrote ${written.map((e) => e.type).join(', ')}`);
          }
        }
      }
    }

    // Once everything settled: no event in any store carries the actor of a refused request.
    for (const { definition } of PLATFORM_SERVICES) {
      await platform.service(definition.context).settled();
      const leaked = (await eventsAfter(platform.service(definition.context).infra.store, LOG_START)).filter((e) =>
        refusedActors.has(e.metadata.actor?.id),
      );
      for (const e of leaked)
        failures.push({ route: definition.context, url: e.streamId, status: `refused request's actor wrote ${e.type}`, response: '' });
    }

    console.log(
      `fuzz: ${count} generated requests over ${routes.length} routes of ${PLATFORM_SERVICES.length} services ` +
        `(seed ${SEED}, ${RUNS_PER_ROUTE} per route); statuses ${JSON.stringify(statuses)}; ${refusedActors.size} refused; ${failures.length} failures`,
    );
    if (failures.length) console.log(JSON.stringify(failures.slice(0, 40), null, 2));
    expect(failures).toEqual([]);
    expect(count).toBe(routes.length * RUNS_PER_ROUTE);
  }, 1_800_000);
});
