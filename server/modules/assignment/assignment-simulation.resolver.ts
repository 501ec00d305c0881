import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition } from '../../common/filters';
import type { RequestContext, Row } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import {
  AssignmentSimulation,
  SimulationCenter,
  SimulationFigures,
  SimulationSession,
  SimulationSkipped,
  SimulationStatus,
  SimulationUnplaced,
} from './assignment-simulation.entity';
import { applyAssignmentSimulation, simulateAssignment } from './assignment-simulation.service';

@InputType({ description: 'Filtres de la liste des simulations' })
export class AssignmentSimulationFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  cohortId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => SimulationStatus, { nullable: true })
  status?: SimulationStatus;
}

@InputType({ description: 'Ce qu’une simulation d’affectation automatique couvre' })
export class AssignmentSimulationInput {
  @Field(() => ID)
  cohortId!: string;

  @Field(() => ID)
  regionId!: string;

  @Field(() => [ID], { nullable: true, description: 'Départements des volontaires à placer (tous ceux de la région si vide)' })
  departmentIds?: string[] | null;
}

@Resolver(() => AssignmentSimulation)
export class AssignmentSimulationResolver extends createReadResolver({
  entity: AssignmentSimulation,
  typeName: 'AssignmentSimulation',
  filterType: AssignmentSimulationFilter,
  roles: PLACEMENT_MANAGERS,
  sortable: { createdAt: 'createdAt', status: 'status' },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  label: 'Cette simulation',
  where: (f) => allOf(idsCondition(f.ids), refCondition('cohort', f.cohortId, 'cohortId'), refCondition('region', f.regionId, 'regionId'), f.status ? { status: f.status } : undefined),
}) {
  @FieldResolver(() => ID)
  cohortId(@Root() simulation: Row<AssignmentSimulation>): string {
    return simulation.cohort.id;
  }

  @FieldResolver(() => ID)
  regionId(@Root() simulation: Row<AssignmentSimulation>): string {
    return simulation.region.id;
  }

  @FieldResolver(() => [SimulationSession], { description: 'Remplissage de chaque session selon la proposition (et la recherche aléatoire)' })
  sessions(@Root() simulation: Row<AssignmentSimulation>): SimulationSession[] {
    return simulation.report?.sessions ?? [];
  }

  @FieldResolver(() => SimulationFigures, { nullable: true, description: 'Chiffres de la proposition de l’optimiseur' })
  proposal(@Root() simulation: Row<AssignmentSimulation>): SimulationFigures | null {
    return simulation.report?.proposal ?? null;
  }

  @FieldResolver(() => SimulationFigures, { nullable: true, description: 'Chiffres de la méthode de l’ancienne plateforme (300 ordres aléatoires), sur les mêmes données' })
  baseline(@Root() simulation: Row<AssignmentSimulation>): SimulationFigures | null {
    return simulation.report?.baseline ?? null;
  }

  @FieldResolver(() => [SimulationCenter], { description: 'Équilibre et distance par centre' })
  centers(@Root() simulation: Row<AssignmentSimulation>): SimulationCenter[] {
    return simulation.report?.centers ?? [];
  }

  @FieldResolver(() => [SimulationUnplaced], { description: 'Volontaires non placés, avec la raison' })
  unplacedVolunteers(@Root() simulation: Row<AssignmentSimulation>): SimulationUnplaced[] {
    return simulation.report?.unplaced ?? [];
  }

  @FieldResolver(() => [SimulationSkipped], { description: 'Propositions écartées à l’application' })
  skippedVolunteers(@Root() simulation: Row<AssignmentSimulation>): SimulationSkipped[] {
    return simulation.report?.skipped ?? [];
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => AssignmentSimulation, { description: 'Lancer une simulation d’affectation automatique (calculée en arrière-plan, n’écrit que son rapport)' })
  simulateAssignment(@Arg('input', () => AssignmentSimulationInput) input: AssignmentSimulationInput, @Ctx() ctx: RequestContext): Promise<AssignmentSimulation> {
    return simulateAssignment(ctx, input);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => AssignmentSimulation, { description: 'Appliquer une simulation prête : chaque affectation est revérifiée, ce qui a changé est écarté' })
  applyAssignmentSimulation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AssignmentSimulation> {
    return applyAssignmentSimulation(ctx, id);
  }
}
