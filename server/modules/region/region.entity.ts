import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { NotScoped } from '../../scope/rules';

/** An administrative region (INSEE code, e.g. "11" for Île-de-France). Reference data, readable by every staff member. */
@ObjectType({ description: 'Région (code INSEE)' })
@NotScoped('Reference data: the 18 regions, the same for everyone')
@Entity()
export class Region extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 3, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;
}
