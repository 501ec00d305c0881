import { Field, ID, InputType } from 'type-graphql';
import { CohortStatus } from './cohort.entity';

@InputType({ description: 'Filtres de la liste des séjours' })
export class CohortFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (nom)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => CohortStatus, { nullable: true })
  status?: CohortStatus;

  @Field(() => Boolean, { nullable: true, description: 'Instruction en cours (true : la date de fin d’instruction n’est pas passée, au jour du serveur) ou close (false)' })
  instructionOpen?: boolean;
}
