import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertVersion, changesOf, requiredText } from '../../common/inputs';
import { inTransaction } from '../../common/transaction';
import { assertUuid, assertUuids } from '../../common/validation';
import { now, nowMs } from '../../kernel/clock';
import type { CurrentUser } from '../../kernel/current-user';
import { badInput, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { Role, TERRITORY_MANAGERS } from '../../kernel/roles';
import { findInScope } from '../../scope/write-guard';
import { unscoped } from '../../scope/unscoped';
import { recordAudit } from '../audit-event/audit.service';
import { Department } from '../department/department.entity';
import { queueStaffEmail } from '../email/email.service';
import { renderStaffInvitation } from '../email/email.templates';
import { Region } from '../region/region.entity';
import { Invitation } from './invitation.entity';
import { assertMayGrant, type Grant } from './staff-grants';
import type { InviteUserInput, UpdateUserInput } from './staff-account.inputs';
import { User, UserStatus } from './user.entity';
import { UserSession } from './user-session.entity';

export const INVITATION_HOURS = 72;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const invitationTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The role's territory, as the role needs it, or BAD_USER_INPUT saying what is missing. */
function grantOf(input: { role: Role; regionId?: string | null; departmentIds?: string[] | null }): Grant {
  const regionId = input.regionId ? assertUuid(input.regionId, 'regionId') : null;
  const departmentIds = [...new Set(assertUuids(input.departmentIds ?? [], 'departmentIds'))];
  switch (input.role) {
    case Role.ADMIN:
      if (regionId || departmentIds.length) throw badInput('Un compte de l’administration nationale n’a ni région ni département.', 'role');
      break;
    case Role.REFERENT_REGION:
    case Role.VISITOR:
      if (!regionId || departmentIds.length) throw badInput('Ce rôle porte sur une région : choisissez-en une, sans département.', 'regionId');
      break;
    case Role.REFERENT_DEPARTMENT:
      if (regionId || !departmentIds.length) throw badInput('Un référent départemental porte sur un ou plusieurs départements, sans région.', 'departmentIds');
      break;
    case Role.HEAD_CENTER:
      if (Boolean(regionId) === departmentIds.length > 0) throw badInput('Un chef de centre porte soit sur une région, soit sur des départements.', 'departmentIds');
      break;
  }
  return { role: input.role, regionId, departmentIds };
}

async function assertTerritoryExists(tx: EntityManager, grant: Grant): Promise<void> {
  if (grant.regionId && !(await tx.findOne(Region, { id: grant.regionId }))) throw notFound('Cette région');
  if (grant.departmentIds.length && (await tx.count(Department, { id: { $in: [...grant.departmentIds] } })) !== grant.departmentIds.length) throw notFound('Ce département');
}

const grantOfUser = (user: User): Grant => ({ role: user.role, regionId: user.region?.id ?? null, departmentIds: user.departmentIds });
const snapshot = (user: User) => ({ email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role, region: user.region?.id ?? null, departments: [...user.departmentIds], status: user.status });

/** A staff account's history is scoped by its first department (region-wide accounts: national staff's). */
function audit(tx: EntityManager, actor: CurrentUser, action: string, user: User, changes: Record<string, { old: unknown; new: unknown }>): void {
  recordAudit(tx, actor, { action, recordType: 'User', recordId: user.id, departmentId: user.departmentIds[0] ?? null, changes });
}

async function territoryLabel(tx: EntityManager, grant: Grant): Promise<string> {
  if (grant.regionId) return (await tx.findOneOrFail(Region, { id: grant.regionId })).name;
  const departments = await tx.find(Department, { id: { $in: [...grant.departmentIds] } }, { orderBy: { code: 'asc' } });
  return departments.map((d) => `${d.code} – ${d.name}`).join(', ');
}

/**
 * Invites a colleague: an INVITED account with the granted role and territory (never wider than the
 * inviter's), a single-use link valid 72 hours (only its hash kept) sent through the e-mail outbox,
 * and the audit event, in one transaction.
 */
export async function inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<User> {
  const inviter = requireRole(ctx, TERRITORY_MANAGERS);
  const email = (input.email ?? '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw badInput(`L’adresse e-mail « ${email.slice(0, 60)} » n’est pas valide.`, 'email');
  const firstName = requiredText(input.firstName, 'firstName', 'Le prénom', 100);
  const lastName = requiredText(input.lastName, 'lastName', 'Le nom', 100);
  const grant = grantOf(input);
  assertMayGrant(inviter, grant);
  const emailIds: string[] = [];
  const user = await inTransaction(ctx, async (tx) => {
    await assertTerritoryExists(tx, grant);
    // E-mails are unique across the whole staff, also outside the inviter's scope (it learns only that).
    const taken = await unscoped({ em: tx, logger: ctx.logger }, 'invitation: e-mail uniqueness', (em) => em.count(User, { email }));
    if (taken) throw badInput(`Un compte existe déjà pour ${email}.`, 'email');
    const created = tx.create(User, { email, firstName, lastName, role: grant.role, region: grant.regionId, departmentIds: [...grant.departmentIds], status: UserStatus.INVITED });
    tx.persist(created);
    const token = randomBytes(32).toString('base64url');
    tx.persist(tx.create(Invitation, { user: created, tokenHash: invitationTokenHash(token), invitedBy: inviter.id, expiresAt: new Date(nowMs() + INVITATION_HOURS * 3600_000) }));
    const me = await tx.findOneOrFail(User, { id: inviter.id });
    const message = queueStaffEmail(tx, created, 'STAFF_INVITATION', renderStaffInvitation({
      firstName,
      lastName,
      role: grant.role,
      territory: await territoryLabel(tx, grant),
      inviter: `${me.firstName} ${me.lastName}`,
      link: `${ctx.config.publicUrl}/#/login?token=${token}`,
      hours: INVITATION_HOURS,
    }));
    audit(tx, inviter, 'USER_INVITED', created, changesOf({}, snapshot(created)));
    await tx.flush();
    emailIds.push(message.id);
    return created;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return user;
}

/** The account in scope (locked), and the caller allowed to grant what it holds now. */
async function managedAccount(tx: EntityManager, manager: CurrentUser, id: string, self: { allowed: boolean; refusal: string }): Promise<User> {
  const user = await findInScope(tx, User, assertUuid(id), { label: 'Ce compte', lockMode: LockMode.PESSIMISTIC_WRITE });
  if (user.id === manager.id) {
    if (!self.allowed) throw badInput(self.refusal, 'id');
    return user;
  }
  assertMayGrant(manager, grantOfUser(user));
  return user;
}

/** Name, role and territory, within the same rules as an invitation, for what it was and what it becomes. */
export function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput, version: number | null | undefined): Promise<User> {
  const manager = requireRole(ctx, TERRITORY_MANAGERS);
  const grant = grantOf(input);
  assertMayGrant(manager, grant);
  const firstName = requiredText(input.firstName, 'firstName', 'Le prénom', 100);
  const lastName = requiredText(input.lastName, 'lastName', 'Le nom', 100);
  return inTransaction(ctx, async (tx) => {
    const user = await managedAccount(tx, manager, id, { allowed: true, refusal: '' });
    assertVersion(user, version, 'Ce compte');
    if (user.id === manager.id && (grant.role !== user.role || grant.regionId !== (user.region?.id ?? null) || grant.departmentIds.join() !== user.departmentIds.join())) {
      throw badInput('Vous ne pouvez pas changer votre propre rôle ni votre périmètre : demandez-le à la personne qui gère votre compte.', 'role');
    }
    await assertTerritoryExists(tx, grant);
    const before = snapshot(user);
    tx.assign(user, { firstName, lastName, role: grant.role, region: grant.regionId, departmentIds: [...grant.departmentIds] });
    const changes = changesOf(before, snapshot(user));
    // A new role or territory applies at once: the account signs in again.
    if (changes.role || changes.region || changes.departments) await tx.nativeDelete(UserSession, { user: user.id });
    audit(tx, manager, 'USER_UPDATED', user, changes);
    await tx.flush();
    return user;
  });
}

/** Disabling ends every session of the account at once (sessions resolve only active accounts, and are deleted). */
export function disableUser(ctx: RequestContext, id: string): Promise<User> {
  const manager = requireRole(ctx, TERRITORY_MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const user = await managedAccount(tx, manager, id, { allowed: false, refusal: 'Vous ne pouvez pas désactiver votre propre compte.' });
    if (user.status === UserStatus.DISABLED) throw badInput(`Le compte de ${user.firstName} ${user.lastName} est déjà désactivé.`, 'id');
    const before = user.status;
    user.status = UserStatus.DISABLED;
    await tx.nativeDelete(UserSession, { user: user.id });
    audit(tx, manager, 'USER_DISABLED', user, { status: { old: before, new: user.status } });
    await tx.flush();
    return user;
  });
}

/** Back to ACTIVE, or to INVITED when the account never set its password. */
export function enableUser(ctx: RequestContext, id: string): Promise<User> {
  const manager = requireRole(ctx, TERRITORY_MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const user = await managedAccount(tx, manager, id, { allowed: false, refusal: 'Vous ne pouvez pas réactiver votre propre compte.' });
    if (user.status !== UserStatus.DISABLED) throw badInput(`Le compte de ${user.firstName} ${user.lastName} n’est pas désactivé.`, 'id');
    const withPassword = await tx.findOneOrFail(User, { id: user.id }, { populate: ['passwordHash'] });
    user.status = withPassword.passwordHash ? UserStatus.ACTIVE : UserStatus.INVITED;
    audit(tx, manager, 'USER_ENABLED', user, { status: { old: UserStatus.DISABLED, new: user.status } });
    await tx.flush();
    return user;
  });
}

/** For acceptInvitation (auth/): the pending invitation of a token, locked, with its account; null when unusable. */
export async function pendingInvitation(tx: EntityManager, token: string): Promise<{ invitation: Invitation; user: User } | null> {
  const invitation = await tx.findOne(Invitation, { tokenHash: invitationTokenHash(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= now().getTime()) return null;
  const user = await tx.findOne(User, { id: invitation.user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!user || user.status !== UserStatus.INVITED) return null;
  return { invitation, user };
}
