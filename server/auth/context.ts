import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config';
import { Loaders } from '../common/loaders';
import type { ReferenceData } from '../common/reference-data';
import type { Jobs } from '../jobs/jobs';
import { SCOPE_FILTER, type ScopeParams } from '../scope/scope';
import type { CurrentUser } from './current-user';
import { readSignedToken, resolveSession, SESSION_COOKIE } from './session.service';

/** What every resolver receives. Resolvers use `em` and `loaders` only: both are scoped to `user`. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  user: CurrentUser | null;
  config: AppConfig;
  /** The job queue, to enqueue work after a transaction commits (null when jobs are off). */
  jobs: Jobs | null;
  req: Request;
  res: Response;
}

/**
 * THE place where a request gets its data access: a fresh EntityManager fork whose `scope`
 * filter is set from the signed-in user. Without a user the filter stays unset, so any query
 * on a scoped entity throws instead of leaking.
 */
export async function buildRequestContext(
  orm: MikroORM,
  config: AppConfig,
  req: Request,
  res: Response,
  jobs: Jobs | null = null,
  reference: ReferenceData | null = null,
): Promise<RequestContext> {
  const em = orm.em.fork({ clear: true, useContext: false });
  const cookies = parseCookies(req.headers.cookie ?? '');
  const token = readSignedToken(cookies[SESSION_COOKIE], config.sessionSecret);
  const context: RequestContext = { em, loaders: new Loaders(em, reference), user: null, config, jobs, req, res };
  if (token) await signIn(context, token);
  return context;
}

/** Binds the session's user (and its scope) to the request; also used right after `login`. */
export async function signIn(context: RequestContext, token: string): Promise<CurrentUser | null> {
  const user = await resolveSession(context.em, token);
  if (user) {
    context.user = user;
    context.em.setFilterParams(SCOPE_FILTER, { user: user.scope } satisfies ScopeParams);
  }
  return user;
}
