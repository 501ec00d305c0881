import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Region } from '../region/region.entity';
import { territoryDepartmentIds } from '../../scope/territory';
import { Department } from './department.entity';
import { DepartmentFilter } from './department.inputs';

/** `inMyScope`: the departments the user acts on (all of them for national staff). */
function inTerritory(ctx: RequestContext) {
  const ids = ctx.user ? territoryDepartmentIds(ctx.user) : [];
  return ids === null ? undefined : { id: { $in: [...ids] } };
}

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
      f.inMyScope ? inTerritory(ctx) : undefined,
    ),
}) {
  @FieldResolver(() => ID)
  regionId(@Root() department: Row<Department>): string {
    return department.region.id;
  }

  @FieldResolver(() => Region)
  region(@Root() department: Row<Department>, @Ctx() ctx: RequestContext): MaybePromise<Region | null> {
    return ctx.loaders.follow(Region, department.region);
  }

  /** Only the centres in the user's scope (a collection keeps its own scope rule). */
  @FieldResolver(() => [CohesionCenter])
  centers(@Root() department: Row<Department>, @Ctx() ctx: RequestContext): Promise<CohesionCenter[]> {
    return ctx.loaders.children(CohesionCenter, 'department', department.id, { name: 'asc' });
  }
}
