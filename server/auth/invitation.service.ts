import { AppError } from '../kernel/errors';
import type { RequestContext } from '../kernel/request-context';
import { recordAudit } from '../modules/audit-event/audit.service';
import { pendingInvitation } from '../modules/user/staff-account.service';
import { UserStatus } from '../modules/user/user.entity';
import { now } from '../kernel/clock';
import { unscoped } from '../scope/unscoped';
import { openSession, type SessionOpened } from './auth.service';
import { hashPassword, passwordProblem } from './password';

const unusable = () => new AppError('BAD_USER_INPUT', 'Ce lien d’invitation n’est plus valable (déjà utilisé, expiré ou remplacé) : demandez une nouvelle invitation à la personne qui vous a invité.');

/**
 * The invitee sets its password: the token's invitation must be unused, unexpired and its account
 * still INVITED; the password follows the policy. The account becomes ACTIVE, the invitation used,
 * and a session opens (one transaction for the first three, with the audit event).
 */
export async function acceptInvitation(ctx: Pick<RequestContext, 'em' | 'logger' | 'config'>, token: string, password: string): Promise<SessionOpened> {
  if (!token || token.length > 200) throw unusable();
  const problem = passwordProblem(password ?? '');
  if (problem) throw new AppError('BAD_USER_INPUT', problem, { field: 'password' });
  const passwordHash = await hashPassword(password);
  // Nobody is signed in yet: the invitation is found by its token's hash.
  return unscoped(ctx, 'invitation: acceptance by token', async (em) => {
    const user = await em.transactional(async (tx) => {
      const pending = await pendingInvitation(tx, token);
      if (!pending) throw unusable();
      pending.invitation.usedAt = now();
      pending.user.passwordHash = passwordHash;
      pending.user.status = UserStatus.ACTIVE;
      recordAudit(tx, { id: pending.user.id, impersonatorId: null }, {
        action: 'USER_ACTIVATED',
        recordType: 'User',
        recordId: pending.user.id,
        departmentId: pending.user.departmentIds[0] ?? null,
        changes: { status: { old: UserStatus.INVITED, new: UserStatus.ACTIVE } },
      });
      await tx.flush();
      return pending.user;
    });
    return openSession(em, user, ctx.config);
  });
}
