import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des régions' })
export class RegionFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom ou code)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  code?: string;
}
