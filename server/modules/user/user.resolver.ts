import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { User } from './user.entity';
import { UserFilter } from './user.inputs';

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
}
