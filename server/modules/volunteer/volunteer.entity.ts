import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/rules';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from '../transport-line/transport-line.entity';
import { Gender, Grade, Phase1Status, RefusalReason, SchoolSituation, VolunteerStatus } from './volunteer.enums';
import { Guardian } from './guardian.embeddable';
import { now } from '../../kernel/clock';

/**
 * A registrant. In scope by its HOME department (not where it is placed): the home referent
 * follows it wherever it goes. Heads of centre see the volunteers of the sessions they head.
 */
@ObjectType({ description: 'Volontaire' })
@Scoped(
  (user) => {
    if (user.role === Role.VISITOR) return NOTHING;
    if (user.role === Role.HEAD_CENTER) return { session: { $in: user.territory.sessionIds } };
    return { department: { $in: user.territory.departmentIds } };
  },
  {
    // Dashboards: visitors count the volunteers of their region (they never read one).
    counts: (user) => (user.role === Role.HEAD_CENTER ? { session: { $in: user.territory.sessionIds } } : { department: { $in: user.territory.departmentIds } }),
  },
)
// The referent's review list: department + status, newest or oldest first, the id as tie-breaker.
// With the id in the index, a deep page's offset is skipped inside the index (see list-rows.ts).
@Index({ properties: ['department', 'status', 'createdAt', 'id'] })
@Index({ properties: ['cohort', 'status'] })
// Goal checks and dashboards count per department, cohort and status: index-only.
@Index({ properties: ['department', 'cohort', 'status'] })
@Index({ properties: ['session'] })
@Index({ name: 'volunteer_search_text_trgm', expression: 'create index "volunteer_search_text_trgm" on "volunteer" using gin ("search_text" gin_trgm_ops)' })
@Entity()
export class Volunteer extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Field(() => String, { description: 'Date de naissance (AAAA-MM-JJ)' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => Gender)
  @Enum({ items: () => Gender, nativeEnumName: 'gender' })
  gender!: Gender;

  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  /** Lower-cased "first last email", maintained by PostgreSQL, for the free-text filter. */
  @Property({
    type: 'text',
    generated: `(lower(("first_name" || ' ' || "last_name" || ' ' || "email"))) stored`,
    hidden: true,
    lazy: true,
  })
  searchText?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  address!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 10 })
  zip!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  city!: string;

  @ManyToOne(() => Department, { ref: true })
  department!: Ref<Department>;

  @Field(() => Boolean, { description: 'Habite un quartier prioritaire de la ville (QPV)' })
  @Property({ type: 'boolean', default: false })
  priorityNeighbourhood: boolean = false;

  @Field(() => SchoolSituation)
  @Enum({ items: () => SchoolSituation, nativeEnumName: 'school_situation' })
  schoolSituation!: SchoolSituation;

  @Field(() => Grade, { nullable: true })
  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true })
  grade: Grade | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  schoolName: string | null = null;

  @Field(() => Guardian)
  @Embedded(() => Guardian, { prefix: 'guardian1_' })
  guardian1!: Guardian;

  @Field(() => Guardian, { nullable: true })
  @Embedded(() => Guardian, { prefix: 'guardian2_', nullable: true })
  guardian2: Guardian | null = null;

  @Field(() => Boolean, { description: 'Situation de handicap' })
  @Property({ type: 'boolean', default: false })
  disability: boolean = false;

  @Field(() => Boolean, { description: 'Projet personnalisé de scolarisation (PPS)' })
  @Property({ type: 'boolean', default: false })
  ppsBeneficiary: boolean = false;

  @Field(() => Boolean, { description: 'Projet d’accueil individualisé (PAI)' })
  @Property({ type: 'boolean', default: false })
  paiBeneficiary: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  reducedMobility: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  allergies: boolean = false;

  @Field(() => String, { nullable: true, description: 'Précisions sur les besoins particuliers' })
  @Property({ type: 'text', nullable: true })
  specialNeedsDetails: string | null = null;

  @ManyToOne(() => Cohort, { ref: true })
  cohort!: Ref<Cohort>;

  @Field(() => VolunteerStatus)
  @Enum({ items: () => VolunteerStatus, nativeEnumName: 'volunteer_status' })
  status: VolunteerStatus = VolunteerStatus.IN_PROGRESS;

  /** When the status last changed: "waiting for more than N days" counts from here. */
  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  statusChangedAt: Date = now();

  @Field(() => RefusalReason, { nullable: true })
  @Enum({ items: () => RefusalReason, nativeEnumName: 'refusal_reason', nullable: true })
  refusalReason: RefusalReason | null = null;

  @Field(() => String, { nullable: true, description: 'Message de refus adressé au volontaire' })
  @Property({ type: 'text', nullable: true })
  refusalMessage: string | null = null;

  @Field(() => String, { nullable: true, description: 'Motif du désistement' })
  @Property({ type: 'string', length: 200, nullable: true })
  withdrawalReason: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  withdrawalMessage: string | null = null;

  @Field(() => Phase1Status, { nullable: true })
  @Enum({ items: () => Phase1Status, nativeEnumName: 'phase1_status', nullable: true, fieldName: 'phase1_status' })
  phase1Status: Phase1Status | null = null;

  @ManyToOne(() => Session, { ref: true, nullable: true })
  session: Ref<Session> | null = null;

  @ManyToOne(() => MeetingPoint, { ref: true, nullable: true, index: true })
  meetingPoint: Ref<MeetingPoint> | null = null;

  /** When the head of centre recorded the volunteer's arrival at the centre. */
  @Field(() => Date, { nullable: true, description: 'Arrivée au centre (relevée par le chef de centre)' })
  @Property({ type: 'datetime', nullable: true })
  arrivedAt: Date | null = null;

  /** The line whose seat the volunteer takes from its meeting point (set with `meetingPoint`). */
  @ManyToOne(() => TransportLine, { ref: true, nullable: true, index: true })
  transportLine: Ref<TransportLine> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}
