import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des départements' })
export class DepartmentFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom ou code)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => Boolean, { nullable: true, description: 'Seulement les départements du périmètre de l’utilisateur' })
  inMyScope?: boolean;
}
