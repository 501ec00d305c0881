import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ScopedThrough } from '../../scope/rules';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';

export enum EmailStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
  /** Not sent: superseded before delivery (a convocation whose placement changed meanwhile). */
  CANCELLED = 'CANCELLED',
}
registerEnumType(EmailStatus, { name: 'EmailStatus' });

/**
 * An e-mail to a volunteer or its guardian. Written in the same transaction as the decision
 * that causes it (transactional outbox); delivered later by the job queue. In scope through
 * its volunteer.
 */
@ObjectType({ description: 'E-mail envoyé à un volontaire, à son représentant légal ou à un membre du personnel' })
@ScopedThrough('volunteer', () => Volunteer)
@Index({ properties: ['status', 'createdAt'] })
@Entity()
export class EmailMessage extends BaseEntity {
  /** Null for an e-mail to a staff member (an invitation): then only national staff read it. */
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade', nullable: true })
  volunteer!: Ref<Volunteer> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  staffUser: Ref<User> | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Field(() => String, { description: 'VOLUNTEER ou GUARDIAN' })
  @Property({ type: 'string', length: 20 })
  recipientKind!: string;

  @Field(() => String, { description: 'Modèle utilisé, par exemple VOLUNTEER_VALIDATED' })
  @Property({ type: 'string', length: 60 })
  template!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => EmailStatus)
  @Enum({ items: () => EmailStatus, nativeEnumName: 'email_status' })
  status: EmailStatus & Opt = EmailStatus.QUEUED;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  /** What the transport produced (the full message in development and tests). */
  @Property({ type: 'text', nullable: true, lazy: true })
  transportRecord: string | null = null;
}
