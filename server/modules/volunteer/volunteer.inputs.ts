import { Field, ID, InputType, Int } from 'type-graphql';
import { Phase1Status, VolunteerStatus } from './volunteer.enums';

@InputType({ description: 'Filtres de la liste des volontaires' })
export class VolunteerFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre : nom, prénom ou e-mail' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => VolunteerStatus, { nullable: true })
  status?: VolunteerStatus;

  @Field(() => [VolunteerStatus], { nullable: true })
  status_in?: VolunteerStatus[];

  @Field(() => ID, { nullable: true })
  cohortId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  sessionId?: string;

  @Field(() => ID, { nullable: true })
  meetingPointId?: string;

  @Field(() => Phase1Status, { nullable: true })
  phase1Status?: Phase1Status;

  @Field(() => Int, { nullable: true, description: 'Statut inchangé depuis plus de N jours ; sans filtre de statut, seulement les dossiers en attente de validation' })
  waitingForMoreThanDays?: number;

  @Field(() => String, { nullable: true, description: 'Statut inchangé depuis avant ce jour (AAAA-MM-JJ, heure de Paris) : le « plus de 7 jours » du tableau de bord' })
  statusChangedBeforeDay?: string;

  @Field(() => Boolean, { nullable: true, description: 'A (true) ou n’a pas (false) de demande de correction en cours' })
  hasPendingCorrections?: boolean;

  @Field(() => Date, { nullable: true })
  createdAt_gte?: Date;

  @Field(() => Date, { nullable: true })
  createdAt_lte?: Date;
}
