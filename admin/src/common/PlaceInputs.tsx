import { maxLength, required, TextInput } from 'react-admin';
import { DepartmentInput } from './departmentInput';
import { postcode } from './validators';

/** Name, postal address and department of a place (a centre, a meeting point), with the API's limits. */
export function PlaceInputs() {
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="address" validate={[required(), maxLength(300)]} fullWidth />
      <TextInput source="zip" validate={[required(), postcode]} />
      <TextInput source="city" validate={[required(), maxLength(100)]} />
      <DepartmentInput />
    </>
  );
}
