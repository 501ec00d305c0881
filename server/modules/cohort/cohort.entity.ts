import { Entity, Enum, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { NotScoped } from '../../scope/rules';

export enum CohortStatus {
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CohortStatus, { name: 'CohortStatus' });

/** A dated cohesion stay ("séjour"), e.g. "Juin 2026". */
@ObjectType({ description: 'Séjour (cohorte)' })
@NotScoped('National calendar: every staff member works on the same cohorts')
@Entity()
export class Cohort extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  name!: string;

  @Field(() => String, { description: 'Début du séjour (AAAA-MM-JJ)' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { description: 'Fin du séjour (AAAA-MM-JJ)' })
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => String)
  @Property({ type: 'date' })
  registrationStartDate!: string;

  @Field(() => String)
  @Property({ type: 'date' })
  registrationEndDate!: string;

  @Field(() => String, { description: 'Après cette date, les référents départementaux ne peuvent plus valider.' })
  @Property({ type: 'date' })
  instructionEndDate!: string;

  @Field(() => CohortStatus)
  @Enum({ items: () => CohortStatus, nativeEnumName: 'cohort_status' })
  status: CohortStatus = CohortStatus.PUBLISHED;

  @Field(() => Boolean, { description: 'Affectation manuelle ouverte aux référents régionaux' })
  @Property({ type: 'boolean', default: false })
  manualAssignmentOpenForRegion: boolean = false;

  @Field(() => Boolean, { description: 'Création et modification des sessions et lignes ouvertes aux référents régionaux' })
  @Property({ type: 'boolean', default: true })
  sessionEditingOpenForRegion: boolean = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
