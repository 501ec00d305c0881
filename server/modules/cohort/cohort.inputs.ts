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

@InputType({ description: 'Un séjour à créer ou modifier (dates AAAA-MM-JJ)' })
export class CohortInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Début du séjour' })
  startDate!: string;

  @Field(() => String, { description: 'Fin du séjour (après le début)' })
  endDate!: string;

  @Field(() => String, { description: 'Ouverture des inscriptions' })
  registrationStartDate!: string;

  @Field(() => String, { description: 'Clôture des inscriptions (avant le séjour)' })
  registrationEndDate!: string;

  @Field(() => String, { description: 'Fin de l’instruction pour les référents départementaux (avant le séjour)' })
  instructionEndDate!: string;

  @Field(() => Boolean, { nullable: true, description: 'Affectation manuelle ouverte aux référents régionaux (non par défaut)' })
  manualAssignmentOpenForRegion?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Sessions et lignes modifiables par les référents régionaux (oui par défaut)' })
  sessionEditingOpenForRegion?: boolean | null;
}
