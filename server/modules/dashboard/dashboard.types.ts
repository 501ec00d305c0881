import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VolunteerStatus } from '../volunteer/volunteer.enums';

/** The rows of a dashboard's tables: one per region, or one per department. */
export enum DashboardLevel {
  REGION = 'REGION',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(DashboardLevel, { name: 'DashboardLevel', description: 'Lignes des tableaux du tableau de bord : par région ou par département' });

@ObjectType({ description: 'Une région ou un département, ligne d’un tableau de bord' })
export class DashboardTerritory {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Code INSEE' })
  code!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'Nombre de volontaires d’un statut' })
export class DashboardStatusCount {
  @Field(() => VolunteerStatus)
  status!: VolunteerStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Volontaires d’un territoire par statut (tous les statuts, zéros compris)' })
export class TerritoryStatusCounts {
  @Field(() => DashboardTerritory)
  territory!: DashboardTerritory;

  @Field(() => Int)
  total!: number;

  @Field(() => [DashboardStatusCount])
  counts!: DashboardStatusCount[];
}

@ObjectType({ description: 'Avancement d’un objectif d’inscription départemental' })
export class GoalCompletion {
  @Field(() => DashboardTerritory, { description: 'Le département' })
  department!: DashboardTerritory;

  @Field(() => Int, { description: 'Objectif : nombre maximal de volontaires validés' })
  max!: number;

  @Field(() => Int, { description: 'Volontaires validés' })
  validated!: number;

  @Field(() => Float, { description: 'validés / objectif (1 = atteint)' })
  rate!: number;
}

@ObjectType({ description: 'Remplissage d’une session' })
export class SessionFill {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String)
  centerName!: string;

  @Field(() => DashboardTerritory, { description: 'Le département du centre' })
  department!: DashboardTerritory;

  @Field(() => Int)
  placesTotal!: number;

  @Field(() => Int, { description: 'Places occupées (volontaires affectés)' })
  placesTaken!: number;

  @Field(() => Float, { description: 'occupées / totales (0 pour une session sans place)' })
  fillRate!: number;
}

@ObjectType({ description: 'Dossiers en attente de validation d’un territoire, par ancienneté de leur dernier changement de statut' })
export class BacklogByAge {
  @Field(() => DashboardTerritory)
  territory!: DashboardTerritory;

  @Field(() => Int, { description: 'Moins de 3 jours' })
  lessThan3Days!: number;

  @Field(() => Int, { description: 'De 3 à 7 jours' })
  from3To7Days!: number;

  @Field(() => Int, { description: 'Plus de 7 jours' })
  moreThan7Days!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Décisions d’instruction d’un jour (heure de Paris) dans un territoire' })
export class DailyDecisions {
  @Field(() => String, { description: 'Jour, AAAA-MM-JJ (heure de Paris)' })
  day!: string;

  @Field(() => DashboardTerritory)
  territory!: DashboardTerritory;

  @Field(() => Int)
  validated!: number;

  @Field(() => Int)
  refused!: number;

  @Field(() => Int)
  waitingList!: number;

  @Field(() => Int, { description: 'Demandes de correction' })
  correctionRequested!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Tableau de bord d’un séjour, dans le périmètre du lecteur : chaque indicateur n’est calculé que s’il est demandé' })
export class CohortDashboard {
  @Field(() => ID)
  cohortId!: string;

  @Field(() => DashboardLevel)
  level!: DashboardLevel;

  @Field(() => String, { description: 'Le jour (AAAA-MM-JJ, heure de Paris) selon l’horloge du serveur : le dernier jour des décisions par jour' })
  today!: string;

  /** The territories of the reader's scope at `level`, in code order (not a field: each widget lists them). */
  territories!: DashboardTerritory[];

  /** Region (or the department itself) of each department in scope, to fold department rows into `territories`. */
  territoryOf!: ReadonlyMap<string, DashboardTerritory>;

  /** Departments in scope with their code and name (goals and sessions are always per department). */
  departments!: ReadonlyMap<string, DashboardTerritory>;
}
