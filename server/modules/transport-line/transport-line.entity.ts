import { Check, Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ScopedThrough } from '../../scope/rules';
import { Session } from '../session/session.entity';

/**
 * A bus (or train) line bringing volunteers to one session, serving meeting points in order
 * (`TransportLineStop`). In scope through its session. Seats are guaranteed by PostgreSQL: the
 * check constraint, and assignment's conditional update (`seats_left > 0`).
 */
@ObjectType({ description: 'Ligne de transport vers une session' })
@ScopedThrough('session', () => Session)
@Unique({ properties: ['session', 'code'] })
@Check({ name: 'transport_line_seats_check', expression: 'seats_left >= 0 and seats_left <= seats_total' })
@Entity()
export class TransportLine extends BaseEntity {
  @Field(() => String, { description: 'Code de la ligne, par exemple « 75-A »' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @ManyToOne(() => Session, { ref: true, index: true, deleteRule: 'cascade' })
  session!: Ref<Session>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seatsTotal!: number;

  @Field(() => Int, { description: 'Places restantes : toujours places totales moins volontaires affectés sur la ligne' })
  @Property({ type: 'integer' })
  seatsLeft!: number;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
