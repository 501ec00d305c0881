import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { NOTHING, Scoped } from '../../scope/scope';
import { Department } from '../department/department.entity';
import { User } from '../user/user.entity';

export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * Append-only trail of every change. `department` is the changed record's department at the
 * time of the event, copied so that history is scoped like the record itself, with no join.
 */
@ObjectType({ description: 'Événement de l’historique' })
@Scoped((user) => {
  if (user.role === Role.VISITOR || user.role === Role.HEAD_CENTER) return NOTHING;
  return { department: { $in: user.departmentIds } };
})
@Index({ properties: ['recordType', 'recordId', 'createdAt'] })
@Index({ properties: ['actor', 'createdAt'] })
@Index({ properties: ['createdAt'] })
@Entity()
export class AuditEvent {
  @Authorized()
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Authorized()
  @Field(() => String, { description: 'Action, par exemple VOLUNTEER_VALIDATED' })
  @Property({ type: 'string', length: 60 })
  action!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  recordType!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'uuid' })
  recordId!: string;

  /** Null for actions of the system itself (seed, scheduled jobs). */
  @ManyToOne(() => User, { ref: true, nullable: true })
  actor: Ref<User> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  impersonator: Ref<User> | null = null;

  @ManyToOne(() => Department, { ref: true, nullable: true, index: true })
  department: Ref<Department> | null = null;

  @Authorized()
  @Field(() => GraphQLJSON, { description: 'Champs modifiés : { champ: { old, new } }' })
  @Property({ type: 'json', default: '{}' })
  changes: AuditChanges = {};

  @Authorized()
  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
