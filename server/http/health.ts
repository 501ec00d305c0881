import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { databaseReachable } from '../database/database';

/** `GET /healthz`: 200 while the process runs (a liveness probe: restarting would not help a database outage). */
export function healthRoute(): RequestHandler {
  return (_req, res) => {
    res.json({ status: 'ok' });
  };
}

/**
 * `GET /readyz`: 200 when this instance should receive requests: its database answers, no
 * migration is pending and it is not shutting down; 503 otherwise, with the reason.
 */
export function readinessRoute(orm: MikroORM, draining: () => boolean): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (draining()) return void res.status(503).json({ status: 'stopping' });
    if (!(await databaseReachable(orm))) return void res.status(503).json({ status: 'database-unreachable' });
    try {
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) return void res.status(503).json({ status: 'migrations-pending', pending: pending.length });
    } catch {
      return void res.status(503).json({ status: 'database-unreachable' });
    }
    res.json({ status: 'ready' });
  };
}
