import {
  ArrayMaxSize,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { isCalendarDate, isCalendarDateOrTime } from './calendar';
import { forbiddenCharacter, TextKind } from './characters';
import { INPUT_LIMITS } from './limits';

/**
 * Shared input decorators: each one is the whole rule for a kind of field (type, length, characters,
 * calendar), so DTOs say what a field is (`@IsId()`, `@IsLine()`, `@IsText()`, `@IsCalendarDate()`,
 * `@IsYear()`) instead of restating the rule. Messages are Vietnamese: they reach people.
 * Names of the custom constraints are read by the schema generators (libs/contracts/src/schema).
 */

export interface EachOption {
  /** The property is a list of such values. */
  each?: boolean;
}

type Decorator = (target: object, propertyName: string) => void;

function all(...decorators: PropertyDecorator[]): Decorator {
  return (target, propertyName) => decorators.forEach((d) => d(target, propertyName));
}

const KIND_WORD: Record<TextKind, string> = { id: 'mã', line: 'dòng chữ', text: 'văn bản' };
const KIND_RULE: Record<TextKind, string> = {
  id: 'không được chứa khoảng trắng, ký tự điều khiển (NUL, ESC...), ký tự định dạng hay ký tự đảo chiều văn bản',
  line: 'không được chứa ký tự điều khiển (NUL, ESC, xuống dòng...) hay ký tự đảo chiều văn bản',
  text: 'không được chứa ký tự điều khiển (NUL, ESC...) hay ký tự đảo chiều văn bản (chỉ cho phép tab và xuống dòng)',
};

/** The constraint names below; the schema generators map them to JSON Schema. */
export const CONSTRAINTS = {
  safeId: 'isSafeId',
  safeLine: 'isSafeLine',
  safeText: 'isSafeText',
  calendarDate: 'isCalendarDate',
  calendarDateOrTime: 'isCalendarDateOrTime',
} as const;

function safeCharacters(kind: TextKind, options: ValidationOptions): PropertyDecorator {
  const name = kind === 'id' ? CONSTRAINTS.safeId : kind === 'line' ? CONSTRAINTS.safeLine : CONSTRAINTS.safeText;
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || forbiddenCharacter(value, kind) === undefined,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const where = typeof value === 'string' ? forbiddenCharacter(value, kind) : undefined;
          return `${args?.property}: ${KIND_WORD[kind]} ${KIND_RULE[kind]}${where ? ` (gặp ${where})` : ''}`;
        },
      },
    });
}

function lengthRule(kind: TextKind, max: number, each: boolean | undefined): PropertyDecorator[] {
  const opts = { each };
  return [
    IsString({ ...opts, message: (a: ValidationArguments) => `${a.property}: phải là chuỗi ký tự` }),
    IsNotEmpty({ ...opts, message: (a: ValidationArguments) => `${a.property}: không được để trống` }),
    MaxLength(max, { ...opts, message: (a: ValidationArguments) => `${a.property}: tối đa ${max} ký tự` }),
    safeCharacters(kind, opts),
  ];
}

/** An id or code: non-empty, at most 128 characters, no whitespace, control, format or bidi character. */
export function IsId(options: EachOption & { maxLength?: number } = {}): Decorator {
  return all(...lengthRule('id', options.maxLength ?? INPUT_LIMITS.idMaxLength, options.each));
}

/** A slug id (`vn-hcm-binh-chanh`): lower-case letters and digits in dash-separated words, at most 128. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export function IsSlug(options: EachOption = {}): Decorator {
  return all(
    ...lengthRule('id', INPUT_LIMITS.idMaxLength, options.each),
    Matches(SLUG_PATTERN, {
      each: options.each,
      message: (a: ValidationArguments) => `${a.property}: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (vd. ha-nam-2026)`,
    }),
  );
}

/** One line of text (name, title, label, document number): non-empty, at most 500 characters, no controls. */
export function IsLine(options: EachOption & { maxLength?: number } = {}): Decorator {
  return all(...lengthRule('line', options.maxLength ?? INPUT_LIMITS.lineMaxLength, options.each));
}

/**
 * Multi-line free text (summary, narrative, reason, note, comment): at most 20,000 characters; tab and
 * line breaks allowed, other controls and bidi overrides refused. `allowEmpty` for texts that may be ''.
 */
export function IsText(options: EachOption & { maxLength?: number; allowEmpty?: boolean } = {}): Decorator {
  const rules = lengthRule('text', options.maxLength ?? INPUT_LIMITS.textMaxLength, options.each);
  return all(...(options.allowEmpty ? rules.filter((_, i) => i !== 1) : rules));
}

function calendar(name: string, test: (v: unknown) => boolean, what: string, options: EachOption): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { each: options.each },
      validator: {
        validate: test,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property}: phải là ${what} có thật (năm ${INPUT_LIMITS.minYear}-${INPUT_LIMITS.maxYear}; vd. 2024-02-30 không tồn tại)`,
      },
    });
}

/** `YYYY-MM-DD` naming a real day (2024-02-30 is refused, not rolled to March). */
export function IsCalendarDate(options: EachOption = {}): Decorator {
  return all(calendar(CONSTRAINTS.calendarDate, isCalendarDate, 'ngày dạng YYYY-MM-DD', options));
}

/** A real calendar date `YYYY-MM-DD`, or an ISO-8601 date-time on a real day (`2026-08-15T09:30:00+07:00`). */
export function IsCalendarDateOrTime(options: EachOption = {}): Decorator {
  return all(calendar(CONSTRAINTS.calendarDateOrTime, isCalendarDateOrTime, 'ngày YYYY-MM-DD hoặc thời điểm ISO-8601', options));
}

/** A year between 1945 and 2100. */
export function IsYear(options: EachOption = {}): Decorator {
  const { minYear, maxYear } = INPUT_LIMITS;
  const message = (a: ValidationArguments) => `${a.property}: năm phải là số nguyên từ ${minYear} đến ${maxYear}`;
  // IsInt last: the schema generators merge constraints in order, and Min/Max alone would say 'number'.
  return all(
    Min(minYear, { each: options.each, message }),
    Max(maxYear, { each: options.each, message }),
    IsInt({ each: options.each, message }),
  );
}

/** A list of at most `max` (default 200) elements. */
export function MaxItems(max: number = INPUT_LIMITS.listMaxItems): Decorator {
  return all(ArrayMaxSize(max, { message: (a: ValidationArguments) => `${a.property}: tối đa ${max} phần tử` }));
}
