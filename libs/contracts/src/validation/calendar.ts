import { INPUT_LIMITS } from './limits';

/**
 * Strict ISO-8601 dates for request bodies and queries. A date is `YYYY-MM-DD`; a date-time adds
 * `THH:mm[:ss[.fraction]]` and an optional `Z` or `±HH:mm` offset. The day must exist in its month
 * (2024-02-30, 2025-02-29 and 2024-04-31 are refused, never rolled forward), hours 00-23, minutes and
 * seconds 00-59, offsets up to ±14:00, and the year within INPUT_LIMITS.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= INPUT_LIMITS.minYear && year <= INPUT_LIMITS.maxYear;
}

function realDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return isYearInRange(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return !!m && realDay(m[1], m[2], m[3]);
}

/** A calendar date, or a date-time on a day that exists at a valid time of day. */
export function isCalendarDateOrTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isCalendarDate(value)) return true;
  const m = DATE_TIME.exec(value);
  if (!m || !realDay(m[1], m[2], m[3])) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return true;
}
