import { Field, ID, InputType } from 'type-graphql';

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
