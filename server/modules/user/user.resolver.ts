import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES, TERRITORY_MANAGERS } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import type { Dictionary } from '@mikro-orm/core';
import { nowMs } from '../../kernel/clock';
import { badInput } from '../../kernel/errors';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { User } from './user.entity';
import { UserFilter } from './user.inputs';
import { InviteUserInput, UpdateUserInput } from './staff-account.inputs';
import { disableUser, enableUser, inviteUser, updateUser } from './staff-account.service';
import { unscoped } from '../../scope/unscoped';

/** Accounts unused for more than `days` days (by the product's clock), or never used: the ones to review or disable. */
function notLoggedInFor(days: number | null | undefined): Dictionary | undefined {
  if (days === null || days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 0) throw badInput('notLoggedInForDays doit être un nombre de jours positif.', 'notLoggedInForDays');
  return { $or: [{ lastLoginAt: null }, { lastLoginAt: { $lt: new Date(nowMs() - days * 86_400_000) } }] };
}

@Resolver(() => User)
export class UserResolver extends createReadResolver({
  entity: User,
  typeName: 'User',
  filterType: UserFilter,
  roles: ALL_ROLES,
  sortable: { email: 'email', lastName: 'lastName', role: 'role', status: 'status', lastLoginAt: 'lastLoginAt', createdAt: 'createdAt' },
  defaultSort: { field: 'lastName', order: 'ASC' },
  label: 'Ce compte',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['firstName', 'lastName', 'email']),
      f.role ? { role: f.role } : undefined,
      f.status ? { status: f.status } : undefined,
      refCondition('region', f.regionId, 'regionId'),
      f.departmentId ? { departmentIds: { $contains: [assertUuid(f.departmentId, 'departmentId')] } } : undefined,
      notLoggedInFor(f.notLoggedInForDays),
    ),
}) {
  @FieldResolver(() => ID, { nullable: true })
  regionId(@Root() user: Row<User>): string | null {
    return user.region?.id ?? null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Région (référents régionaux, observateurs)' })
  region(@Root() user: Row<User>, @Ctx() ctx: RequestContext): MaybePromise<Region | null> {
    return ctx.loaders.follow(Region, user.region);
  }

  @FieldResolver(() => [ID])
  departmentIds(@Root() user: Row<User>): string[] {
    return user.departmentIds;
  }

  @FieldResolver(() => [Department], { description: 'Départements (référents départementaux)' })
  async departments(@Root() user: Row<User>, @Ctx() ctx: RequestContext): Promise<Department[]> {
    const found = await Promise.all(user.departmentIds.map((id) => ctx.loaders.follow(Department, { id })));
    return found.filter((d): d is Department => d !== null);
  }

  /** Only on the signed-in account itself (`me`): the admin behind an impersonation, read outside the acted-as user's scope. */
  @FieldResolver(() => User, { nullable: true, description: 'Sur `me` : l’administrateur qui agit en tant que ce compte (null sinon)' })
  async impersonator(@Root() user: Row<User>, @Ctx() ctx: RequestContext): Promise<User | null> {
    const adminId = ctx.user?.impersonatorId;
    if (!adminId || ctx.user?.id !== user.id) return null;
    return unscoped(ctx, 'impersonation: the acting admin, for the banner', (em) => em.findOne(User, { id: adminId }));
  }

  @Authorized(TERRITORY_MANAGERS)
  @Mutation(() => User, { description: 'Inviter un membre du personnel : lien à usage unique valable 72 heures, envoyé par e-mail (jamais un rôle ou un périmètre plus large que le sien)' })
  inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return inviteUser(ctx, input);
  }

  @Authorized(TERRITORY_MANAGERS)
  @Mutation(() => User, { description: 'Modifier le nom, le rôle et le périmètre d’un compte (mêmes règles que l’invitation)' })
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return updateUser(ctx, id, input, version);
  }

  @Authorized(TERRITORY_MANAGERS)
  @Mutation(() => User, { description: 'Désactiver un compte : toutes ses sessions se ferment aussitôt' })
  disableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return disableUser(ctx, id);
  }

  @Authorized(TERRITORY_MANAGERS)
  @Mutation(() => User, { description: 'Réactiver un compte désactivé' })
  enableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return enableUser(ctx, id);
  }
}
