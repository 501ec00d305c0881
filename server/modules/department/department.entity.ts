import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Region } from '../region/region.entity';
import { NotScoped } from '../../scope/rules';

/** A department (INSEE code: "75", "2A", "971"…), in exactly one region. Reference data. */
@ObjectType({ description: 'Département (code INSEE)' })
@NotScoped('Reference data: the 101 departments, the same for everyone')
@Entity()
export class Department extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 3, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Resolved in GraphQL through the region loader. */
  @ManyToOne(() => Region, { ref: true, index: true })
  region!: Ref<Region>;
}
