import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { ReferenceData } from '../database/reference-data';
import type { CurrentUser } from '../kernel/current-user';
import type { JobQueue, RequestContext } from '../kernel/request-context';
import { currentRequest } from '../kernel/request-scope';
import { Loaders } from '../scope/loaders';
import { bindUser } from '../scope/principal';
import { readSignedToken, resolveSession, SESSION_COOKIE } from './session.service';

export interface ContextServices {
  config: AppConfig;
  logger: Logger;
  jobs: JobQueue | null;
  reference: ReferenceData | null;
}

/**
 * THE place where a request gets its data access: a fresh EntityManager fork whose `scope`
 * filter is set from the signed-in user. Without a user the filter stays unset, so any query
 * on a scoped entity throws instead of leaking.
 */
export async function buildRequestContext(orm: MikroORM, services: ContextServices, req: Request, res: Response): Promise<RequestContext> {
  const em = orm.em.fork({ clear: true, useContext: false });
  const cookies = parseCookies(req.headers.cookie ?? '');
  const token = readSignedToken(cookies[SESSION_COOKIE], services.config.sessionSecret);
  const context: RequestContext = {
    em,
    loaders: new Loaders(em, services.reference),
    user: null,
    config: services.config,
    logger: currentRequest()?.log ?? services.logger,
    jobs: services.jobs,
    req,
    res,
  };
  if (token) await signIn(context, token);
  return context;
}

/** Binds the session's user to the request; also used right after `login`. */
export async function signIn(context: RequestContext, token: string): Promise<CurrentUser | null> {
  const user = await resolveSession(context.em, token, context.config.sessionIdleMinutes);
  if (user) {
    context.user = user;
    bindUser(context.em, user);
    const request = currentRequest();
    if (request) request.userId = user.id;
  }
  return user;
}
