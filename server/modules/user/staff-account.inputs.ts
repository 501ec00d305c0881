import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../kernel/roles';

@InputType({ description: 'Nom, rôle et périmètre d’un compte' })
export class UpdateUserInput {
  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Région (référent régional, observateur ; chef de centre à l’échelle d’une région)' })
  regionId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Départements (référent départemental ; chef de centre d’un département)' })
  departmentIds?: string[] | null;
}

/** An invitation: the same account fields, and the e-mail the link goes to. */
@InputType({ description: 'Un membre du personnel à inviter' })
export class InviteUserInput extends UpdateUserInput {
  @Field(() => String)
  email!: string;
}
