import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A legal guardian ("représentant légal") and their consent. */
@ObjectType({ description: 'Représentant légal' })
@Embeddable()
export class Guardian {
  @Field(() => String)
  @Property({ type: 'string', length: 100, nullable: true })
  firstName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100, nullable: true })
  lastName!: string;

  @Field(() => String, { description: 'Mère, père, tuteur…' })
  @Property({ type: 'string', length: 30, nullable: true })
  relationship!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Consentement à la participation (null : pas encore donné)' })
  @Property({ type: 'boolean', nullable: true })
  consent: boolean | null = null;
}
