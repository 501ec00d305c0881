import { Field, ID, InputType } from 'type-graphql';
import { CorrectionRequestStatus } from './correction-request.entity';

@InputType({ description: 'Filtres des demandes de correction' })
export class CorrectionRequestFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (champ)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  volunteerId?: string;

  @Field(() => CorrectionRequestStatus, { nullable: true })
  status?: CorrectionRequestStatus;
}
