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

/** Longer than any text the product stores (notes and messages stop at 2,000 characters). */
export const MAX_STRING_LENGTH = 10_000;
/** C0 controls and DEL, except tab, line feed and carriage return: PostgreSQL refuses NUL, none belongs in a form. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first problem with a text sent by the client, in French, or null. */
export function textProblem(value: string): string | null {
  if (value.length > MAX_STRING_LENGTH) return `Un texte envoyé dépasse ${MAX_STRING_LENGTH.toLocaleString('fr-FR')} caractères : raccourcissez-le.`;
  if (CONTROL_CHARACTER.test(value)) return 'Un texte envoyé contient un caractère de contrôle (par exemple un octet nul) : retirez-le puis recommencez.';
  return null;
}

/** Every string inside a JSON value (variables, a download's filter). */
export function firstTextProblem(value: unknown): string | null {
  if (typeof value === 'string') return textProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = firstTextProblem(item);
      if (problem) return problem;
    }
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const problem = firstTextProblem(item);
      if (problem) return problem;
    }
  }
  return null;
}
