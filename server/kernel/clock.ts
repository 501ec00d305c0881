/**
 * The one source of "now" (API-CONTRACT.md, "Time"): cohort windows, "waiting for more than N
 * days", sessions, login throttling, audit dates and the demo data all read it, never
 * `new Date()` or PostgreSQL's `now()` directly. Tests move it (`setClock`) to run the product on
 * any date; production keeps the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

/** The current instant. */
export function now(): Date {
  return current.now();
}

/** The current instant in milliseconds. */
export function nowMs(): number {
  return current.now().getTime();
}

/** The calendar day in France (cohort windows are French calendar days), as `YYYY-MM-DD`. */
export function todayInParis(at: Date = now()): string {
  return PARIS_DAY.format(at);
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Replaces the clock for this process (tests, demos); returns a function that restores the previous one. */
export function setClock(clock: Clock): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}

/** A clock that runs at the system's pace, shifted by `offsetMs` (e.g. a year ahead). */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}
