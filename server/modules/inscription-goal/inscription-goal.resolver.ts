import { Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context';
import type { MaybePromise } from '../../common/loaders';
import { TERRITORY_MANAGERS, Role } from '../../auth/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, containsPattern, idsCondition, refCondition } from '../../common/filters';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { InscriptionGoal } from './inscription-goal.entity';
import { InscriptionGoalFilter } from './inscription-goal.inputs';

@Resolver(() => InscriptionGoal)
export class InscriptionGoalResolver extends createReadResolver({
  entity: InscriptionGoal,
  typeName: 'InscriptionGoal',
  filterType: InscriptionGoalFilter,
  roles: [...TERRITORY_MANAGERS, Role.VISITOR],
  sortable: { max: 'max', department: 'department.code', createdAt: 'createdAt' },
  defaultSort: { field: 'department', order: 'ASC' },
  label: 'Cet objectif',
  where: (f) => {
    const pattern = containsPattern(f.q);
    return allOf(
      idsCondition(f.ids),
      pattern ? { department: { name: { $ilike: pattern } } } : undefined,
      refCondition('cohort', f.cohortId, 'cohortId'),
      refCondition('department', f.departmentId, 'departmentId'),
      refCondition('region', f.regionId, 'regionId'),
    );
  },
  prefetch: followSelected({ cohort: Cohort }),
}) {
  @Authorized()
  @FieldResolver(() => ID)
  cohortId(@Root() goal: InscriptionGoal): string {
    return goal.cohort.id;
  }

  @Authorized()
  @FieldResolver(() => Cohort)
  cohort(@Root() goal: InscriptionGoal, @Ctx() ctx: RequestContext): MaybePromise<Cohort | null> {
    return ctx.loaders.follow(Cohort, goal.cohort);
  }

  @Authorized()
  @FieldResolver(() => ID, { nullable: true })
  departmentId(@Root() goal: InscriptionGoal): string | null {
    return goal.department?.id ?? null;
  }

  @Authorized()
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() goal: InscriptionGoal, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, goal.department);
  }

  @Authorized()
  @FieldResolver(() => ID, { nullable: true })
  regionId(@Root() goal: InscriptionGoal): string | null {
    return goal.region?.id ?? null;
  }

  @Authorized()
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() goal: InscriptionGoal, @Ctx() ctx: RequestContext): MaybePromise<Region | null> {
    return ctx.loaders.follow(Region, goal.region);
  }
}
