import { badInput, conflict } from '../kernel/errors';

/** A required text, trimmed: BAD_USER_INPUT with the field's French label when empty or too long. */
export function requiredText(value: string | null | undefined, field: string, label: string, max = 2000): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(`${label} est obligatoire.`, field);
  if (text.length > max) throw badInput(`${label} ne doit pas dépasser ${max} caractères.`, field);
  return text;
}

/** An optional text, trimmed; null when empty. */
export function optionalText(value: string | null | undefined, field: string, label: string, max = 2000): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw badInput(`${label} ne doit pas dépasser ${max} caractères.`, field);
  return text || null;
}

/** An integer within [min, max], or BAD_USER_INPUT saying the bounds. */
export function integerIn(value: number, min: number, max: number, field: string, label: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${label} doit être un nombre entier entre ${min} et ${max} (reçu ${value}).`, field);
  }
  return value;
}

/** A French postal code (5 digits, Corsica's 20xxx included). */
export function postalCode(value: string, field = 'zip'): string {
  const zip = value?.trim() ?? '';
  if (!/^\d{5}$/.test(zip)) throw badInput(`Le code postal doit comporter 5 chiffres (reçu « ${zip.slice(0, 20)} »).`, field);
  return zip;
}

/** CONFLICT when the client edited an older version of the record. */
export function assertVersion(record: { version: number }, version: number | null | undefined, subject?: string): void {
  if (version !== undefined && version !== null && version !== record.version) throw conflict(subject);
}

/** Old → new of the given fields, for the audit trail (relations as their ids). */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { old: unknown; new: unknown }> {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after)) {
    const [a, b] = [before[key], after[key]];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { old: a ?? null, new: b ?? null };
  }
  return changes;
}

/** A calendar day `AAAA-MM-JJ` that exists (no 31 February), or BAD_USER_INPUT with the field's label. */
export function calendarDate(value: string | null | undefined, field: string, label: string): string {
  const text = value?.trim() ?? '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== text) throw badInput(`${label} doit être une date du calendrier au format AAAA-MM-JJ (reçu « ${text.slice(0, 20)} »).`, field);
  return text;
}

/** `2026-06-15` → `15/06/2026`, for messages. */
export const frenchDay = (isoDay: string): string => isoDay.split('-').reverse().join('/');
