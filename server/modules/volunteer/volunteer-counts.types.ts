import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VolunteerStatus } from './volunteer.enums';

/** What `volunteerCounts` groups by. */
export enum VolunteerCountDimension {
  STATUS = 'STATUS',
  DEPARTMENT = 'DEPARTMENT',
  COHORT = 'COHORT',
}
registerEnumType(VolunteerCountDimension, { name: 'VolunteerCountDimension', description: 'Regroupement des comptages de volontaires' });

/** One group of a `volunteerCounts` answer: the grouped values (null for dimensions not asked) and the count. */
@ObjectType({ description: 'Nombre de volontaires d’un groupe (statut, département, séjour)' })
export class VolunteerCount {
  @Authorized()
  @Field(() => VolunteerStatus, { nullable: true })
  status!: VolunteerStatus | null;

  @Authorized()
  @Field(() => ID, { nullable: true })
  departmentId!: string | null;

  @Authorized()
  @Field(() => ID, { nullable: true })
  cohortId!: string | null;

  @Authorized()
  @Field(() => Int)
  count!: number;
}
