import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { now } from '../../kernel/clock';
import { NotScoped } from '../../scope/rules';
import { User } from './user.entity';

/**
 * A login waiting for its second factor: the password was right, a 6-digit code went to the
 * user's e-mail. Only an HMAC of the code is kept; 10 minutes, 3 tries, used once.
 */
@NotScoped('Auth plumbing: read by confirmLogin before anyone is signed in')
@Entity()
export class LoginChallenge {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = now();
}
