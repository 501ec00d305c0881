import { Check, Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
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
// Places are guaranteed by PostgreSQL: this constraint, and assignment's conditional update.
@Check({ name: 'session_places_check', expression: 'places_left >= 0 and places_left <= places_total' })
@Entity()
export class Session extends BaseEntity {
  @ManyToOne(() => Cohort, { ref: true, index: true })
  cohort!: Ref<Cohort>;

  @ManyToOne(() => CohesionCenter, { ref: true, index: true })
  center!: Ref<CohesionCenter>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  placesTotal!: number;

  @Field(() => Int, { description: 'Places restantes : toujours places totales moins volontaires affectés' })
  @Property({ type: 'integer' })
  placesLeft!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  headCenter: Ref<User> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
