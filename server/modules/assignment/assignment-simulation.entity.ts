import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../kernel/roles';
import { NOTHING, Scoped } from '../../scope/rules';
import { Cohort } from '../cohort/cohort.entity';
import { Region } from '../region/region.entity';
import { User } from '../user/user.entity';

export enum SimulationStatus {
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
  APPLIED = 'APPLIED',
}
registerEnumType(SimulationStatus, { name: 'SimulationStatus', description: 'État d’une simulation d’affectation' });

/** One session in a simulation's report. */
@ObjectType({ description: 'Une session dans le rapport de simulation' })
export class SimulationSession {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  placesLeftBefore!: number;

  @Field(() => Int)
  placed!: number;

  @Field(() => Int)
  placesLeftAfter!: number;

  @Field(() => Int, { description: 'Placés par la recherche aléatoire de l’ancienne plateforme, pour comparer' })
  baselinePlaced!: number;
}

/** The proposal's figures, or the baseline's. */
@ObjectType({ description: 'Chiffres d’une proposition d’affectation' })
export class SimulationFigures {
  @Field(() => Int)
  placed!: number;

  @Field(() => Int)
  unplaced!: number;

  @Field(() => Number, { description: 'Écart moyen des centres aux parts globales de filles, QPV et handicap (0 = parfait)' })
  balance!: number;

  @Field(() => Number, { description: 'Distance moyenne au domicile : 0 même département, 1 même région, 2 ailleurs' })
  meanDistance!: number;

  @Field(() => Int)
  sameDepartment!: number;

  @Field(() => Int)
  sameRegion!: number;

  @Field(() => String, { description: 'Méthode de calcul, en clair' })
  method!: string;
}

@ObjectType({ description: 'Un volontaire non placé par la simulation, et pourquoi' })
export class SimulationUnplaced {
  @Field(() => ID)
  volunteerId!: string;

  @Field(() => String, { description: 'NO_PLACE, NO_ACCESSIBLE_PLACE' })
  reason!: string;
}

@ObjectType({ description: 'Un centre dans le rapport de simulation : placés, équilibre et distance' })
export class SimulationCenter {
  @Field(() => ID)
  centerId!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  placed!: number;

  @Field(() => Number, { description: 'Part de filles (0 à 1)' })
  femaleShare!: number;

  @Field(() => Number, { description: 'Part de volontaires des quartiers prioritaires (0 à 1)' })
  priorityNeighbourhoodShare!: number;

  @Field(() => Number, { description: 'Part de volontaires en situation de handicap (0 à 1)' })
  disabilityShare!: number;

  @Field(() => Number, { description: 'Distance moyenne au domicile (0 à 2)' })
  meanDistance!: number;
}

@ObjectType({ description: 'Une proposition écartée à l’application, et pourquoi' })
export class SimulationSkipped {
  @Field(() => ID)
  volunteerId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

/** What the report stores (JSON): figures, sessions, the proposal itself and the skipped items after apply. */
export interface SimulationReport {
  proposal: SimulationFigures;
  baseline: SimulationFigures;
  sessions: SimulationSession[];
  unplaced: SimulationUnplaced[];
  assignments: Array<{ volunteerId: string; sessionId: string }>;
  centers: Array<{ centerId: string; label: string; placed: number; femaleShare: number; priorityNeighbourhoodShare: number; disabilityShare: number; meanDistance: number }>;
  skipped?: Array<{ volunteerId: string; code: string; message: string }>;
}

/**
 * An automatic assignment's simulation: computed by a background job, written nothing but this
 * report until it is applied. In scope by its region (regional managers see theirs).
 */
@ObjectType({ description: 'Simulation d’affectation automatique' })
@Scoped((user) => (user.role === Role.REFERENT_REGION && user.territory.regionId ? { region: user.territory.regionId } : NOTHING))
@Index({ properties: ['region', 'createdAt'] })
@Entity()
export class AssignmentSimulation extends BaseEntity {
  @ManyToOne(() => Cohort, { ref: true })
  cohort!: Ref<Cohort>;

  @ManyToOne(() => Region, { ref: true })
  region!: Ref<Region>;

  @Field(() => [ID])
  @Property({ type: new ArrayType((id) => id), columnType: 'uuid[]' })
  departmentIds!: string[];

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Field(() => SimulationStatus)
  @Enum({ items: () => SimulationStatus, nativeEnumName: 'simulation_status' })
  status: SimulationStatus & Opt = SimulationStatus.RUNNING;

  @Field(() => Int, { description: 'Avancement, de 0 à 100' })
  @Property({ type: 'integer', default: 0 })
  progress: number & Opt = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  candidates: number & Opt = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  placed: number & Opt = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  unplaced: number & Opt = 0;

  @Field(() => Int, { description: 'Affectations écrites par « Appliquer »' })
  @Property({ type: 'integer', default: 0 })
  applied: number & Opt = 0;

  @Field(() => Int, { description: 'Propositions écartées à l’application (le dossier ou la place a changé depuis)' })
  @Property({ type: 'integer', default: 0 })
  skipped: number & Opt = 0;

  @Field(() => String, { nullable: true, description: 'Cause d’un échec, en clair' })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** The report (exposed through `sessions`, `proposal`, `baseline`, `centers`, `unplacedVolunteers`). */
  @Property({ type: 'json', nullable: true })
  report: SimulationReport | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  appliedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
