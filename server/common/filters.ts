import type { Dictionary } from '@mikro-orm/core';
import { badInput } from '../kernel/errors';
import { assertUuid, assertUuids } from './validation';

/** Builds an ORM condition from filter parts, dropping the empty ones (AND of the rest). */
export function allOf(...parts: Array<Dictionary | undefined | false>): Dictionary {
  const kept = parts.filter((p): p is Dictionary => !!p && Object.keys(p).length > 0);
  if (kept.length === 0) return {};
  if (kept.length === 1) return kept[0];
  return { $and: kept };
}

export function idsCondition(ids: string[] | undefined): Dictionary | undefined {
  return ids ? { id: { $in: assertUuids(ids) } } : undefined;
}

/** `{ relation: id }` for a `<relation>Id` filter argument, validating the id. */
export function refCondition(relation: string, id: string | undefined, field: string): Dictionary | undefined {
  return id ? { [relation]: assertUuid(id, field) } : undefined;
}

/** Names, e-mails and codes are short: a longer search is a mistake or an attack on the planner. */
export const MAX_SEARCH_LENGTH = 100;

/** `text` as a literal in a LIKE pattern (its `%`, `_` and `\\` escaped). */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "contains `q`" (wildcards in `q` match themselves), or undefined for an empty `q`. */
export function containsPattern(q: string | undefined): string | undefined {
  const text = q?.trim();
  if (text && text.length > MAX_SEARCH_LENGTH) throw badInput(`La recherche ne doit pas dépasser ${MAX_SEARCH_LENGTH} caractères.`, 'q');
  return text ? `%${likeLiteral(text)}%` : undefined;
}

/** Case-insensitive "contains" over several text columns. */
export function textSearch(q: string | undefined, columns: string[]): Dictionary | undefined {
  const pattern = containsPattern(q);
  return pattern ? { $or: columns.map((c) => ({ [c]: { $ilike: pattern } })) } : undefined;
}
