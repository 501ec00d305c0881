import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES, PLACEMENT_MANAGERS, Role } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { Department } from '../department/department.entity';
import { MeetingPoint } from './meeting-point.entity';
import { MeetingPointFilter, MeetingPointInput } from './meeting-point.inputs';
import { createMeetingPoint, deleteMeetingPoint, updateMeetingPoint } from './meeting-point.service';

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

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => MeetingPoint, { description: 'Créer un point de rassemblement (dans sa région ; partout pour l’administration)' })
  createMeetingPoint(@Arg('input', () => MeetingPointInput) input: MeetingPointInput, @Ctx() ctx: RequestContext): Promise<MeetingPoint> {
    return createMeetingPoint(ctx, input);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => MeetingPoint, { description: 'Modifier un point de rassemblement' })
  updateMeetingPoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MeetingPointInput) input: MeetingPointInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingPoint> {
    return updateMeetingPoint(ctx, id, input, version);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Supprimer un point de rassemblement inutilisé (administration)' })
  deleteMeetingPoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteMeetingPoint(ctx, id);
  }
}
