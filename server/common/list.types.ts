import { ArgsType, Field, Int, ObjectType } from 'type-graphql';

export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 25;

/** ra-data-graphql-simple's `_allTsMeta` answer. */
@ObjectType({ description: 'Métadonnées d’une liste' })
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Numéro de page, à partir de 0' })
  page?: number;

  @Field(() => Int, { nullable: true, description: `Taille de page (au plus ${MAX_PER_PAGE})` })
  perPage?: number;
}

@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  sortField?: string;

  @Field(() => String, { nullable: true, description: 'ASC ou DESC' })
  sortOrder?: string;
}
