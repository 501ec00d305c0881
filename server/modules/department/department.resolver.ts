import { Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context';
import type { MaybePromise } from '../../common/loaders';
import { ALL_ROLES, Role } from '../../auth/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Region } from '../region/region.entity';
import { Department } from './department.entity';
import { DepartmentFilter } from './department.inputs';

@Resolver(() => Department)
export class DepartmentResolver extends createReadResolver({
  entity: Department,
  typeName: 'Department',
  filterType: DepartmentFilter,
  roles: ALL_ROLES,
  sortable: { code: 'code', name: 'name', region: 'region.code' },
  defaultSort: { field: 'code', order: 'ASC' },
  label: 'Ce département',
  where: (f, ctx) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name', 'code']),
      refCondition('region', f.regionId, 'regionId'),
      f.code ? { code: f.code } : undefined,
      f.inMyScope && ctx.user && ctx.user.role !== Role.ADMIN ? { id: { $in: ctx.user.scope.departmentIds } } : undefined,
    ),
}) {
  @Authorized()
  @FieldResolver(() => ID)
  regionId(@Root() department: Department): string {
    return department.region.id;
  }

  @Authorized()
  @FieldResolver(() => Region)
  region(@Root() department: Department, @Ctx() ctx: RequestContext): MaybePromise<Region | null> {
    return ctx.loaders.follow(Region, department.region);
  }

  /** Only the centres in the user's scope (a collection keeps its own scope rule). */
  @Authorized(Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT, Role.VISITOR, Role.HEAD_CENTER)
  @FieldResolver(() => [CohesionCenter])
  centers(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<CohesionCenter[]> {
    return ctx.loaders.children(CohesionCenter, 'department', department.id, { name: 'asc' });
  }
}
