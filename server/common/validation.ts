import { badInput } from '../kernel/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Client-supplied ids must be UUIDs; anything else is a clear input error, never a SQL error. */
export function assertUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badInput(`L’identifiant « ${value.slice(0, 60)} » (${field}) n’est pas valide.`, field);
  return value.toLowerCase();
}

export function assertUuids(values: readonly string[], field = 'ids'): string[] {
  return values.map((v) => assertUuid(v, field));
}

