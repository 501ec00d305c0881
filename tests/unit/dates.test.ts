import { describe, expect, it } from 'vitest';
import { addDays, parisMidnight, parisMinute } from '../../server/common/dates';

/** Exported files show Paris wall time, across the daylight-saving changes, whatever the server's zone. */
describe('parisMinute', () => {
  it('agrees with Intl’s Europe/Paris time on every sampled minute from 2024 to 2031', () => {
    const reference = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 37 * 60_000 + 11_000) {
      const at = new Date(t);
      if (parisMinute(at) !== reference.format(at)) mismatches.push(at.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('reads PostgreSQL’s text form and the hours around the changes of 2026', () => {
    expect(parisMinute('2026-11-01 13:04:05.123+00')).toBe('2026-11-01 14:04');
    expect(parisMinute('2026-07-01 22:30:00+00')).toBe('2026-07-02 00:30');
    // 29 March 2026: 01:59 UTC is 03:59 in Paris (summer time began at 01:00 UTC).
    expect(parisMinute(new Date(Date.UTC(2026, 2, 29, 0, 59)))).toBe('2026-03-29 01:59');
    expect(parisMinute(new Date(Date.UTC(2026, 2, 29, 1, 0)))).toBe('2026-03-29 03:00');
    // 25 October 2026: 00:59 UTC is 02:59 (summer), 01:00 UTC is 02:00 (winter).
    expect(parisMinute(new Date(Date.UTC(2026, 9, 25, 0, 59)))).toBe('2026-10-25 02:59');
    expect(parisMinute(new Date(Date.UTC(2026, 9, 25, 1, 0)))).toBe('2026-10-25 02:00');
    expect(parisMinute(null)).toBe('');
    expect(parisMinute('not a date')).toBe('');
  });
});

/** The dashboard's « decisions per day » window starts at a Paris midnight, changes of time included. */
describe('parisMidnight', () => {
  it('is 00:00 in Paris of that day, and the minute before is the day before, every day from 2024 to 2031', () => {
    const paris = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const wrong: string[] = [];
    for (let day = '2024-01-01'; day < '2031-01-01'; day = addDays(day, 1)) {
      const midnight = parisMidnight(day);
      if (paris.format(midnight) !== `${day} 00:00` || paris.format(new Date(midnight.getTime() - 60_000)) !== `${addDays(day, -1)} 23:59`) wrong.push(day);
    }
    expect(wrong).toEqual([]);
    expect(parisMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
