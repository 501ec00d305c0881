import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrentUser } from '../kernel/current-user';
import { SCOPE_FILTER, type ScopeParams } from './rules';

/** Binds a signed-in user (and its territory) to an EntityManager, which scopes every read from then on. */
export function bindUser(em: EntityManager, user: CurrentUser): void {
  em.setFilterParams(SCOPE_FILTER, { principal: { kind: 'user', user } } satisfies ScopeParams);
}

/** The principal bound to `em`, if any (what the scoped query builder applies). */
export function principalOf(em: EntityManager): ScopeParams | undefined {
  return em.getFilterParams<ScopeParams>(SCOPE_FILTER);
}
