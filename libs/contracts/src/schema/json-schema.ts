import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { CONSTRAINTS } from '../validation/decorators';
import { INPUT_LIMITS } from '../validation/limits';
import { TIE_BREAK_STEPS } from '../councils/councils.values';
import { FIELD_DOCS } from './field-docs';
import { SHAPE_DOCS } from './shape-docs';

/** A JSON Schema (draft-07 / OpenAPI 3 subset) object. */
export type JsonSchema = { [key: string]: unknown };

type Constructor = abstract new (...args: never[]) => unknown;

export const DATE_OR_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$';
const RANGE = `năm ${INPUT_LIMITS.minYear}-${INPUT_LIMITS.maxYear}, ngày phải có thật`;

/** JSON Schema of the shared validation decorators' custom constraints (the standard ones convert as is). */
// class-transformer keeps its @Type metadata in this module-level store (the package exports no accessor).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

export const CUSTOM_CONSTRAINT_SCHEMAS: Record<string, JsonSchema> = {
  [CONSTRAINTS.safeId]: {},
  [CONSTRAINTS.safeLine]: {},
  [CONSTRAINTS.safeText]: {},
  [CONSTRAINTS.calendarDate]: { type: 'string', format: 'date' },
  [CONSTRAINTS.calendarDateOrTime]: { type: 'string', pattern: DATE_OR_TIME_PATTERN },
  // councils' tie-break rule: the ordered steps, or the '-then-' string older events hold.
  isTieBreakRule: {
    oneOf: [
      { type: 'array', items: { type: 'string', enum: [...TIE_BREAK_STEPS] }, minItems: 1 },
      { type: 'string', description: 'Dạng cũ: các bước nối bằng -then-' },
    ],
    example: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'],
  },
};
const CONVERTERS: Record<string, object> = {
  ...CUSTOM_CONSTRAINT_SCHEMAS,
  [CONSTRAINTS.calendarDate]: { type: 'string', format: 'date', 'x-rule': RANGE },
  [CONSTRAINTS.calendarDateOrTime]: { type: 'string', pattern: DATE_OR_TIME_PATTERN, 'x-rule': RANGE },
};

function nestedClass(target: Constructor, property: string): Constructor | undefined {
  const meta = defaultMetadataStorage.findTypeMetadata(target, property);
  const type = meta?.typeFunction() as Constructor | undefined;
  return type && type !== (String as unknown) && type !== (Number as unknown) && type !== (Boolean as unknown) ? type : undefined;
}

/** Adds the field's description and example where the class gave none; a `$ref` keeps its siblings in `allOf`. */
export function describeProperty(name: string, schema: JsonSchema): JsonSchema {
  const doc = FIELD_DOCS[name];
  let out: JsonSchema = { ...schema };
  if (doc && out.description === undefined) out.description = doc.description;
  if (
    doc?.example !== undefined &&
    out.example === undefined &&
    out.$ref === undefined &&
    (out.items as JsonSchema | undefined)?.$ref === undefined
  ) {
    out.example = doc.example;
  }
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    out = { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

/**
 * JSON Schemas of the given class-validator classes and of every class nested in them (by class-transformer
 * `@Type`), keyed by class name, with `$ref`s under `refPrefix`. Descriptions and examples of fields come
 * from FIELD_DOCS, of classes from SHAPE_DOCS, unless the class states its own.
 */
export function classSchemas(classes: Constructor[], refPrefix = '#/components/schemas/'): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const owners = new Map<string, Constructor>();
  const queue = [...classes];
  while (queue.length) {
    const cls = queue.shift()!;
    const owner = owners.get(cls.name);
    if (owner === cls) continue;
    if (owner) throw new Error(`two schema classes are named ${cls.name}`);
    owners.set(cls.name, cls);
    const raw = targetConstructorToSchema(cls, {
      refPointerPrefix: refPrefix,
      classTransformerMetadataStorage: defaultMetadataStorage,
      additionalConverters: CONVERTERS as never,
    }) as JsonSchema;
    const properties = Object.fromEntries(
      Object.entries((raw.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => {
        const nested = nestedClass(cls, name);
        if (nested) queue.push(nested);
        return [name, describeProperty(name, schema)];
      }),
    );
    const shape = SHAPE_DOCS[cls.name];
    schemas[cls.name] = {
      type: 'object',
      ...(raw.description || shape ? { description: raw.description ?? shape } : {}),
      properties,
      ...(Array.isArray(raw.required) && raw.required.length ? { required: raw.required } : {}),
      additionalProperties: false,
    };
  }
  return schemas;
}
