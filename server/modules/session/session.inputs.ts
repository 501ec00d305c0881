import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des sessions' })
export class SessionFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom ou ville du centre)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  cohortId?: string;

  @Field(() => ID, { nullable: true })
  centerId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  headCenterId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Seulement les sessions qui ont encore des places' })
  hasPlacesLeft?: boolean;
}

@InputType({ description: 'Une session (un séjour dans un centre) à créer ou modifier' })
export class SessionInput {
  @Field(() => ID)
  cohortId!: string;

  @Field(() => ID)
  centerId!: string;

  @Field(() => Int, { description: 'Nombre de places (au plus la capacité du centre)' })
  placesTotal!: number;

  @Field(() => ID, { nullable: true, description: 'Chef de centre (un compte HEAD_CENTER)' })
  headCenterId?: string | null;
}
