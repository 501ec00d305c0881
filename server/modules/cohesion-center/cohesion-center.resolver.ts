import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { Department } from '../department/department.entity';
import { Session } from '../session/session.entity';
import { CohesionCenter } from './cohesion-center.entity';
import { CohesionCenterFilter } from './cohesion-center.inputs';

@Resolver(() => CohesionCenter)
export class CohesionCenterResolver extends createReadResolver({
  entity: CohesionCenter,
  typeName: 'CohesionCenter',
  filterType: CohesionCenterFilter,
  roles: ALL_ROLES,
  sortable: { name: 'name', city: 'city', capacity: 'capacity', department: 'department.code', createdAt: 'createdAt' },
  defaultSort: { field: 'name', order: 'ASC' },
  label: 'Ce centre',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name', 'city']),
      refCondition('department', f.departmentId, 'departmentId'),
      f.regionId ? { department: { region: assertUuid(f.regionId, 'regionId') } } : undefined,
      f.accessibleReducedMobility !== undefined && f.accessibleReducedMobility !== null ? { accessibleReducedMobility: f.accessibleReducedMobility } : undefined,
    ),
}) {
  @FieldResolver(() => ID)
  departmentId(@Root() center: Row<CohesionCenter>): string {
    return center.department.id;
  }

  @FieldResolver(() => Department)
  department(@Root() center: Row<CohesionCenter>, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, center.department);
  }

  /** The centre's sessions that the user may see. */
  @FieldResolver(() => [Session])
  sessions(@Root() center: Row<CohesionCenter>, @Ctx() ctx: RequestContext): Promise<Session[]> {
    return ctx.loaders.children(Session, 'center', center.id, { createdAt: 'asc' });
  }
}
