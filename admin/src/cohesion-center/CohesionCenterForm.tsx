import { BooleanInput, Create, Edit, minValue, NumberInput, required, SimpleForm } from 'react-admin';
import { PlaceInputs } from '../common/PlaceInputs';
import { CENTER_FIELDS } from './fields';

function CohesionCenterForm() {
  return (
    <SimpleForm>
      <PlaceInputs />
      <NumberInput source="capacity" validate={[required(), minValue(1)]} step={1} helperText="resources.CohesionCenter.helpers.capacity" />
      <BooleanInput source="accessibleReducedMobility" />
    </SimpleForm>
  );
}

/** A new centre, in a department of the user's region (admins: any). */
export function CohesionCenterCreate() {
  return (
    <Create redirect="show">
      <CohesionCenterForm />
    </Create>
  );
}

/** Pessimistic: the server's refusal (capacity below a session's places, a stale version) shows before leaving the page. */
export function CohesionCenterEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { sparseFields: [...CENTER_FIELDS, 'version', 'departmentId'] } }}>
      <CohesionCenterForm />
    </Edit>
  );
}
