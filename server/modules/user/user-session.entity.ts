import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from './user.entity';
import { now } from '../../kernel/clock';
import { NotScoped } from '../../scope/rules';

/**
 * A signed-in browser. Stored in PostgreSQL so that every server instance sees logout and
 * disabling at once. Only the SHA-256 of the cookie's token is kept.
 * Not scoped: only the auth layer reads it, before any user is known.
 */
@NotScoped('Auth plumbing: read by the session lookup before anyone is signed in')
@Entity()
export class UserSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** The identity the session acts as. */
  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The admin who is acting as `user`, if any. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'cascade' })
  impersonator: Ref<User> | null = null;

  /** The admin's own session an impersonation hangs on: it ends with it (cascade). */
  @ManyToOne(() => UserSession, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  parentSession: Ref<UserSession> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = now();

  @Property({ type: 'datetime', index: true })
  expiresAt!: Date;

  /** Last request seen (to the minute): past the idle timeout the session ends. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastSeenAt: Date = now();
}
