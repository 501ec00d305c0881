const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

/**
 * French typography for a whole catalogue, so that no message has to be typed with invisible
 * characters: curly apostrophes, a no-break space inside « » and before « : », a narrow one
 * before « ? ! ; ». Placeholders (%{name}) and plural separators (||||) are left as they are.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/«\s*/g, `«${NBSP}`)
    .replace(/\s*»/g, `${NBSP}»`)
    .replace(/\s+:(?=\s|$)/g, `${NBSP}:`)
    .replace(/\s+([?!;])/g, `${NARROW_NBSP}$1`);
}

/** The same over a message catalogue (nested objects of strings, polyglot's shape). */
export function withFrenchTypography<T extends object>(catalogue: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    out[key] = typeof value === 'string' ? frenchTypography(value) : value && typeof value === 'object' ? withFrenchTypography(value as object) : value;
  }
  return out as T;
}
