import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/request-context';

/**
 * One unit of work in one transaction, on the request's scoped EntityManager. The fork starts
 * with an empty identity map (`clear`): each transaction reloads and locks what it changes, and a
 * bulk action does not copy a growing identity map into each of its 1,000 transactions.
 */
export function inTransaction<T>(ctx: RequestContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return ctx.em.transactional(work, { clear: true });
}
