import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { Scoped } from '../../scope/rules';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { User } from '../user/user.entity';

/** One cohort in one centre. In scope by its centre's department; heads of centre see the sessions they head. */
@ObjectType({ description: 'Session : un séjour dans un centre' })
@Scoped((user) =>
  user.role === Role.HEAD_CENTER ? { id: { $in: user.territory.sessionIds } } : { center: { department: { $in: user.territory.departmentIds } } },
)
@Unique({ properties: ['cohort', 'center'] })
@Entity()
export class Session extends BaseEntity {
  @ManyToOne(() => Cohort, { ref: true, index: true })
  cohort!: Ref<Cohort>;

  @ManyToOne(() => CohesionCenter, { ref: true, index: true })
  center!: Ref<CohesionCenter>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  placesTotal!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  placesLeft!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  headCenter: Ref<User> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}
