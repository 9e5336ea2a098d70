import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
// class-transformer keeps @Type() in this storage; its typings live under types/, its code under cjs/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * fast-check arbitraries for request bodies and queries, read from the DTO classes' own class-validator and
 * class-transformer metadata (the rules the validation pipe applies), so every DTO field of every route is
 * covered without a hand-written schema. Values are mostly plausible (so that some requests pass validation and
 * reach the handlers, the access policy and the deciders) and often broken: wrong types, missing and extra
 * fields, huge strings, deep nesting, unusual Unicode and control characters.
 */

type Ctor = abstract new (...args: never[]) => unknown;

interface ValidationMeta {
  propertyName: string;
  type: string;
  name?: string;
  constraints?: unknown[];
  each?: boolean;
}

export interface FieldSpec {
  name: string;
  rules: Map<string, unknown[]>;
  optional: boolean;
  isArray: boolean;
  nested?: Ctor;
}

/** The fields of a DTO class (inherited and mapped types included) with the rules on each. */
export function fieldsOf(cls: Ctor): FieldSpec[] {
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas(target: Ctor, schema: string, always: boolean, strictGroups: boolean): ValidationMeta[];
  };
  const fields = new Map<string, FieldSpec>();
  for (const meta of storage.getTargetValidationMetadatas(cls, '', true, false)) {
    const field: FieldSpec = fields.get(meta.propertyName) ?? {
      name: meta.propertyName,
      rules: new Map(),
      optional: false,
      isArray: false,
    };
    fields.set(meta.propertyName, field);
    if (meta.type === 'conditionalValidation') field.optional = true;
    else if (meta.type === 'nestedValidation') {
      const typed = defaultMetadataStorage.findTypeMetadata(cls, meta.propertyName);
      const nested = typed?.typeFunction?.() as Ctor | undefined;
      if (nested && nested !== (Object as unknown)) field.nested = nested;
      if (meta.each) field.isArray = true;
    } else if (meta.name) {
      field.rules.set(meta.name, meta.constraints ?? []);
      if (meta.name === 'isArray' || meta.name === 'arrayMinSize' || meta.name === 'arrayMaxSize' || meta.each) field.isArray = true;
    }
  }
  return [...fields.values()];
}

/** Ids that exist on the platform under test, so that some generated commands reach real records. */
export interface KnownValues {
  ids: string[];
}

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
];
const EXOTIC = [
  'Đồng bằng sông Cửu Long',
  'Nguyễn Thị Ánh',
  'e\u0301',
  '🇻🇳🏆',
  '𝕏𝕐',
  '\u0000',
  ' ',
  '',
  '../../etc/passwd',
  '<script>x</script>',
  "' OR 1=1 --",
  '${jndi:x}',
  '%00',
  '\\u0000',
  'null',
  '__proto__',
];

const unicodeString = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.string({ maxLength, unit: 'binary' }),
    fc.constantFrom(...EXOTIC),
    fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  );

/** Strings around a limit: one short of it, at it, one past it; and far past it (still under the body limit). */
const aroundLimit = (max: number) =>
  fc.constantFrom(Math.max(0, max - 1), max, max + 1, Math.min(max * 10, 60_000)).map((n) => 'ả'.repeat(n));

const isoDate = fc
  .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const badDates = fc.constantFrom(
  '2024-02-30',
  '2025-02-29',
  '2024-04-31',
  '2024-13-01',
  '0000-00-00',
  '99999-01-01',
  '2024-2-3',
  'hôm qua',
  '2024-02-29T25:61:00Z',
  '1e10',
);

/** Anything JSON can carry, including shapes no DTO expects. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}),
  unicodeString(40),
);

/** A value nested `depth` levels (arrays and objects alternating). */
export const nestedValue = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

function numberFor(rules: Map<string, unknown[]>): fc.Arbitrary<number> {
  const min = rules.has('min') ? Number(rules.get('min')![0]) : -1_000_000;
  const max = rules.has('max') ? Number(rules.get('max')![0]) : 1_000_000;
  const inRange = rules.has('isInt') ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: inRange },
    { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 0.5, -0, 1e21, -2147483649) },
  );
}

function stringFor(field: FieldSpec, known: KnownValues): fc.Arbitrary<string> {
  const { rules } = field;
  if (rules.has('isIn')) return fc.constantFrom(...((rules.get('isIn')![0] as unknown[]).map(String) as [string, ...string[]]));
  if (rules.has('isCalendarDate') || rules.has('isCalendarDateOrTime') || rules.has('isISO8601') || rules.has('isDateString')) {
    return fc.oneof({ weight: 4, arbitrary: isoDate }, { weight: 1, arbitrary: badDates });
  }
  const maxLength = rules.has('maxLength') ? Number(rules.get('maxLength')![0]) : 200;
  const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [];
  if (rules.has('matches')) {
    const pattern = rules.get('matches')![0];
    if (pattern instanceof RegExp) choices.push({ weight: 4, arbitrary: fc.stringMatching(pattern).filter((s) => s.length <= maxLength) });
  }
  if (rules.has('isSafeId') || /id$|code$|ids$/i.test(field.name)) {
    if (known.ids.length) choices.push({ weight: 4, arbitrary: fc.constantFrom(...known.ids) });
    choices.push({ weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/) });
  }
  choices.push({ weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(maxLength, 60), unit: 'grapheme' }) });
  choices.push({ weight: 1, arbitrary: unicodeString(40) });
  choices.push({ weight: 1, arbitrary: aroundLimit(maxLength) });
  return fc.oneof(...choices);
}

/** A plausible value for one field (before any mutation). */
function valueFor(field: FieldSpec, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const { rules } = field;
  let element: fc.Arbitrary<unknown>;
  if (field.nested) element = depth > 4 ? fc.constant({}) : dtoArbitrary(field.nested, known, depth + 1);
  else if (rules.has('isBoolean')) element = fc.boolean();
  else if (rules.has('isInt') || rules.has('isNumber') || rules.has('min') || rules.has('max') || rules.has('isPositive'))
    element = numberFor(rules);
  else if (rules.has('isObject')) element = fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 4 });
  else element = stringFor(field, known);
  if (!field.isArray) return element;
  const minLength = rules.has('arrayMinSize') ? Number(rules.get('arrayMinSize')![0]) : 0;
  const max = rules.has('arrayMaxSize') ? Number(rules.get('arrayMaxSize')![0]) : 5;
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(element, { minLength, maxLength: Math.max(minLength, Math.min(max, minLength + 3)) }) },
    { weight: 1, arbitrary: fc.array(element, { minLength: 0, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: max + 1 }, () => 'x')) },
  );
}

/** A plausible instance of the DTO: required fields present, optional ones sometimes. */
export function dtoArbitrary(cls: Ctor, known: KnownValues, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(cls);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) record[field.name] = valueFor(field, known, depth);
  const requiredKeys = fields.filter((f) => !f.optional).map((f) => f.name);
  return fc.record(record, { requiredKeys });
}

export type Mutation = 'none' | 'drop-field' | 'extra-field' | 'wrong-type' | 'huge-string' | 'deep' | 'control-chars' | 'not-an-object';

/** Breaks a plausible body in one of the ways a careless or hostile client would. */
export function mutated(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<{ mutation: Mutation; body: unknown }> {
  const MUTATIONS: Mutation[] = [
    'none',
    'none',
    'drop-field',
    'extra-field',
    'wrong-type',
    'huge-string',
    'deep',
    'control-chars',
    'not-an-object',
  ];
  return fc
    .tuple(body, fc.constantFrom(...MUTATIONS), fc.nat(), anyJson, fc.integer({ min: 20, max: 40 }), fc.constantFrom(...CONTROL))
    .map(([value, mutation, pick, junk, depth, control]) => {
      const keys = Object.keys(value);
      const key = keys.length ? keys[pick % keys.length] : 'x';
      const copy: Record<string, unknown> = { ...value };
      switch (mutation) {
        case 'drop-field':
          delete copy[key];
          break;
        case 'extra-field':
          // defineProperty: an own '__proto__' key, which JSON.stringify then sends as is.
          Object.defineProperty(
            copy,
            ['__proto__', 'constructor', 'prototype', 'isAdmin', 'nominatingUnitId', 'actor', 'occurredAt'][pick % 7],
            {
              value: junk,
              enumerable: true,
              configurable: true,
              writable: true,
            },
          );
          break;
        case 'wrong-type':
          copy[key] = junk;
          break;
        case 'huge-string':
          copy[key] = 'Ư'.repeat(20_000 + (pick % 30_000));
          break;
        case 'deep':
          copy[key] = nestedValue(depth);
          break;
        case 'control-chars':
          copy[key] = `${typeof copy[key] === 'string' ? copy[key] : 'giá trị'}${control}`;
          break;
        case 'not-an-object':
          return { mutation, body: junk };
        default:
      }
      return { mutation, body: copy };
    });
}
