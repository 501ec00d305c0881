import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../kernel/request-context';
import { ALL_ROLES, Role } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, textSearch } from '../../common/filters';
import { todayInParis } from '../../kernel/clock';
import { Cohort } from './cohort.entity';
import { CohortFilter, CohortInput } from './cohort.inputs';
import { archiveCohort, createCohort, updateCohort } from './cohort.service';

@Resolver(() => Cohort)
export class CohortResolver extends createReadResolver({
  entity: Cohort,
  typeName: 'Cohort',
  filterType: CohortFilter,
  roles: ALL_ROLES,
  sortable: { name: 'name', startDate: 'startDate', instructionEndDate: 'instructionEndDate', status: 'status', createdAt: 'createdAt' },
  defaultSort: { field: 'startDate', order: 'DESC' },
  label: 'Ce séjour',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name']),
      f.status ? { status: f.status } : undefined,
      // The server's day (the product's clock), not the browser's.
      f.instructionOpen === true ? { instructionEndDate: { $gte: todayInParis() } } : f.instructionOpen === false ? { instructionEndDate: { $lt: todayInParis() } } : undefined,
    ),
}) {
  @Authorized(Role.ADMIN)
  @Mutation(() => Cohort, { description: 'Créer un séjour (administration nationale)' })
  createCohort(@Arg('input', () => CohortInput) input: CohortInput, @Ctx() ctx: RequestContext): Promise<Cohort> {
    return createCohort(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Cohort, { description: 'Modifier les dates et les fenêtres d’un séjour' })
  updateCohort(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CohortInput) input: CohortInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Cohort> {
    return updateCohort(ctx, id, input, version);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Cohort, { description: 'Archiver un séjour : ses dossiers ne sont plus modifiables que par l’administration' })
  archiveCohort(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Cohort> {
    return archiveCohort(ctx, id);
  }
}
