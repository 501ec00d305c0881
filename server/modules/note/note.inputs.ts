import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filtres des notes internes' })
export class NoteFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (contenu)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  volunteerId?: string;

  @Field(() => ID, { nullable: true })
  authorId?: string;
}
