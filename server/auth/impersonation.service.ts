import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { inTransaction } from '../common/transaction';
import { assertUuid } from '../common/validation';
import { AppError, badInput } from '../kernel/errors';
import { requireRole, requireUser } from '../kernel/permissions';
import type { RequestContext } from '../kernel/request-context';
import { Role } from '../kernel/roles';
import { recordAudit } from '../modules/audit-event/audit.service';
import { User, UserStatus } from '../modules/user/user.entity';
import { UserSession } from '../modules/user/user-session.entity';
import { findInScope } from '../scope/write-guard';
import { createSession, deleteSession, SESSION_COOKIE } from './session.service';

/** The admin's own session cookie, kept aside while it acts as someone else (restored by « Arrêter »). */
export const ADMIN_SESSION_COOKIE = 'snu_admin_session';

const cookieOptions = (ctx: Pick<RequestContext, 'config'>, expires?: Date) => ({ httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies, path: '/', ...(expires ? { expires } : {}) });
const cookieOf = (req: Request, name: string): string | undefined => parseCookies(req.headers.cookie ?? '')[name];

/**
 * An admin acts as another user (never another admin): a new session of that user that names
 * the admin (every audit event then carries both) and hangs on the admin's own session, which
 * the browser keeps aside. Started and stopped are audited.
 */
export async function startImpersonation(ctx: RequestContext, userId: string): Promise<{ token: string; cookieValue: string; expiresAt: Date }> {
  const admin = requireRole(ctx, [Role.ADMIN]);
  if (admin.impersonatorId) throw badInput('Vous agissez déjà en tant qu’un autre utilisateur : arrêtez d’abord.', 'userId');
  const id = assertUuid(userId, 'userId');
  if (id === admin.id) throw badInput('Vous ne pouvez pas agir en tant que vous-même.', 'userId');
  const adminCookie = cookieOf(ctx.req, SESSION_COOKIE);
  const opened = await inTransaction(ctx, async (tx) => {
    const target = await findInScope(tx, User, id, { label: 'Ce compte' });
    if (target.role === Role.ADMIN) throw new AppError('FORBIDDEN', 'On ne peut pas agir en tant qu’un membre de l’administration nationale.');
    if (target.status !== UserStatus.ACTIVE) throw badInput(`Le compte de ${target.firstName} ${target.lastName} n’est pas actif : on ne peut pas agir en son nom.`, 'userId');
    const parent = await tx.findOneOrFail(UserSession, { id: admin.sessionId });
    const session = await createSession(tx, target.id, { ttlHours: ctx.config.sessionTtlHours, secret: ctx.config.sessionSecret, impersonatorId: admin.id, parentSessionId: parent.id });
    recordAudit(tx, { id: admin.id, impersonatorId: null }, { action: 'IMPERSONATION_STARTED', recordType: 'User', recordId: target.id, departmentId: target.departmentIds[0] ?? null, changes: { actingAs: { old: null, new: target.email } } });
    await tx.flush();
    // Never longer than the admin's own session.
    return { ...session, expiresAt: parent.expiresAt < session.expiresAt ? parent.expiresAt : session.expiresAt };
  });
  if (adminCookie) ctx.res.cookie(ADMIN_SESSION_COOKIE, adminCookie, cookieOptions(ctx, opened.expiresAt));
  ctx.res.cookie(SESSION_COOKIE, opened.cookieValue, cookieOptions(ctx, opened.expiresAt));
  return opened;
}

/** Ends the impersonation: its session goes, the admin's own cookie comes back. Answers the admin's session cookie value. */
export async function stopImpersonation(ctx: RequestContext): Promise<string> {
  const user = requireUser(ctx);
  if (!user.impersonatorId) throw badInput('Vous n’agissez pas en tant qu’un autre utilisateur.');
  const adminId = user.impersonatorId;
  await inTransaction(ctx, async (tx) => {
    recordAudit(tx, { id: adminId, impersonatorId: null }, { action: 'IMPERSONATION_STOPPED', recordType: 'User', recordId: user.id, departmentId: user.territory.departmentIds.length === 1 ? user.territory.departmentIds[0]! : null, changes: { actingAs: { old: user.email, new: null } } });
    await tx.flush();
    await deleteSession(tx, user.sessionId);
  });
  const adminCookie = cookieOf(ctx.req, ADMIN_SESSION_COOKIE) ?? '';
  ctx.res.clearCookie(ADMIN_SESSION_COOKIE, { path: '/' });
  ctx.res.cookie(SESSION_COOKIE, adminCookie, cookieOptions(ctx));
  return adminCookie;
}

/** Logging out while impersonating ends the admin's own session too: the browser is left signed out. */
export async function endParentSession(ctx: Pick<RequestContext, 'em'>, res: Response, sessionId: string): Promise<void> {
  const session = await ctx.em.findOne(UserSession, { id: sessionId });
  if (session?.parentSession) await deleteSession(ctx.em, session.parentSession.id);
  res.clearCookie(ADMIN_SESSION_COOKIE, { path: '/' });
}
