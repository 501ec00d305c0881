import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Authorized, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { BaseEntity } from '../../common/base.entity';
import { NOTHING, Scoped } from '../../scope/scope';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';

export enum CorrectionRequestStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  REMINDED = 'REMINDED',
  CORRECTED = 'CORRECTED',
  CANCELED = 'CANCELED',
}
registerEnumType(CorrectionRequestStatus, { name: 'CorrectionRequestStatus' });

export enum CorrectionReason {
  MISSING = 'MISSING',
  INCORRECT = 'INCORRECT',
  UNREADABLE = 'UNREADABLE',
  OTHER = 'OTHER',
}
registerEnumType(CorrectionReason, { name: 'CorrectionReason' });

/** A request to the volunteer to correct one field of its file. In scope through its volunteer. */
@ObjectType({ description: 'Demande de correction' })
@Scoped((user) => {
  if (user.role === Role.VISITOR) return NOTHING;
  if (user.role === Role.HEAD_CENTER) return { volunteer: { session: { $in: user.sessionIds } } };
  return { volunteer: { department: { $in: user.departmentIds } } };
})
@Entity()
export class CorrectionRequest extends BaseEntity {
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade' })
  volunteer!: Ref<Volunteer>;

  @Authorized()
  @Field(() => String, { description: 'Champ du dossier à corriger' })
  @Property({ type: 'string', length: 60 })
  field!: string;

  @Authorized()
  @Field(() => CorrectionReason)
  @Enum({ items: () => CorrectionReason, nativeEnumName: 'correction_reason' })
  reason!: CorrectionReason;

  @Authorized()
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Authorized()
  @Field(() => CorrectionRequestStatus)
  @Enum({ items: () => CorrectionRequestStatus, nativeEnumName: 'correction_request_status' })
  status: CorrectionRequestStatus = CorrectionRequestStatus.PENDING;

  @ManyToOne(() => User, { ref: true, nullable: true })
  requestedBy: Ref<User> | null = null;

  @Authorized()
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Authorized()
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  remindedAt: Date | null = null;

  @Authorized()
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  correctedAt: Date | null = null;

  @Authorized()
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  canceledAt: Date | null = null;
}
