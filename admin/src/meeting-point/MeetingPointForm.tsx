import { Create, Edit, SimpleForm } from 'react-admin';
import { PlaceInputs } from '../common/PlaceInputs';
import { MEETING_POINT_FIELDS } from './fields';


function MeetingPointForm() {
  return (
    <SimpleForm>
      <PlaceInputs />
    </SimpleForm>
  );
}

export function MeetingPointCreate() {
  return (
    <Create redirect="show">
      <MeetingPointForm />
    </Create>
  );
}

export function MeetingPointEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { sparseFields: [...MEETING_POINT_FIELDS, 'version', 'departmentId'] } }}>
      <MeetingPointForm />
    </Edit>
  );
}
