import { Field, ID, InputType } from 'type-graphql';
import { EmailStatus } from './email-message.entity';

@InputType({ description: 'Filtres des e-mails envoyés' })
export class EmailMessageFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (objet, destinataire)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  volunteerId?: string;

  @Field(() => EmailStatus, { nullable: true })
  status?: EmailStatus;

  @Field(() => String, { nullable: true })
  template?: string;
}
