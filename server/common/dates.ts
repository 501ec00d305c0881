/** Dates as French users read them in files: Europe/Paris wall time, sortable (`2026-11-01 14:05`). */
const PARIS_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Paris's offset from UTC, in minutes, per UTC hour (it only changes on the hour): one Intl call per hour met. */
const offsets = new Map<number, number>();
function parisOffsetMinutes(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const name = PARIS_OFFSET.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * A timestamp (a Date, or PostgreSQL's text form) as Paris wall time to the minute; '' for null.
 * Exports write two per row for hundreds of thousands of rows: this costs one `Date` parse and
 * a string slice per value, Intl being asked once per distinct hour.
 */
export function parisMinute(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + parisOffsetMinutes(ms) * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/**
 * The instant a Paris calendar day (`YYYY-MM-DD`) begins. At 00:00 UTC Paris is already past its
 * midnight and, even on a change of time (at 01:00 UTC), still on the offset its midnight had.
 */
export function parisMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - parisOffsetMinutes(utcMidnight) * 60_000);
}

/** The Paris calendar day `days` after `day` (negative: before), as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
