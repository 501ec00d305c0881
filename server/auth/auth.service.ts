import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { now, nowMs } from '../kernel/clock';
import { AppError } from '../kernel/errors';
import { recordAudit } from '../modules/audit-event/audit.service';
import { LoginAttempt } from '../modules/user/login-attempt.entity';
import { User, UserStatus } from '../modules/user/user.entity';
import { unscoped } from '../scope/unscoped';
import { verifyPassword } from './password';
import { createSession } from './session.service';

/** Failed logins allowed per e-mail within the window before RATE_LIMITED. */
export const MAX_FAILED_LOGINS = 10;
const WINDOW_MINUTES = 15;

const invalidCredentials = () => new AppError('BAD_USER_INPUT', 'E-mail ou mot de passe incorrect.');

/**
 * Checks the credentials and opens a session. Unknown e-mail, wrong password and disabled
 * account answer the same way (and take the same time), so nothing leaks about accounts.
 */
export async function login(
  source: { em: EntityManager; logger: Logger },
  config: AppConfig,
  emailInput: string,
  password: string,
): Promise<{ user: User; token: string; cookieValue: string; expiresAt: Date }> {
  const email = emailInput.trim().toLowerCase();
  if (!email || !password) throw invalidCredentials();
  // Nobody is signed in yet: reading the account by its e-mail is system work.
  return unscoped(source, 'login: credentials check', async (em) => {
    const since = new Date(nowMs() - WINDOW_MINUTES * 60_000);
    const failures = await em.count(LoginAttempt, { email, createdAt: { $gt: since } });
    if (failures >= MAX_FAILED_LOGINS) {
      throw new AppError('RATE_LIMITED', `Trop de tentatives de connexion pour ce compte. Réessayez dans ${WINDOW_MINUTES} minutes.`);
    }
    const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== UserStatus.ACTIVE) {
      await em.insert(LoginAttempt, { email, createdAt: now() });
      throw invalidCredentials();
    }
    return em.transactional(async (tx) => {
      await tx.nativeDelete(LoginAttempt, { email });
      const session = await createSession(tx, user.id, { ttlHours: config.sessionTtlHours, secret: config.sessionSecret });
      await tx.nativeUpdate(User, { id: user.id }, { lastLoginAt: now() });
      recordAudit(tx, { id: user.id, impersonatorId: null }, { action: 'USER_LOGGED_IN', recordType: 'User', recordId: user.id });
      await tx.flush();
      return { user, ...session };
    });
  });
}
