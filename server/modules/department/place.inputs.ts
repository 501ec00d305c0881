import { Field, ID, InputType } from 'type-graphql';

/**
 * What every place in a department is given (a centre, a meeting point): name, postal address,
 * department. The inputs that extend it inherit its fields (no query takes it as such, so the
 * schema does not list it).
 */
@InputType()
export abstract class PlaceInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  zip!: string;

  @Field(() => String)
  city!: string;

  @Field(() => ID)
  departmentId!: string;
}
