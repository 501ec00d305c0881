import { PlaceInput } from '../department/place.inputs';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des centres' })
export class CohesionCenterFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom, ville)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => Boolean, { nullable: true })
  accessibleReducedMobility?: boolean;
}

@InputType({ description: 'Un centre de cohésion à créer ou modifier' })
export class CohesionCenterInput extends PlaceInput {

  @Field(() => Int, { description: 'Capacité d’accueil (lits)' })
  capacity!: number;

  @Field(() => Boolean, { nullable: true, description: 'Accessible aux personnes à mobilité réduite (faux par défaut)' })
  accessibleReducedMobility?: boolean;
}
