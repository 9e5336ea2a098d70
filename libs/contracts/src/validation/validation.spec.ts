import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { isCalendarDate, isCalendarDateOrTime } from './calendar';
import { forbiddenCharacter } from './characters';
import { IsCalendarDate, IsCalendarDateOrTime, IsId, IsLine, IsSlug, IsText, IsYear, MaxItems } from './decorators';
import { INPUT_LIMITS } from './limits';

class Sample {
  @IsId() id!: string;
  @IsSlug() slug!: string;
  @IsLine() title!: string;
  @IsOptional() @IsText({ allowEmpty: true }) summary?: string;
  @IsCalendarDate() on!: string;
  @IsCalendarDateOrTime() at!: string;
  @IsYear() year!: number;
  @IsId({ each: true }) @MaxItems(3) ids!: string[];
}

const valid: Sample = {
  id: 'vn-hcm-binh-chanh/2024@province',
  slug: 'ha-nam-2026',
  title: 'Giải pháp số hoá hồ sơ — “Một cửa” 🇻🇳',
  summary: 'Dòng một\n\tDòng hai\r\n',
  on: '2024-02-29',
  at: '2026-08-15T09:30:00+07:00',
  year: 2026,
  ids: ['a', 'b'],
};

function errorsOf(patch: Partial<Record<keyof Sample, unknown>>): Record<string, string[]> {
  const errors = validateSync(plainToInstance(Sample, { ...valid, ...patch }));
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('shared input decorators', () => {
  it('accept a clean sample, Vietnamese and emoji included', () => {
    expect(errorsOf({})).toEqual({});
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'a\u202eb'],
    ['a left-to-right isolate', 'a\u2066b'],
    ['a right-to-left mark', 'a\u200fb'],
    ['a zero-width space', 'a\u200bb'],
    ['a BOM', '\ufeffab'],
    ['a space', 'a b'],
    ['a newline', 'a\nb'],
    ['a lone surrogate', 'a\ud800b'],
  ])('refuse %s in an id', (_what, id) => {
    expect(errorsOf({ id })).toHaveProperty('id');
    expect(errorsOf({ ids: ['ok', id] })).toHaveProperty('ids');
  });

  it('name the refused character in Vietnamese', () => {
    expect(errorsOf({ id: 'a\u0000b' }).id.join(' ')).toContain('không được chứa');
    expect(errorsOf({ id: 'a\u0000b' }).id.join(' ')).toContain('U+0000');
    expect(errorsOf({ title: 'x\u202ey' }).title.join(' ')).toContain('U+202E');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', '\u001b[31mđỏ'],
    ['a newline', 'dòng\nhai'],
    ['a tab', 'a\tb'],
    ['a right-to-left override', 'gpj.\u202eexe'],
    ['a pop directional formatting', 'a\u202cb'],
    ['a line separator', 'a\u2028b'],
  ])('refuse %s in one-line text', (_what, title) => {
    expect(errorsOf({ title })).toHaveProperty('title');
  });

  it('allow tab and line breaks in free text, refuse other controls and bidi overrides', () => {
    expect(errorsOf({ summary: 'a\tb\nc\r\nd' })).toEqual({});
    expect(errorsOf({ summary: '' })).toEqual({});
    expect(errorsOf({ summary: 'a\u0000b' })).toHaveProperty('summary');
    expect(errorsOf({ summary: 'a\u000bb' })).toHaveProperty('summary');
    expect(errorsOf({ summary: 'a\u202eb' })).toHaveProperty('summary');
  });

  it('limit lengths: ids 128, lines 500, text 20,000, lists 200 by default', () => {
    expect(errorsOf({ id: 'a'.repeat(INPUT_LIMITS.idMaxLength) })).toEqual({});
    expect(errorsOf({ id: 'a'.repeat(INPUT_LIMITS.idMaxLength + 1) })).toHaveProperty('id');
    expect(errorsOf({ title: 'ă'.repeat(INPUT_LIMITS.lineMaxLength) })).toEqual({});
    expect(errorsOf({ title: 'ă'.repeat(INPUT_LIMITS.lineMaxLength + 1) })).toHaveProperty('title');
    expect(errorsOf({ summary: 'x'.repeat(INPUT_LIMITS.textMaxLength + 1) })).toHaveProperty('summary');
    expect(errorsOf({ ids: ['a', 'b', 'c', 'd'] }).ids.join(' ')).toContain('tối đa 3');
  });

  it('refuse empty ids and lines, non-strings, and slugs out of shape', () => {
    expect(errorsOf({ id: '' })).toHaveProperty('id');
    expect(errorsOf({ title: '' })).toHaveProperty('title');
    expect(errorsOf({ id: 42 })).toHaveProperty('id');
    expect(errorsOf({ slug: 'Hà-Nam' })).toHaveProperty('slug');
    expect(errorsOf({ slug: 'ha--nam' })).toHaveProperty('slug');
  });

  it.each([
    '2024-02-30',
    '2025-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '1900-02-29',
    '24-01-01',
    '2024-1-5',
    '1944-12-31',
    '2101-01-01',
    '2024-02-28T24:00',
    '2024-02-28T10:60',
    '2024-02-28T10:00:61Z',
    '2024-02-28T10:00+15:00',
    ' 2024-02-28',
    'tomorrow',
    '',
  ])('refuse %j as a date or date-time', (date) => {
    expect(isCalendarDateOrTime(date)).toBe(false);
    expect(errorsOf({ at: date })).toHaveProperty('at');
  });

  it('refuse date-times where only a calendar date is meant', () => {
    expect(isCalendarDate('2024-02-29T10:00:00Z')).toBe(false);
    expect(errorsOf({ on: '2024-02-29T10:00:00Z' })).toHaveProperty('on');
    expect(errorsOf({ on: '2025-02-29' }).on.join(' ')).toContain('có thật');
  });

  it.each([
    '2024-02-29',
    '2000-02-29',
    '2024-04-30',
    '2024-12-31',
    '2026-08-15T09:30',
    '2026-08-15T09:30:59.123Z',
    '2026-08-15T23:59:59-05:00',
  ])('accept %s', (date) => {
    expect(isCalendarDateOrTime(date)).toBe(true);
  });

  it('keep years between 1945 and 2100, integers only', () => {
    expect(errorsOf({ year: 1945 })).toEqual({});
    expect(errorsOf({ year: 2100 })).toEqual({});
    expect(errorsOf({ year: 1944 })).toHaveProperty('year');
    expect(errorsOf({ year: 2101 })).toHaveProperty('year');
    expect(errorsOf({ year: 2026.5 })).toHaveProperty('year');
    expect(errorsOf({ year: 1e21 })).toHaveProperty('year');
  });

  it('report the first forbidden character as a code point', () => {
    expect(forbiddenCharacter('ok', 'id')).toBeUndefined();
    expect(forbiddenCharacter('Trần Thị Ánh', 'line')).toBeUndefined();
    expect(forbiddenCharacter('a\u202eb', 'text')).toBe('U+202E');
    expect(forbiddenCharacter('a\udc00', 'line')).toBe('U+DC00');
  });
});
