import { Filter, type Dictionary } from '@mikro-orm/core';
import { Role } from '../auth/roles';

/** Name of the MikroORM filter that restricts every read of a scoped entity to the current user's scope. */
export const SCOPE_FILTER = 'scope';

/** What the scope filter needs to know of the signed-in user, resolved once per request. */
export interface ScopeUser {
  id: string;
  role: Role;
  regionId: string | null;
  /** Departments in scope: the referent's own, or every department of the region. */
  departmentIds: string[];
  /** For heads of centre: the sessions they head, and those sessions' centres. */
  sessionIds: string[];
  centerIds: string[];
}

export interface ScopeParams {
  user: ScopeUser;
}

/** A condition that matches no row: primary keys are never null. */
export const NOTHING = { id: null } as const;

export class ScopeNotSetError extends Error {
  constructor() {
    super('Scope filter used without a user: set it through the request context (fails closed).');
  }
}

/**
 * Each scoped entity declares once, in its rule, how a non-admin user reaches it.
 * Admins see everything. Anything the rule does not grant is invisible.
 */
export type ScopeRule = (user: ScopeUser) => Dictionary;

export function scopeCondition(rule: ScopeRule, params: ScopeParams | undefined): Dictionary {
  const user = params?.user;
  if (!user || !user.role) throw new ScopeNotSetError();
  if (user.role === Role.ADMIN) return {};
  return rule(user);
}

/**
 * Class decorator: registers the `scope` filter on an entity, on by default.
 * The condition takes an argument, so MikroORM refuses to run a query when no user was set.
 */
export function Scoped(rule: ScopeRule): ClassDecorator {
  return Filter({
    name: SCOPE_FILTER,
    default: true,
    cond: (params: ScopeParams | undefined) => scopeCondition(rule, params),
  });
}
