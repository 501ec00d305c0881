import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterPostgres } from 'rate-limiter-flexible';

/** The table rate-limiter-flexible counts in (created by a migration; not an ORM entity). */
export const LOGIN_THROTTLE_TABLE = 'login_throttle';

/** Failed attempts allowed per window, and the window (also the block once exceeded). */
export const LOGIN_LIMITS = {
  /** Per account, from browsers it does not know. */
  account: 10,
  /** Per account and trusted browser: a colleague locking the account does not lock its owner out. */
  device: 10,
  /** Per client address (a whole prefecture may share one). */
  ip: 100,
  windowSeconds: 15 * 60,
} as const;

export interface LoginLimiters {
  account: RateLimiterPostgres;
  device: RateLimiterPostgres;
  ip: RateLimiterPostgres;
}

const byKnex = new WeakMap<object, LoginLimiters>();

/**
 * The login counters, in PostgreSQL through the ORM's pool so they hold across instances.
 * Each attempt is an atomic upsert (`insert … on conflict do update … returning`): 40 parallel
 * attempts on one account pass exactly as many password checks as the limit allows.
 */
export function loginLimiters(em: EntityManager): LoginLimiters {
  const knex = em.getConnection().getKnex();
  let limiters = byKnex.get(knex);
  if (!limiters) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: knex,
        storeType: 'knex',
        tableName: LOGIN_THROTTLE_TABLE,
        tableCreated: true,
        // Expired rows are overwritten by the next attempt on their key; no timer per instance.
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration: LOGIN_LIMITS.windowSeconds,
        blockDuration: LOGIN_LIMITS.windowSeconds,
      });
    limiters = { account: limiter('account', LOGIN_LIMITS.account), device: limiter('device', LOGIN_LIMITS.device), ip: limiter('ip', LOGIN_LIMITS.ip) };
    byKnex.set(knex, limiters);
  }
  return limiters;
}
