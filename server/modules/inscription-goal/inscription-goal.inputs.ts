import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filtres des objectifs d’inscription' })
export class InscriptionGoalFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom du département)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  cohortId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;
}

@InputType({ description: 'L’objectif d’un département pour un séjour' })
export class InscriptionGoalInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => Int, { nullable: true, description: 'Nombre maximal de volontaires validés ; vide : pas d’objectif' })
  max?: number | null;
}
