import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ScopedThrough } from '../../scope/rules';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';

/** An internal note by a staff member on a volunteer. In scope through its volunteer. */
@ObjectType({ description: 'Note interne' })
@ScopedThrough('volunteer', () => Volunteer)
@Entity()
export class Note extends BaseEntity {
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade' })
  volunteer!: Ref<Volunteer>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field(() => String)
  @Property({ type: 'text' })
  content!: string;
}
