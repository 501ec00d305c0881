import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Une affectation : un volontaire, une session, et éventuellement son point de rassemblement' })
export class AssignmentInput {
  @Field(() => ID)
  volunteerId!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => ID, { nullable: true, description: 'Point de rassemblement desservi par une ligne de la session' })
  meetingPointId?: string | null;
}
