import { Entity, Enum, Property } from '@mikro-orm/core';
import { Authorized, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';

export enum CohortStatus {
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CohortStatus, { name: 'CohortStatus' });

/** A dated cohesion stay ("séjour"), e.g. "Juin 2026". */
@ObjectType({ description: 'Séjour (cohorte)' })
@Entity()
export class Cohort extends BaseEntity {
  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  name!: string;

  @Authorized()
  @Field(() => String, { description: 'Début du séjour (AAAA-MM-JJ)' })
  @Property({ type: 'date' })
  startDate!: string;

  @Authorized()
  @Field(() => String, { description: 'Fin du séjour (AAAA-MM-JJ)' })
  @Property({ type: 'date' })
  endDate!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'date' })
  registrationStartDate!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'date' })
  registrationEndDate!: string;

  @Authorized()
  @Field(() => String, { description: 'Après cette date, les référents départementaux ne peuvent plus valider.' })
  @Property({ type: 'date' })
  instructionEndDate!: string;

  @Authorized()
  @Field(() => CohortStatus)
  @Enum({ items: () => CohortStatus, nativeEnumName: 'cohort_status' })
  status: CohortStatus = CohortStatus.PUBLISHED;

  @Authorized()
  @Field(() => Boolean, { description: 'Affectation manuelle ouverte aux référents régionaux' })
  @Property({ type: 'boolean', default: false })
  manualAssignmentOpenForRegion: boolean = false;
}
