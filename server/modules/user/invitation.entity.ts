import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { now } from '../../kernel/clock';
import { NotScoped } from '../../scope/rules';
import { User } from './user.entity';

/**
 * A single-use link to set one's password and activate an invited account: 72 hours, only the
 * token's sha-256 is kept. A new invitation of the same account replaces the earlier ones.
 */
@NotScoped('Auth plumbing: read by acceptInvitation before anyone is signed in, by its token hash')
@Entity()
export class Invitation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  invitedBy: Ref<User> | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = now();
}
