import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { databaseReachable } from '../database/database';

/** `GET /healthz`: 200 while the process runs and its database answers, 503 otherwise. */
export function healthRoute(orm: MikroORM): RequestHandler {
  return async (_req, res) => {
    if (await databaseReachable(orm)) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  };
}
