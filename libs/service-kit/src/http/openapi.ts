import { ApiProperty, ApiPropertyOptional, ApiSchema, OpenAPIObject } from '@nestjs/swagger';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { ALL_CONTRACTS, CUSTOM_CONSTRAINT_SCHEMAS, EVENT_TITLES_VI, FIELD_DOCS, INPUT_LIMITS, SHAPE_DOCS } from '@cem/contracts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };

/** A JSON Schema / OpenAPI object, with the members this module reads and completes. */
interface Schema {
  [key: string]: unknown;
  $ref?: string;
  type?: unknown;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  description?: string;
  example?: unknown;
  // Operations, parameters, responses and bodies.
  name?: string;
  in?: string;
  schema?: Schema;
  content?: Record<string, Schema>;
  responses?: Record<string, Schema>;
  parameters?: Schema[];
  requestBody?: Schema;
  security?: unknown[];
}

/** A class: validated DTOs and contract classes. */
type Class = abstract new (...args: never[]) => unknown;

/** Where @ApiProperty keeps a property's options (@nestjs/swagger's DECORATORS.API_MODEL_PROPERTIES, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

export const OPENAPI_DESCRIPTION =
  'Mọi lỗi trả về cùng một dạng (ErrorResponse): `statusCode`, `error`, `code` (mã máy, tiếng Anh), `message` và `details`. ' +
  '400: dữ liệu không hợp lệ (details.fields nêu từng trường, thông báo tiếng Việt); 401: thiếu hoặc sai token; 403: không có quyền (kèm lý do); ' +
  '404: không tìm thấy; 409: xung đột ghi đồng thời (kèm phiên bản hiện tại của luồng); 413: nội dung quá lớn; 422: quy tắc nghiệp vụ từ chối. ' +
  `Quy tắc dữ liệu đầu vào (docs/security.md): mã tối đa ${INPUT_LIMITS.idMaxLength} ký tự, dòng chữ ${INPUT_LIMITS.lineMaxLength}, văn bản ${INPUT_LIMITS.textMaxLength}; ` +
  'không nhận ký tự điều khiển hay ký tự đảo chiều văn bản; ngày phải có thật (2024-02-30 bị từ chối); năm từ ' +
  `${INPUT_LIMITS.minYear} đến ${INPUT_LIMITS.maxYear}.`;

/** The one error shape of every service (PlatformExceptionFilter). */
@ApiSchema({ description: 'Dạng lỗi chung của mọi dịch vụ' })
export class ErrorResponseDto {
  @ApiProperty({ description: 'Mã trạng thái HTTP', example: 400 }) statusCode!: number;
  @ApiProperty({ description: 'Tên trạng thái HTTP', example: 'Bad Request' }) error!: string;
  @ApiProperty({
    description:
      'Mã lỗi cho máy đọc (tiếng Anh): validation-failed, unauthenticated, forbidden, not-found, concurrency-conflict, payload-too-large hoặc mã quy tắc nghiệp vụ',
    example: 'validation-failed',
  })
  code!: string;
  @ApiProperty({
    description: 'Thông báo cho người đọc',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'invalid request: planDate: phải là ngày YYYY-MM-DD hoặc thời điểm ISO-8601 có thật',
  })
  message!: string | string[];
  @ApiPropertyOptional({
    description:
      'Chi tiết: `fields` (trường -> các thông báo) khi dữ liệu không hợp lệ, `rule` khi bị từ chối quyền, phiên bản luồng khi xung đột',
    type: 'object',
    additionalProperties: true,
    example: { fields: { planDate: ['planDate: phải là ngày YYYY-MM-DD hoặc thời điểm ISO-8601 có thật'] } },
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Luồng sự kiện bị xung đột (chỉ với 409)', example: 'dossier-hs-2026-0001' }) streamId?: string;
  @ApiPropertyOptional({
    description: 'Phiên bản luồng bên gọi mong đợi (chỉ với 409)',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    example: 3,
  })
  expected?: number | string;
  @ApiPropertyOptional({ description: 'Phiên bản hiện tại của luồng (chỉ với 409): đọc lại rồi thử lại', example: 4 }) actual?: number;
}

const SCALAR_KEYS = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

function nestedClass(target: Class, property: string): Class | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction() as Class | undefined;
  return type && ![String, Number, Boolean, Object, Date].includes(type as never) ? type : undefined;
}

let applied = new WeakSet<Class>();

/**
 * Swagger metadata from the class-validator rules, for every validated class (request DTOs and the contract
 * classes they reuse): type, enum, required, lengths, ranges, patterns, list sizes and nested classes. What a
 * class states with @ApiProperty wins; the rules fill in what it does not say, so the documents cannot
 * drift from what the validation pipe enforces.
 */
export function applyValidatorSchemas(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Class, unknown[]> };
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function' || applied.has(target)) continue;
    applied.add(target);
    const schema = targetConstructorToSchema(target, {
      refPointerPrefix: '#/components/schemas/',
      classTransformerMetadataStorage: defaultMetadataStorage,
      additionalConverters: CUSTOM_CONSTRAINT_SCHEMAS,
    }) as Schema;
    const prototype = target.prototype as object;
    const required = new Set<string>(schema.required ?? []);
    for (const [property, derived] of Object.entries(schema.properties ?? {})) {
      const existing = (Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, property) ?? {}) as Record<string, unknown>;
      const nested = nestedClass(target, property);
      const isArray = derived.type === 'array';
      let options: Record<string, unknown>;
      if (existing.type !== undefined || existing.enum !== undefined) {
        options = { ...existing };
        for (const key of SCALAR_KEYS) {
          const value = isArray && !key.endsWith('Items') ? undefined : derived[key];
          if (value !== undefined && options[key] === undefined) options[key] = value;
        }
      } else if (nested) {
        options = { ...pick(derived, ['minItems', 'maxItems', 'description']), type: () => nested, isArray, ...existing };
      } else {
        const { $ref: _ref, ...rest } = derived;
        options = { ...rest, ...existing };
        if (isArray && (options.items as Schema | undefined)?.$ref) delete options.items;
      }
      if (existing.required === undefined) options.required = required.has(property);
      // Re-applying the decorator registers the property on this class (inherited ones included) and merges.
      (options.required ? ApiProperty : ApiPropertyOptional)(options)(prototype, property);
    }
  }
}

/** For tests that load classes after a first document was built. */
export function resetValidatorSchemas(): void {
  applied = new WeakSet();
}

function pick(schema: Schema, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}

const ERROR_STATUSES: Array<[string, string, (method: string, path: string) => boolean]> = [
  ['400', 'Dữ liệu không hợp lệ (details.fields nêu từng trường)', () => true],
  ['401', 'Thiếu token, token hết hạn hoặc không hợp lệ', () => true],
  ['403', 'Không có quyền thực hiện (kèm lý do)', () => true],
  ['404', 'Không tìm thấy', (_m, path) => path.includes('{')],
  ['409', 'Xung đột ghi đồng thời: luồng sự kiện đã thay đổi, đọc lại rồi thử lại', (m) => m !== 'get'],
  ['422', 'Quy tắc nghiệp vụ từ chối yêu cầu (code nêu quy tắc)', (m) => m !== 'get'],
];

function describeProperties(schema: Schema): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const doc = FIELD_DOCS[name];
    if (!doc) continue;
    if (property.description === undefined) property.description = doc.description;
    const isRef = property.$ref || property.allOf || property.items?.$ref;
    if (doc.example !== undefined && property.example === undefined && !isRef) property.example = doc.example;
  }
}

/**
 * Completes a generated document: Vietnamese descriptions and examples of fields from the contracts' glossary
 * (FIELD_DOCS, SHAPE_DOCS) where a class gave none, and the shared error responses on every operation.
 */
export function completeOpenApi(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const eventTitles = new Map(
    ALL_CONTRACTS.map((c) => [c.dataClass.name, `Dữ liệu sự kiện ${c.type}: ${EVENT_TITLES_VI[c.type] ?? c.description ?? ''}`]),
  );
  for (const [name, schema] of Object.entries(schemas)) {
    if (schema.description === undefined) schema.description = SHAPE_DOCS[name] ?? eventTitles.get(name);
    describeProperties(schema);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Schema>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const parameter of operation.parameters ?? []) {
        const doc = parameter.name === undefined ? undefined : FIELD_DOCS[parameter.name];
        if (parameter.description === undefined && doc) parameter.description = doc.description;
        if (
          parameter.example === undefined &&
          parameter.schema?.example === undefined &&
          doc?.example !== undefined &&
          parameter.in !== 'body'
        ) {
          parameter.example = doc.example;
        }
      }
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      for (const [status, description, applies] of ERROR_STATUSES) {
        if (operation.responses[status] || !applies(method, path) || (status === '401' && isPublic)) continue;
        operation.responses[status] = {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
        };
      }
    }
  }
  return document;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head']);

function schemaGaps(where: string, schema: Schema | undefined, schemas: Record<string, Schema>, gaps: string[], depth = 0): void {
  if (!schema || depth > 6) return;
  if (schema.$ref) {
    if (!schemas[String(schema.$ref).split('/').pop()!]) gaps.push(`${where}: ${schema.$ref} is not in components`);
    return;
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    schema[key]?.forEach((s, i) => schemaGaps(`${where}.${key}[${i}]`, s, schemas, gaps, depth + 1));
  }
  if (schema.type === 'array') {
    if (!schema.items || !Object.keys(schema.items).length) gaps.push(`${where}: array without item schema`);
    else schemaGaps(`${where}[]`, schema.items, schemas, gaps, depth + 1);
    return;
  }
  const composed = schema.allOf || schema.oneOf || schema.anyOf;
  const isObject = !composed && (schema.type === 'object' || (!schema.type && !schema.enum));
  if (isObject && schema.format !== 'binary') {
    const properties = schema.properties ?? {};
    if (!Object.keys(properties).length && !schema.additionalProperties) gaps.push(`${where}: object without properties`);
    for (const [name, property] of Object.entries(properties)) {
      const at = `${where}.${name}`;
      if (!property.description && !(property.allOf && property.description)) gaps.push(`${at}: no description`);
      const scalar = !property.$ref && !property.allOf && !property.oneOf && property.type !== 'object' && property.type !== 'array';
      if (scalar && property.example === undefined && !property.enum) gaps.push(`${at}: no example`);
      schemaGaps(at, property, schemas, gaps, depth + 1);
    }
  }
}

/**
 * What a document leaves unsaid: schemas without properties, properties without a description or an example,
 * operations without a response schema, parameters without a schema or description. Empty means complete.
 */
export function openApiGaps(document: OpenAPIObject): string[] {
  const gaps: string[] = [];
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(schemas)) {
    if (!schema.enum) schemaGaps(`schema ${name}`, schema, schemas, gaps);
    if (!schema.description && !schema.enum) gaps.push(`schema ${name}: no description`);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Schema>)) {
      if (!HTTP_METHODS.has(method)) continue;
      const op = `${method.toUpperCase()} ${path}`;
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      const withSchema = success.filter(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length));
      if (!withSchema.length) gaps.push(`${op}: no response schema`);
      for (const [status, response] of withSchema) {
        for (const [type, content] of Object.entries(response.content ?? {}))
          schemaGaps(`${op} ${status} ${type}`, content.schema, schemas, gaps);
      }
      if (!operation.responses?.['400'] && !operation.responses?.['401']) gaps.push(`${op}: no error responses`);
      for (const parameter of operation.parameters ?? []) {
        if (!parameter.schema) gaps.push(`${op} parameter ${String(parameter.name)}: no schema`);
        if (!parameter.description) gaps.push(`${op} parameter ${String(parameter.name)}: no description`);
      }
      const body = operation.requestBody;
      if (body) {
        for (const [type, content] of Object.entries(body.content ?? {})) schemaGaps(`${op} body ${type}`, content.schema, schemas, gaps);
      }
    }
  }
  return gaps;
}
