/** Dates as French users read them in files: Europe/Paris wall time, sortable (`2026-11-01 14:05`). */
const PARIS_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A timestamp (a Date, or PostgreSQL's text form) as Paris wall time to the minute; '' for null. */
export function parisMinute(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : PARIS_MINUTE.format(date);
}
