import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { SCOPE_FILTER, type ScopeParams } from './rules';

/**
 * The one escape hatch: system work that no signed-in user does (delivering e-mails, checking a
 * login's credentials, sweeping jobs) runs with every row visible, on a fork of `em` whose
 * principal is the system, and says why in the log. There is no other way to turn the scope off
 * (lint forbids filter switches outside `server/scope/`).
 */
export async function unscoped<T>(source: { em: EntityManager; logger: Logger }, reason: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  // keepTransactionContext: inside a transaction, the system's reads see (and lock within) it.
  const em = source.em.fork({ clear: true, keepTransactionContext: true });
  em.setFilterParams(SCOPE_FILTER, { principal: { kind: 'system', reason } } satisfies ScopeParams);
  source.logger.debug({ scope: 'unscoped', reason }, 'accès hors périmètre pour le système');
  return work(em);
}
