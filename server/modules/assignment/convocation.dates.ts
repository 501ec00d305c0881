/**
 * Dates and times as a French convocation writes them ("lundi 15 février 2027", "8 h 30").
 * Instants are shown in Europe/Paris wall time whatever the server's zone; calendar dates
 * (`YYYY-MM-DD`: birth dates, stay dates) have no zone at all and are never shifted.
 */

const NBSP = '\u00a0';

// Intl only supplies the French words (weekday, month) and Paris's wall clock: the spacing is
// rebuilt from the parts, so an ICU update that changes its literals cannot change a document.
const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});
// A calendar date is formatted as the UTC midnight of that day, read back in UTC: no shift.
const CALENDAR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

interface DateParts {
  weekday: string;
  day: number;
  month: string;
  year: string;
  hour: number;
  minute: string;
}

function parts(format: Intl.DateTimeFormat, at: Date): DateParts {
  const found: Record<string, string> = {};
  for (const part of format.formatToParts(at)) found[part.type] = part.value;
  return {
    weekday: found.weekday ?? '',
    day: Number(found.day),
    month: found.month ?? '',
    year: found.year ?? '',
    hour: Number(found.hour ?? 0),
    minute: found.minute ?? '00',
  };
}

/** A `YYYY-MM-DD` string as the UTC midnight of that day; throws on anything else (a typo must not print a wrong date). */
function calendarDay(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const at = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !at || at.toISOString().slice(0, 10) !== iso) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  return at;
}

/** French writes the first of the month as an ordinal: « 1er mars ». */
function dayNumber(day: number): string {
  return day === 1 ? '1er' : String(day);
}

function words(p: DateParts, options: { weekday?: boolean; year?: boolean }): string {
  const date = `${dayNumber(p.day)}${NBSP}${p.month}${options.year === false ? '' : ` ${p.year}`}`;
  return options.weekday ? `${p.weekday} ${date}` : date;
}

/** `2011-05-03` → `03/05/2011` (JJ/MM/AAAA). */
export function frenchNumericDate(iso: string): string {
  calendarDay(iso);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `2027-02-15` → `15 février 2027`, or `lundi 15 février 2027` with the weekday. */
export function frenchCalendarDate(iso: string, options: { weekday?: boolean } = {}): string {
  return words(parts(CALENDAR, calendarDay(iso)), options);
}

/** A stay: `du 15 février au 27 février 2027`, with both years when it spans New Year. */
export function frenchStayDates(startIso: string, endIso: string): string {
  const start = parts(CALENDAR, calendarDay(startIso));
  const end = parts(CALENDAR, calendarDay(endIso));
  return `du ${words(start, { year: start.year !== end.year })} au ${words(end, {})}`;
}

/** The Paris calendar day of an instant: `lundi 15 février 2027`. */
export function frenchParisDate(at: Date, options: { weekday?: boolean } = {}): string {
  return words(parts(PARIS, at), options);
}

/** The Paris wall-clock time of an instant, as French administrative texts write it: `8 h 30`. */
export function frenchParisTime(at: Date): string {
  const p = parts(PARIS, at);
  return `${p.hour}${NBSP}h${NBSP}${p.minute}`;
}
