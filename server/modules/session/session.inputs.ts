import { Field, ID, InputType } from 'type-graphql';

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
