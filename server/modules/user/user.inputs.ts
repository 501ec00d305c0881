import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { UserStatus } from './user.entity';

@InputType({ description: 'Filtres de la liste des comptes' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre : nom, prénom ou e-mail' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => Int, { nullable: true, description: 'Sans connexion depuis plus de N jours (jamais connectés compris)' })
  notLoggedInForDays?: number;
}
