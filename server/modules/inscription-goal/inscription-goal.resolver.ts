import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { TERRITORY_MANAGERS, Role } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, containsPattern, idsCondition, refCondition } from '../../common/filters';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { InscriptionGoal } from './inscription-goal.entity';
import { InscriptionGoalFilter, InscriptionGoalInput } from './inscription-goal.inputs';
import { setInscriptionGoals } from './inscription-goal.service';

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
  @FieldResolver(() => ID)
  cohortId(@Root() goal: Row<InscriptionGoal>): string {
    return goal.cohort.id;
  }

  @FieldResolver(() => Cohort)
  cohort(@Root() goal: Row<InscriptionGoal>, @Ctx() ctx: RequestContext): MaybePromise<Cohort | null> {
    return ctx.loaders.follow(Cohort, goal.cohort);
  }

  @FieldResolver(() => ID, { nullable: true })
  departmentId(@Root() goal: Row<InscriptionGoal>): string | null {
    return goal.department?.id ?? null;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() goal: Row<InscriptionGoal>, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, goal.department);
  }

  @FieldResolver(() => ID, { nullable: true })
  regionId(@Root() goal: Row<InscriptionGoal>): string | null {
    return goal.region?.id ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() goal: Row<InscriptionGoal>, @Ctx() ctx: RequestContext): MaybePromise<Region | null> {
    return ctx.loaders.follow(Region, goal.region);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [InscriptionGoal], { description: 'Fixer les objectifs d’inscription des départements pour un séjour (administration nationale)' })
  setInscriptionGoals(
    @Arg('cohortId', () => ID) cohortId: string,
    @Arg('goals', () => [InscriptionGoalInput]) goals: InscriptionGoalInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<InscriptionGoal[]> {
    return setInscriptionGoals(ctx, cohortId, goals);
  }
}
