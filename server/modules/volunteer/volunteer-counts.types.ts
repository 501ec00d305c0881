import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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
  @Field(() => VolunteerStatus, { nullable: true })
  status!: VolunteerStatus | null;

  @Field(() => ID, { nullable: true })
  departmentId!: string | null;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;

  @Field(() => Int)
  count!: number;
}
