import { Field, ID, InputType, ObjectType} from 'type-graphql';
import { CorrectionReason } from '../correction-request/correction-request.entity';

@InputType({ description: 'Une demande de correction sur un champ du dossier' })
export class CorrectionRequestInput {
  @Field(() => String, { description: 'Nom du champ (firstName, birthDate, identityDocument…)' })
  field!: string;

  @Field(() => CorrectionReason)
  reason!: CorrectionReason;

  @Field(() => String, { nullable: true })
  message?: string | null;
}

@ObjectType({ description: 'Échec d’un élément d’une action groupée' })
export class BulkFailure {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'Résultat d’une action groupée' })
export class BulkResult {
  @Field(() => [ID])
  succeeded!: string[];

  @Field(() => [BulkFailure])
  failed!: BulkFailure[];
}
