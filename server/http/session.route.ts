import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { RequestHandler } from 'express';
import type { ContextServices } from '../auth/context';
import { readSignedToken, resolveSession, SESSION_COOKIE } from '../auth/session.service';

/**
 * `GET /session`: whether the browser's session is still open (204) or has ended (401), without
 * counting as activity, so that the console can poll it and clear a minor's data from the screen
 * as soon as the session ends (idle timeout, logout elsewhere, account disabled) on any instance.
 */
export function sessionRoute(orm: MikroORM, services: ContextServices): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const token = readSignedToken(parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE], services.config.sessionSecret);
    const em = orm.em.fork({ clear: true, useContext: false });
    const user = token ? await resolveSession(em, token, services.config.sessionIdleMinutes, { touch: false }) : null;
    if (user) {
      res.status(204).end();
      return;
    }
    res.status(401).json({ errors: [{ message: 'Votre session a pris fin : reconnectez-vous.', extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}
