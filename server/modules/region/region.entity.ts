import { Entity, Property } from '@mikro-orm/core';
import { Authorized, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';

/** An administrative region (INSEE code, e.g. "11" for Île-de-France). Reference data, readable by every staff member. */
@ObjectType({ description: 'Région (code INSEE)' })
@Entity()
export class Region extends BaseEntity {
  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 3, unique: true })
  code!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;
}
