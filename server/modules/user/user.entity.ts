import { ArrayType, Entity, Enum, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { BaseEntity } from '../../common/base.entity';
import { Scoped } from '../../scope/rules';
import { Region } from '../region/region.entity';

export enum UserStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

/**
 * A staff account. Referents see the accounts of their territory; everyone else only their own.
 * Department scope is a uuid[] so that "shares a department with me" is one indexed `&&`.
 */
@ObjectType({ description: 'Compte du personnel' })
@Scoped((user) => {
  // Never `{ region: null }`: that would match every account without a region.
  const { regionId, departmentIds } = user.territory;
  if (user.role === Role.REFERENT_REGION && regionId) {
    return { $or: [{ id: user.id }, { region: regionId }, { departmentIds: { $overlap: departmentIds } }] };
  }
  if (user.role === Role.REFERENT_DEPARTMENT || user.role === Role.REFERENT_REGION) {
    return { $or: [{ id: user.id }, { departmentIds: { $overlap: departmentIds } }] };
  }
  return { id: user.id };
})
@Entity({ tableName: 'staff_user' })
export class User extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** For regional managers and visitors. */
  @ManyToOne(() => Region, { ref: true, nullable: true })
  region: Ref<Region> | null = null;

  /** For department referents (one or several departments). */
  @Property({ type: new ArrayType((id) => id), columnType: 'uuid[]', default: '{}' })
  departmentIds: string[] = [];

  @Field(() => UserStatus)
  @Enum({ items: () => UserStatus, nativeEnumName: 'user_status' })
  status: UserStatus = UserStatus.INVITED;

  /** argon2id hash; never exposed. */
  @Property({ type: 'string', nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
