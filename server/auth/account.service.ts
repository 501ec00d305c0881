import { now } from '../kernel/clock';
import { AppError, badInput, unauthenticated } from '../kernel/errors';
import type { RequestContext } from '../kernel/request-context';
import { recordAudit } from '../modules/audit-event/audit.service';
import { User } from '../modules/user/user.entity';
import { unscoped } from '../scope/unscoped';
import { reserveLoginAttempt } from './login-throttle';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { deleteSessionsOf } from './session.service';

/** Ends every session of the signed-in user, this one included (a lost laptop, a shared computer). */
export async function logoutEverywhere(ctx: RequestContext): Promise<number> {
  if (!ctx.user) throw unauthenticated();
  const user = ctx.user;
  if (user.impersonatorId) throw new AppError('FORBIDDEN', 'Pendant une prise de rôle, on ne ferme pas les sessions de la personne : utilisez « Arrêter ».');
  return ctx.em.transactional(async (tx) => {
    const ended = await deleteSessionsOf(tx, user.id);
    recordAudit(tx, user, { action: 'USER_LOGGED_OUT_EVERYWHERE', recordType: 'User', recordId: user.id, changes: { sessions: { old: ended, new: 0 } } });
    await tx.flush();
    return ended;
  });
}

/**
 * Changes the signed-in user's password: the current one is checked like a login (throttled,
 * one check per request), the new one must follow the policy, and every other session ends.
 */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  if (!ctx.user) throw unauthenticated();
  const me = ctx.user;
  if (me.impersonatorId) throw new AppError('FORBIDDEN', 'Pendant une prise de rôle, le mot de passe de la personne ne peut pas être changé.');
  const problem = passwordProblem(newPassword);
  if (problem) throw badInput(problem, 'newPassword');
  if (newPassword === currentPassword) throw badInput('Le nouveau mot de passe doit être différent de l’actuel.', 'newPassword');
  const attempt = await reserveLoginAttempt(ctx.em, ctx.req, me.email.toLowerCase(), ctx.config);
  await unscoped(ctx, 'password change: the signed-in account', async (em) => {
    const user = await em.findOneOrFail(User, { id: me.id }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash ?? null, currentPassword))) throw badInput('Le mot de passe actuel est incorrect.', 'currentPassword');
    await attempt.succeeded();
    const passwordHash = await hashPassword(newPassword);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: me.id }, { passwordHash, updatedAt: now() });
      const ended = await deleteSessionsOf(tx, me.id, me.sessionId);
      recordAudit(tx, me, { action: 'USER_PASSWORD_CHANGED', recordType: 'User', recordId: me.id, changes: { otherSessions: { old: ended, new: 0 } } });
      await tx.flush();
    });
  });
}
