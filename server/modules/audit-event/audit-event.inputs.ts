import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Filtres de l’historique' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (action)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  recordType?: string;

  @Field(() => ID, { nullable: true })
  recordId?: string;

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field(() => String, { nullable: true })
  action?: string;

  @Field(() => Date, { nullable: true })
  createdAt_gte?: Date;

  @Field(() => Date, { nullable: true })
  createdAt_lte?: Date;
}
