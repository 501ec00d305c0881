import { AutocompleteInput, Create, Edit, minValue, NumberInput, ReferenceInput, required, SimpleForm } from 'react-admin';
import { SESSION_FIELDS_WITH_PEOPLE } from './fields';

interface CohortOption {
  id: string;
  name: string;
}
interface CenterOption {
  id: string;
  name: string;
  city: string;
}
interface HeadCenterOption {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

function SessionForm() {
  return (
    <SimpleForm>
      <ReferenceInput source="cohortId" reference="Cohort" sort={{ field: 'startDate', order: 'DESC' }} perPage={50} filter={{ status: 'PUBLISHED' }} queryOptions={{ meta: { sparseFields: ['id', 'name'] } }}>
        <AutocompleteInput optionText={(c: CohortOption) => c.name} filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="centerId" reference="CohesionCenter" sort={{ field: 'name', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: ['id', 'name', 'city'] } }}>
        <AutocompleteInput optionText={(c: CenterOption) => `${c.name} (${c.city})`} filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceInput>
      <NumberInput source="placesTotal" validate={[required(), minValue(1)]} step={1} helperText="resources.Session.helpers.placesTotal" />
      {/* Heads of centre of the user's territory: the API lists a regional manager's accounts only. */}
      <ReferenceInput source="headCenterId" reference="User" filter={{ role: 'HEAD_CENTER', status: 'ACTIVE' }} sort={{ field: 'lastName', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: ['id', 'firstName', 'lastName', 'email'] } }}>
        <AutocompleteInput optionText={(u: HeadCenterOption) => `${u.firstName} ${u.lastName} (${u.email})`} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
    </SimpleForm>
  );
}

/** A session: a centre hosting a cohort, with its number of places (at most the centre's capacity). */
export function SessionCreate() {
  return (
    <Create redirect="show">
      <SessionForm />
    </Create>
  );
}

/** Pessimistic: « impossible de réduire à N places » and stale versions show on the form. */
export function SessionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { sparseFields: [...SESSION_FIELDS_WITH_PEOPLE, 'version', 'headCenterId'] } }}>
      <SessionForm />
    </Edit>
  );
}
