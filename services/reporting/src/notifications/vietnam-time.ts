/** Vietnam keeps UTC+7 all year (no daylight saving): the calendar day and hour a person lives in. */
const OFFSET_MS = 7 * 3600_000;

const local = (at: Date) => new Date(at.getTime() + OFFSET_MS);

/** YYYY-MM-DD in Vietnam. */
export const vietnamDay = (at: Date): string => local(at).toISOString().slice(0, 10);
export const vietnamHour = (at: Date): number => local(at).getUTCHours();

/** dd/MM/yyyy HH:mm in Vietnam (the glossary's formats). */
export function vietnamDateTime(iso: string): string {
  const d = local(new Date(iso)).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

export function vietnamDate(dayOrIso: string): string {
  const d = dayOrIso.length === 10 ? dayOrIso : local(new Date(dayOrIso)).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
