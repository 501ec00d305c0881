import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ScopedThrough } from '../../scope/rules';
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
@ScopedThrough('volunteer', () => Volunteer)
@Entity()
export class CorrectionRequest extends BaseEntity {
  @ManyToOne(() => Volunteer, { ref: true, index: true, deleteRule: 'cascade' })
  volunteer!: Ref<Volunteer>;

  @Field(() => String, { description: 'Champ du dossier à corriger' })
  @Property({ type: 'string', length: 60 })
  field!: string;

  @Field(() => CorrectionReason)
  @Enum({ items: () => CorrectionReason, nativeEnumName: 'correction_reason' })
  reason!: CorrectionReason;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Field(() => CorrectionRequestStatus)
  @Enum({ items: () => CorrectionRequestStatus, nativeEnumName: 'correction_request_status' })
  status: CorrectionRequestStatus = CorrectionRequestStatus.PENDING;

  @ManyToOne(() => User, { ref: true, nullable: true })
  requestedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  remindedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  correctedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  canceledAt: Date | null = null;
}
