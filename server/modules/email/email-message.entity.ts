import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Authorized, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/scope';
import { Volunteer } from '../volunteer/volunteer.entity';

export enum EmailStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(EmailStatus, { name: 'EmailStatus' });

/**
 * An e-mail to a volunteer or its guardian. Written in the same transaction as the decision
 * that causes it (transactional outbox); delivered later by the job queue. In scope through
 * its volunteer.
 */
@ObjectType({ description: 'E-mail envoyé à un volontaire ou à son représentant légal' })
@Scoped((user) => {
  if (user.role === Role.VISITOR) return NOTHING;
  if (user.role === Role.HEAD_CENTER) return { volunteer: { session: { $in: user.sessionIds } } };
  return { volunteer: { department: { $in: user.departmentIds } } };
})
@Index({ properties: ['status', 'createdAt'] })
@Entity()
export class EmailMessage extends BaseEntity {
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade' })
  volunteer!: Ref<Volunteer>;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Authorized()
  @Field(() => String, { description: 'VOLUNTEER ou GUARDIAN' })
  @Property({ type: 'string', length: 20 })
  recipientKind!: string;

  @Authorized()
  @Field(() => String, { description: 'Modèle utilisé, par exemple VOLUNTEER_VALIDATED' })
  @Property({ type: 'string', length: 60 })
  template!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Authorized()
  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Authorized()
  @Field(() => EmailStatus)
  @Enum({ items: () => EmailStatus, nativeEnumName: 'email_status' })
  status: EmailStatus & Opt = EmailStatus.QUEUED;

  @Authorized()
  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Authorized()
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  /** What the transport produced (the full message in development and tests). */
  @Property({ type: 'text', nullable: true, lazy: true })
  transportRecord: string | null = null;
}
