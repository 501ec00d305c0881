import { PlaceInput } from '../department/place.inputs';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des points de rassemblement' })
export class MeetingPointFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom, ville)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;
}

@InputType({ description: 'Un point de rassemblement à créer ou modifier' })
export class MeetingPointInput extends PlaceInput {
}
