import { type EntityClass, type FilterQuery, LockMode, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrentUser } from '../kernel/current-user';
import { notFound } from '../kernel/errors';
import type { RefLike } from '../kernel/request-context';
import { SCOPE_FILTER } from './rules';

/**
 * How a write decides. Filters do not guard `create`, `persist` or `getReference`, so:
 * - every id a client sends is loaded through the scoped EntityManager (`findInScope`): out of
 *   scope answers exactly like a missing record;
 * - creating a record in a department, or moving one there, goes through `assertInTerritory`;
 * - a cross-territory record reached from a loaded, in-scope record (the session a Paris
 *   volunteer is placed in, in 92) is read through `followRelation`, never by a client's id.
 */

/** `id` loaded through the scope (optionally locked), or NOT_FOUND with the record's French label. */
export async function findInScope<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  options: { label: string; lockMode?: LockMode },
): Promise<T> {
  const found = await em.findOne(entity, { id } as FilterQuery<T>, options.lockMode ? { lockMode: options.lockMode } : {});
  if (!found) throw notFound(options.label);
  return found;
}

/**
 * NOT_FOUND (as for a department that does not exist) unless `departmentId` is in the user's
 * territory: national staff everywhere, regional managers their region's departments, referents
 * their own. Heads of centre and visitors hold no department.
 */
export function assertInTerritory(user: Pick<CurrentUser, 'territory'>, departmentId: string, label = 'Ce département'): void {
  if (user.territory.national) return;
  if (!user.territory.departmentIds.includes(departmentId)) throw notFound(label);
}

/**
 * The target of a to-one relation of `parent`, a record the caller loaded through the scope:
 * readable (and lockable) even when it lies outside the user's territory, e.g. the session to
 * give a place back to when a Paris volunteer placed in 92 withdraws. Only ids read from a loaded
 * record reach it, never a client's.
 */
export async function followRelation<P extends object, K extends keyof P & string, T extends object>(
  em: EntityManager,
  parent: P,
  relation: K,
  entity: EntityClass<T>,
  options: { lockMode?: LockMode } = {},
): Promise<T | null> {
  const ref = parent[relation] as unknown as RefLike | null | undefined;
  if (!ref) return null;
  return em.findOne(entity, { id: ref.id } as FilterQuery<T>, { lockMode: options.lockMode, filters: { [SCOPE_FILTER]: false } });
}

/**
 * How many `entity` rows reference `parent` through `foreignKey`, whatever their own scope: a
 * capacity check on an in-scope session must count every volunteer placed there, including those
 * of other regions the user may not read (it learns a number, never a record).
 */
export function countReferencing<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  parent: { id: string },
  narrowedBy: FilterQuery<T> = {} as FilterQuery<T>,
): Promise<number> {
  return em.count(entity, { $and: [{ [foreignKey]: parent.id }, narrowedBy] } as FilterQuery<T>, { filters: { [SCOPE_FILTER]: false } });
}

/**
 * The rows of `entity` that reference `parent` through `foreignKey`, whatever their own scope,
 * where `parent` is a record followed from an in-scope one: the stop of the line a Paris
 * volunteer rides to a centre in 92, for its convocation. Never for a client-supplied id.
 */
export function findReferencing<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  parent: { id: string },
  narrowedBy: FilterQuery<T> = {} as FilterQuery<T>,
): Promise<T[]> {
  return em.find(entity, { $and: [{ [foreignKey]: parent.id }, narrowedBy] } as FilterQuery<T>, { filters: { [SCOPE_FILTER]: false } });
}

/**
 * Locks rows of `entity` (`FOR UPDATE`, in id order) and reloads them, whatever their scope: only
 * for ids already loaded through the scope or followed from in-scope records. Writes that lock
 * several sessions (a move gives one place back and takes another) take them through this one
 * order, so two opposite moves wait for each other instead of deadlocking.
 */
export async function lockInIdOrder<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, ids: Iterable<string>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  const rows = await em.find(entity, { id: { $in: unique } } as unknown as FilterQuery<T>, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    orderBy: { id: 'asc' } as QueryOrderMap<T>,
    refresh: true,
    filters: { [SCOPE_FILTER]: false },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
