import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filtres de la liste des lignes de transport' })
export class TransportLineFilter {
  @Field(() => String, { nullable: true, description: 'Recherche libre (code de la ligne)' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  sessionId?: string;

  @Field(() => ID, { nullable: true })
  cohortId?: string;

  @Field(() => ID, { nullable: true, description: 'Région du centre desservi' })
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Lignes qui desservent ce point de rassemblement' })
  meetingPointId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Seulement les lignes qui ont encore des places' })
  hasSeatsLeft?: boolean;
}

@InputType({ description: 'Un arrêt : un point de rassemblement et son heure de départ' })
export class TransportLineStopInput {
  @Field(() => ID)
  meetingPointId!: string;

  @Field(() => Date, { nullable: true, description: 'Heure de départ (le premier jour du séjour ou la veille)' })
  departureAt?: Date | null;
}

@InputType({ description: 'Une ligne de transport à créer ou modifier : `meetingPointIds` (dans l’ordre) ou `stops` (avec les heures de départ)' })
export class TransportLineInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => Int)
  seatsTotal!: number;

  @Field(() => [ID], { nullable: true, description: 'Points desservis, dans l’ordre (sans heure de départ)' })
  meetingPointIds?: string[] | null;

  @Field(() => [TransportLineStopInput], { nullable: true, description: 'Arrêts dans l’ordre, avec leur heure de départ' })
  stops?: TransportLineStopInput[] | null;
}
