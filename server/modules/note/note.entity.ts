import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Authorized, Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/scope';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';

/** An internal note by a staff member on a volunteer. In scope through its volunteer. */
@ObjectType({ description: 'Note interne' })
@Scoped((user) => {
  if (user.role === Role.VISITOR) return NOTHING;
  if (user.role === Role.HEAD_CENTER) return { volunteer: { session: { $in: user.sessionIds } } };
  return { volunteer: { department: { $in: user.departmentIds } } };
})
@Entity()
export class Note extends BaseEntity {
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade' })
  volunteer!: Ref<Volunteer>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'text' })
  content!: string;
}
