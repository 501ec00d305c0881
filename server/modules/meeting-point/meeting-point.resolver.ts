import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { Department } from '../department/department.entity';
import { MeetingPoint } from './meeting-point.entity';
import { MeetingPointFilter } from './meeting-point.inputs';

@Resolver(() => MeetingPoint)
export class MeetingPointResolver extends createReadResolver({
  entity: MeetingPoint,
  typeName: 'MeetingPoint',
  filterType: MeetingPointFilter,
  roles: ALL_ROLES,
  sortable: { name: 'name', city: 'city', department: 'department.code', createdAt: 'createdAt' },
  defaultSort: { field: 'name', order: 'ASC' },
  label: 'Ce point de rassemblement',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name', 'city']),
      refCondition('department', f.departmentId, 'departmentId'),
      f.regionId ? { department: { region: assertUuid(f.regionId, 'regionId') } } : undefined,
    ),
}) {
  @FieldResolver(() => ID)
  departmentId(@Root() point: Row<MeetingPoint>): string {
    return point.department.id;
  }

  @FieldResolver(() => Department)
  department(@Root() point: Row<MeetingPoint>, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, point.department);
  }
}
