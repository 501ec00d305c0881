import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ScopedThrough } from '../../scope/rules';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { TransportLine } from './transport-line.entity';

/** One meeting point a line serves, in order, with its departure time. In scope through its line. */
@ObjectType({ description: 'Arrêt d’une ligne de transport' })
@ScopedThrough('line', () => TransportLine)
@Unique({ properties: ['line', 'position'] })
@Unique({ properties: ['line', 'meetingPoint'] })
@Entity()
export class TransportLineStop extends BaseEntity {
  @ManyToOne(() => TransportLine, { ref: true, deleteRule: 'cascade' })
  line!: Ref<TransportLine>;

  @ManyToOne(() => MeetingPoint, { ref: true, index: true })
  meetingPoint!: Ref<MeetingPoint>;

  @Field(() => Int, { description: 'Ordre de passage, à partir de 0' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Date, { nullable: true, description: 'Heure de départ de ce point' })
  @Property({ type: 'datetime', nullable: true })
  departureAt: Date | null = null;
}
