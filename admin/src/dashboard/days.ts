/** `YYYY-MM-DD` plus `n` calendar days (arithmetic in UTC: no time zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
