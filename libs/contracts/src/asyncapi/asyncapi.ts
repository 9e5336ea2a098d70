import type { EventContract } from '../event-contract';
import { deadLetterTopic, eventsTopic } from '../topics';
import { classSchemas, JsonSchema } from '../schema/json-schema';
import { EVENT_TITLES_VI } from './event-titles';
import { ENVELOPE_SCHEMAS } from './envelope-schemas';

/** One service as the event document sees it: what it publishes and which contexts it consumes. */
export interface EventParticipant {
  context: string;
  title: string;
  consumes: string[];
}

export interface AsyncApiOptions {
  title: string;
  version: string;
  description: string;
  /** Every registered contract; those of the contexts in the document are used. */
  contracts: EventContract[];
  /** The services whose topics are documented (all four for the platform document, one for a service's). */
  participants: EventParticipant[];
}

export type AsyncApiDocument = JsonSchema & { asyncapi: '3.0.0' };

const KAFKA_BINDING = '0.5.0';
const CONTEXT_VI: Record<string, string> = {
  submissions: 'hồ sơ, đơn vị, phong trào (submissions)',
  councils: 'Hội đồng thẩm định (councils)',
  recognition: 'khen thưởng, tôn vinh (recognition)',
  reporting: 'báo cáo, thống kê (reporting)',
};

export const messageId = (c: Pick<EventContract, 'type' | 'schemaVersion'>): string => `${c.type}.v${c.schemaVersion}`;
const eventsChannel = (context: string) => `${context}Events`;
const deadLetterChannel = (context: string) => `${context}DeadLetters`;
const ref = (path: string) => ({ $ref: path });

/** An example value built from a schema's examples, enums and nested schemas. */
export function exampleOf(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (depth > 8) return undefined;
  if (typeof schema.$ref === 'string') return exampleOf(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas, depth + 1);
  if (Array.isArray(schema.allOf)) return exampleOf((schema.allOf as JsonSchema[])[0], schemas, depth + 1);
  if (Array.isArray(schema.oneOf)) return exampleOf((schema.oneOf as JsonSchema[])[0], schemas, depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.type === 'array') {
    const item = exampleOf((schema.items as JsonSchema | undefined) ?? {}, schemas, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (schema.type === 'object' || schema.properties) {
    const entries = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
      .map(([name, s]) => [name, exampleOf(s, schemas, depth + 1)] as const)
      .filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries);
  }
  if (schema.format === 'date') return '2026-04-05';
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^\\d{4}-')) return '2026-04-05T09:00:00.000Z';
  if (schema.type === 'string') return 'chuỗi';
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return undefined;
}

function messageOf(contract: EventContract, schemas: Record<string, JsonSchema>): JsonSchema {
  const title = EVENT_TITLES_VI[contract.type];
  const payloadName = contract.dataClass.name;
  const example = exampleOf(ref(`#/components/schemas/${payloadName}`), schemas);
  return {
    name: contract.type,
    title: title ?? contract.type,
    summary: title ?? contract.description ?? contract.type,
    description:
      `Sự kiện \`${contract.type}\`, phiên bản lược đồ ${contract.schemaVersion}, do phân hệ ${CONTEXT_VI[contract.context] ?? contract.context} ghi. ` +
      'Giá trị thông điệp là dữ liệu của sự kiện (JSON); thuộc tính CloudEvents ở tiêu đề `ce_*`; khóa là mã luồng sự kiện.',
    ...(contract.description ? { 'x-note-en': contract.description } : {}),
    contentType: 'application/json',
    headers: {
      allOf: [
        ref('#/components/schemas/CloudEventHeaders'),
        {
          type: 'object',
          properties: {
            ce_type: { type: 'string', const: contract.type },
            ce_schemaversion: { type: 'string', const: String(contract.schemaVersion) },
            ce_source: { type: 'string', const: `/cem/${contract.context}` },
          },
        },
      ],
    },
    payload: ref(`#/components/schemas/${payloadName}`),
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: 'Mã luồng sự kiện (stream id) của đối tượng, giữ thứ tự các sự kiện của cùng một đối tượng',
          example: 'dossier-hs-2026-0001',
        },
        bindingVersion: KAFKA_BINDING,
      },
    },
    examples: [
      {
        name: 'vi-du',
        summary: `Ví dụ ${title ?? contract.type}`,
        headers: {
          ce_specversion: '1.0',
          ce_id: '01936a52-7c1e-7b3a-9f1e-5d2c3b4a5e6f',
          ce_source: `/cem/${contract.context}`,
          ce_type: contract.type,
          ce_time: '2026-04-05T09:00:00.000Z',
          ce_subject: 'dossier-hs-2026-0001',
          'content-type': 'application/json',
          ce_schemaversion: String(contract.schemaVersion),
          ce_streamversion: '3',
          ce_position: '1042:0',
          ce_recordedat: '2026-04-05T09:00:00.120Z',
          ce_hash: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184',
          ce_metadata: JSON.stringify(exampleOf(ref('#/components/schemas/EventMetadata'), schemas)),
        },
        payload: example,
      },
    ],
  };
}

/**
 * The AsyncAPI 3 document of the platform's Kafka topics, generated from the event contracts: one channel per
 * context's events topic with a message per event type and schema version, one per dead-letter topic, the
 * CloudEvents headers, key = stream id. `npm run contracts:generate` writes the platform's to docs/.
 */
export function buildAsyncApiDocument(options: AsyncApiOptions): AsyncApiDocument {
  const publishers = options.participants.map((p) => p.context);
  const consumed = options.participants.flatMap((p) => p.consumes);
  const documented = [...new Set([...publishers, ...consumed])];
  const contracts = options.contracts
    .filter((c) => documented.includes(c.context))
    .sort((a, b) => (a.context === b.context ? 0 : documented.indexOf(a.context) - documented.indexOf(b.context)));

  const schemas: Record<string, JsonSchema> = { ...ENVELOPE_SCHEMAS, ...classSchemas(contracts.map((c) => c.dataClass)) };
  for (const c of contracts) {
    const payload = schemas[c.dataClass.name];
    if (payload && payload.description === undefined) {
      schemas[c.dataClass.name] = {
        type: payload.type,
        description: `Dữ liệu sự kiện ${c.type}: ${EVENT_TITLES_VI[c.type] ?? c.description ?? ''}`,
        ...payload,
      };
    }
  }
  const messages: Record<string, JsonSchema> = {};
  for (const c of contracts) messages[messageId(c)] = messageOf(c, schemas);
  messages.DeadLetter = {
    name: 'DeadLetter',
    title: 'Thông điệp không xử lý được (dead letter)',
    summary: 'Thông điệp bên tiêu thụ không giải mã, không hợp lệ theo hợp đồng sự kiện, hoặc bị từ chối vĩnh viễn',
    description:
      'Bản sao nguyên vẹn của thông điệp gốc (khóa, giá trị, tiêu đề `ce_*`) kèm các tiêu đề `dlq_*` cho biết lý do, nhóm tiêu thụ, ' +
      'chủ đề, phân vùng và vị trí gốc. Giá trị có thể không hợp lệ: đó là lý do nó nằm ở đây.',
    contentType: 'application/json',
    headers: ref('#/components/schemas/DeadLetterHeaders'),
    payload: { description: 'Giá trị gốc của thông điệp, giữ nguyên từng byte (thường là JSON dữ liệu sự kiện)' },
    bindings: { kafka: { key: { type: 'string', description: 'Khóa gốc (mã luồng sự kiện)' }, bindingVersion: KAFKA_BINDING } },
  };

  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const context of documented) {
    const own = contracts.filter((c) => c.context === context);
    if (!own.length) continue;
    channels[eventsChannel(context)] = {
      address: eventsTopic(context, ''),
      title: `Sự kiện của phân hệ ${CONTEXT_VI[context] ?? context}`,
      description:
        `Mọi sự kiện phân hệ ${context} ghi, theo thứ tự ghi; khóa = mã luồng sự kiện nên các sự kiện của cùng một đối tượng ` +
        'giữ thứ tự trong một phân vùng. Triển khai dùng tiền tố chủ đề (CEM_TOPIC_PREFIX) thì tên chủ đề có tiền tố đó phía trước.',
      messages: Object.fromEntries(own.map((c) => [messageId(c), ref(`#/components/messages/${messageId(c)}`)])),
      bindings: { kafka: { bindingVersion: KAFKA_BINDING } },
    };
  }
  for (const p of options.participants) {
    const own = contracts.filter((c) => c.context === p.context);
    if (own.length) {
      operations[`${p.context}Publishes`] = {
        action: 'send',
        title: `${p.title} ghi sự kiện`,
        summary: `Phân hệ ${p.context} phát hành các sự kiện đã ghi (relay từ kho sự kiện, ít nhất một lần, mã sự kiện ce_id để khử trùng lặp)`,
        channel: ref(`#/channels/${eventsChannel(p.context)}`),
        messages: own.map((c) => ref(`#/channels/${eventsChannel(p.context)}/messages/${messageId(c)}`)),
      };
    }
    for (const from of p.consumes) {
      const theirs = contracts.filter((c) => c.context === from);
      if (!theirs.length) continue;
      operations[`${p.context}Consumes${from[0].toUpperCase()}${from.slice(1)}`] = {
        action: 'receive',
        title: `${p.title} tiêu thụ sự kiện của ${from}`,
        summary: `Nhóm tiêu thụ cem.${p.context}: kiểm tra từng thông điệp theo hợp đồng sự kiện; thông điệp hỏng vào ${deadLetterTopic(p.context, '')}`,
        channel: ref(`#/channels/${eventsChannel(from)}`),
        messages: theirs.map((c) => ref(`#/channels/${eventsChannel(from)}/messages/${messageId(c)}`)),
      };
    }
    if (p.consumes.length) {
      channels[deadLetterChannel(p.context)] = {
        address: deadLetterTopic(p.context, ''),
        title: `Thông điệp hỏng của nhóm tiêu thụ cem.${p.context}`,
        description: `Thông điệp từ ${p.consumes.map((c) => eventsTopic(c, '')).join(', ')} mà phân hệ ${p.context} không xử lý được, kèm lý do (dlq_reason).`,
        messages: { DeadLetter: ref('#/components/messages/DeadLetter') },
        bindings: { kafka: { bindingVersion: KAFKA_BINDING } },
      };
      operations[`${p.context}DeadLetters`] = {
        action: 'send',
        title: `${p.title} chuyển thông điệp hỏng`,
        summary: 'Thông điệp không giải mã được, sai hợp đồng, hoặc bị từ chối vĩnh viễn; bên tiêu thụ đi tiếp, không chặn chủ đề',
        channel: ref(`#/channels/${deadLetterChannel(p.context)}`),
        messages: [ref(`#/channels/${deadLetterChannel(p.context)}/messages/DeadLetter`)],
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: { title: options.title, version: options.version, description: options.description },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'Kafka của môi trường cục bộ (deploy/local); CEM_KAFKA_BROKERS cho biết broker của từng môi trường',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}
