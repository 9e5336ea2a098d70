import { readFileSync } from 'fs';
import { ALL_CONTRACTS, CONTEXTS, deadLetterTopic, eventsTopic, messageId } from '@cem/contracts';
import { openApiGaps } from '@cem/service-kit';
import { asJson, ASYNCAPI_FILE, EVENTS_FILE, platformAsyncApi, platformEventsMarkdown, platformOpenApi } from './contract-documents';

/** The parts of the generated documents these tests read. */
interface SchemaDoc {
  properties?: Record<string, { description?: string }>;
  required?: string[];
}
interface MessageDoc {
  name: string;
  headers: { allOf: { properties: { ce_schemaversion: { const: string } } }[] };
  bindings: { kafka: { key: { type: string } } };
}
interface OperationDoc {
  responses: Record<string, { content: Record<string, { schema: unknown }> }>;
}

const REGENERATE = 'out of date: run `npm run contracts:generate` and commit docs/asyncapi.json and docs/events.md';

describe('AsyncAPI document (generated from the event contracts)', () => {
  const document = platformAsyncApi();
  const channels = document.channels as Record<string, { address: string; messages: Record<string, unknown> }>;
  const { messages, schemas } = document.components as { messages: Record<string, MessageDoc>; schemas: Record<string, SchemaDoc> };

  it('is committed exactly as generated (docs/asyncapi.json, docs/events.md)', () => {
    const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
    if (committed !== asJson(document)) throw new Error(`docs/asyncapi.json is ${REGENERATE}`);
    if (readFileSync(EVENTS_FILE, 'utf8') !== platformEventsMarkdown()) throw new Error(`docs/events.md is ${REGENERATE}`);
  });

  it('has a channel per events topic and per dead-letter topic', () => {
    const addresses = Object.values(channels)
      .map((c) => c.address)
      .sort();
    const expected = [...CONTEXTS.map((c) => eventsTopic(c, '')), ...CONTEXTS.map((c) => deadLetterTopic(c, ''))].sort();
    expect(addresses).toEqual(expected);
    expect(document.asyncapi).toBe('3.0.0');
  });

  it('has a message per event type and schema version, on its context topic, with headers, key and payload schema', () => {
    for (const contract of ALL_CONTRACTS) {
      const id = messageId(contract);
      const channel = Object.values(channels).find((c) => c.address === eventsTopic(contract.context, ''));
      expect(channel?.messages[id]).toEqual({ $ref: `#/components/messages/${id}` });
      const message = messages[id];
      expect(message.name).toBe(contract.type);
      expect(message.headers.allOf[1].properties.ce_schemaversion.const).toBe(String(contract.schemaVersion));
      expect(message.bindings.kafka.key.type).toBe('string');
      const payload = schemas[contract.dataClass.name];
      expect(Object.keys(payload.properties ?? {}).length).toBeGreaterThan(0);
      for (const [name, property] of Object.entries(payload.properties ?? {})) {
        if (!property.description) throw new Error(`${contract.type}.${name} has no description (add it to FIELD_DOCS)`);
      }
    }
    console.log(`AsyncAPI: ${Object.keys(channels).length} channels, ${ALL_CONTRACTS.length} event messages`);
  });

  it('documents the CloudEvents headers every message carries', () => {
    const headers = schemas.CloudEventHeaders;
    expect(headers.required).toEqual(
      expect.arrayContaining(['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'ce_specversion', 'ce_schemaversion']),
    );
  });
});

describe('OpenAPI documents of the four real apps', () => {
  let documents: Awaited<ReturnType<typeof platformOpenApi>>;
  beforeAll(async () => {
    documents = await platformOpenApi();
  });

  it('leave nothing unsaid: every schema has properties with descriptions and examples, every operation a response schema', () => {
    const gaps = documents.flatMap(({ context, document }) => openApiGaps(document).map((gap) => `${context}: ${gap}`));
    const operations = documents.reduce(
      (n, { document }) => n + Object.values(document.paths).reduce((m, item) => m + Object.keys(item).length, 0),
      0,
    );
    console.log(`OpenAPI: ${documents.length} services, ${operations} operations, ${gaps.length} gaps`);
    expect(gaps).toEqual([]);
  });

  it('describe every error response with the shared error shape', () => {
    for (const { document } of documents) {
      for (const item of Object.values(document.paths)) {
        for (const operation of Object.values(item as Record<string, OperationDoc>)) {
          expect(operation.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponseDto' });
        }
      }
      expect(Object.keys((document.components?.schemas as Record<string, SchemaDoc>).ErrorResponseDto.properties ?? {})).toEqual(
        expect.arrayContaining(['statusCode', 'error', 'code', 'message', 'details']),
      );
    }
  });

  it('document query parameters such as the audit asOf', () => {
    const reporting = documents.find((d) => d.context === 'reporting')!.document;
    const parameters = reporting.paths['/audit/dossiers/{id}/state'].get!.parameters as { name: string; description?: string }[];
    const asOf = parameters.find((p) => p.name === 'asOf');
    expect(asOf).toMatchObject({ in: 'query', required: false, schema: { type: 'string' } });
    expect(asOf?.description).toMatch(/Thời điểm/);
  });
});
