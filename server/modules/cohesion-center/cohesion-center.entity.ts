import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Authorized, Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';
import { Scoped } from '../../scope/scope';
import { Department } from '../department/department.entity';

/** A residential cohesion centre. In scope by its own department; heads of centre see the centres they head. */
@ObjectType({ description: 'Centre de cohésion' })
@Scoped((user) => (user.role === Role.HEAD_CENTER ? { id: { $in: user.centerIds } } : { department: { $in: user.departmentIds } }))
@Entity()
export class CohesionCenter extends BaseEntity {
  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  address!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 10 })
  zip!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  city!: string;

  @ManyToOne(() => Department, { ref: true, index: true })
  department!: Ref<Department>;

  @Authorized()
  @Field(() => Int)
  @Property({ type: 'integer' })
  capacity!: number;

  @Authorized()
  @Field(() => Boolean, { description: 'Accessible aux personnes à mobilité réduite' })
  @Property({ type: 'boolean', default: false })
  accessibleReducedMobility: boolean = false;
}
