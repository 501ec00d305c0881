import { Entity, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { Scoped } from '../../scope/rules';
import { Department } from '../department/department.entity';

/** A residential cohesion centre. In scope by its own department; heads of centre see the centres they head. */
@ObjectType({ description: 'Centre de cohésion' })
@Scoped((user) => (user.role === Role.HEAD_CENTER ? { id: { $in: user.territory.centerIds } } : { department: { $in: user.territory.departmentIds } }))
@Entity()
export class CohesionCenter extends BaseEntity {
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
  @Property({ type: 'integer' })
  capacity!: number;

  @Field(() => Boolean, { description: 'Accessible aux personnes à mobilité réduite' })
  @Property({ type: 'boolean', default: false })
  accessibleReducedMobility: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
