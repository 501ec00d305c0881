import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES, PLACEMENT_MANAGERS, Role } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { Department } from '../department/department.entity';
import { Session } from '../session/session.entity';
import { CohesionCenter } from './cohesion-center.entity';
import { CohesionCenterFilter, CohesionCenterInput } from './cohesion-center.inputs';
import { createCohesionCenter, deleteCohesionCenter, updateCohesionCenter } from './cohesion-center.service';

/** The list's sort fields, default sort and filter: shared by `all…` and the exports. */
export const centerListing = {
  sortable: { name: 'name', city: 'city', capacity: 'capacity', department: 'department.code', createdAt: 'createdAt' },
  defaultSort: { field: 'name', order: 'ASC' } as { field: string; order: 'ASC' | 'DESC' },
  where: (f: CohesionCenterFilter): FilterQuery<CohesionCenter> =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name', 'city']),
      refCondition('department', f.departmentId, 'departmentId'),
      f.regionId ? { department: { region: assertUuid(f.regionId, 'regionId') } } : undefined,
      f.accessibleReducedMobility !== undefined && f.accessibleReducedMobility !== null ? { accessibleReducedMobility: f.accessibleReducedMobility } : undefined,
    ),
};

@Resolver(() => CohesionCenter)
export class CohesionCenterResolver extends createReadResolver({
  entity: CohesionCenter,
  typeName: 'CohesionCenter',
  filterType: CohesionCenterFilter,
  roles: ALL_ROLES,
  label: 'Ce centre',
  ...centerListing,
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

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => CohesionCenter, { description: 'Créer un centre de cohésion (dans sa région ; partout pour l’administration)' })
  createCohesionCenter(@Arg('input', () => CohesionCenterInput) input: CohesionCenterInput, @Ctx() ctx: RequestContext): Promise<CohesionCenter> {
    return createCohesionCenter(ctx, input);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => CohesionCenter, { description: 'Modifier un centre de cohésion' })
  updateCohesionCenter(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CohesionCenterInput) input: CohesionCenterInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CohesionCenter> {
    return updateCohesionCenter(ctx, id, input, version);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Supprimer un centre sans volontaire affecté (administration)' })
  deleteCohesionCenter(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteCohesionCenter(ctx, id);
  }
}
