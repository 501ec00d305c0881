import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import { now } from '../kernel/clock';
import { AppError } from '../kernel/errors';
import type { RequestContext } from '../kernel/request-context';
import { recordAudit } from '../modules/audit-event/audit.service';
import { User, UserStatus } from '../modules/user/user.entity';
import { unscoped } from '../scope/unscoped';
import { verifyPassword } from './password';
import { oneCheckPerRequest, reserveLoginAttempt } from './login-throttle';
import { confirmChallenge, startChallenge, trustedBrowser } from './second-factor';
import { createSession } from './session.service';

const invalidCredentials = () => new AppError('BAD_USER_INPUT', 'E-mail ou mot de passe incorrect.');

export type SessionOpened = { user: User; token: string; cookieValue: string; expiresAt: Date };

/** Opens a session for `user` and records the login (one transaction). */
export function openSession(em: EntityManager, user: User, config: AppConfig): Promise<SessionOpened> {
  return em.transactional(async (tx) => {
    const session = await createSession(tx, user.id, { ttlHours: config.sessionTtlHours, secret: config.sessionSecret });
    await tx.nativeUpdate(User, { id: user.id }, { lastLoginAt: now() });
    recordAudit(tx, { id: user.id, impersonatorId: null }, { action: 'USER_LOGGED_IN', recordType: 'User', recordId: user.id });
    await tx.flush();
    return { user, ...session };
  });
}

/**
 * Checks the credentials and opens a session. Unknown e-mail, wrong password and disabled
 * account answer the same way (and take the same time), so nothing leaks about accounts.
 * Each attempt is reserved first (login-throttle.ts): at most one password check per request,
 * limits per account, per trusted browser and per address, atomic in PostgreSQL. With the
 * second factor on, a right password from a browser not trusted by the user sends a code by
 * e-mail and answers SECOND_FACTOR_REQUIRED instead (second-factor.ts).
 */
export async function login(
  ctx: Pick<RequestContext, 'em' | 'logger' | 'config' | 'req' | 'res' | 'jobs'>,
  emailInput: string,
  password: string,
): Promise<SessionOpened> {
  const email = emailInput.trim().toLowerCase();
  if (!email || !password) throw invalidCredentials();
  if (email.length > 254 || password.length > 200) throw invalidCredentials();
  const attempt = await reserveLoginAttempt(ctx.em, ctx.req, email, ctx.config);
  // Nobody is signed in yet: reading the account by its e-mail is system work.
  return unscoped(ctx, 'login: credentials check', async (em) => {
    const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== UserStatus.ACTIVE) throw invalidCredentials();
    await attempt.succeeded();
    if (ctx.config.loginSecondFactor === 'email' && !trustedBrowser(ctx.req, user, ctx.config.sessionSecret)) {
      throw await startChallenge(em, ctx.jobs, ctx.res, user, ctx.config);
    }
    return openSession(em, user, ctx.config);
  });
}

/** The second step of a login with the second factor: the code from the e-mail opens the session. */
export async function confirmLogin(ctx: Pick<RequestContext, 'em' | 'logger' | 'config' | 'req' | 'res'>, code: string, trust: boolean): Promise<SessionOpened> {
  oneCheckPerRequest(ctx.req);
  return unscoped(ctx, 'login: second factor', async (em) => {
    const passwordHashOf = async (id: string) => (await em.findOneOrFail(User, { id }, { populate: ['passwordHash'] })).passwordHash ?? null;
    const userId = await confirmChallenge(em, ctx.req, ctx.res, code, trust, ctx.config, passwordHashOf);
    const user = await em.findOne(User, { id: userId, status: UserStatus.ACTIVE });
    if (!user) throw invalidCredentials();
    return openSession(em, user, ctx.config);
  });
}
