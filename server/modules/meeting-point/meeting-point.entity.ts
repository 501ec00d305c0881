import { Entity, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/rules';
import { Department } from '../department/department.entity';

/** Where buses pick volunteers up ("point de rassemblement"). In scope by its department. */
@ObjectType({ description: 'Point de rassemblement' })
@Scoped((user) => (user.role === Role.HEAD_CENTER ? NOTHING : { department: { $in: user.territory.departmentIds } }))
@Entity()
export class MeetingPoint extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  address!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 10 })
  zip!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  city!: string;

  @ManyToOne(() => Department, { ref: true, index: true })
  department!: Ref<Department>;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
