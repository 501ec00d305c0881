import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../kernel/roles';
import { NOTHING, Scoped } from '../../scope/rules';
import { Department } from '../department/department.entity';
import { User } from '../user/user.entity';
import { now } from '../../kernel/clock';

export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * Append-only trail of every change. `department` is the changed record's department at the
 * time of the event, copied so that history is scoped like the record itself, with no join.
 */
@ObjectType({ description: 'Événement de l’historique' })
@Scoped((user) => {
  if (user.role === Role.VISITOR || user.role === Role.HEAD_CENTER) return NOTHING;
  return { department: { $in: user.territory.departmentIds } };
})
@Index({ properties: ['recordType', 'recordId', 'createdAt'] })
@Index({ properties: ['actor', 'createdAt'] })
@Index({ properties: ['createdAt'] })
@Entity()
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Action, par exemple VOLUNTEER_VALIDATED' })
  @Property({ type: 'string', length: 60 })
  action!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  recordType!: string;

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

  @Field(() => GraphQLJSON, { description: 'Champs modifiés : { champ: { old, new } }' })
  @Property({ type: 'json', default: '{}' })
  changes: AuditChanges = {};

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = now();

  /**
   * Position in the trail and hash chained to the previous event: both set by PostgreSQL's insert
   * trigger (database/audit-chain.ts), whatever the insert says; never written by the ORM.
   */
  @Field(() => String, { description: 'Rang dans l’historique (attribué par la base)' })
  @Property({ type: 'bigint', defaultRaw: '0', unique: true })
  seq: string & Opt = '0';

  @Property({ type: 'text', defaultRaw: "''", hidden: true })
  hash: string & Opt = '';
}
