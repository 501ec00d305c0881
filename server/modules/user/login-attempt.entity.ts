import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { now } from '../../kernel/clock';
import { NotScoped } from '../../scope/rules';

/** Failed logins, kept in PostgreSQL so throttling holds across server instances. Not scoped: read before any user is known. */
@Index({ properties: ['email', 'createdAt'] })
@NotScoped('Auth plumbing: read by login before anyone is signed in')
@Entity()
export class LoginAttempt {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = now();
}
