import { ArrayInput, AutocompleteInput, Create, DateTimeInput, Edit, maxLength, minValue, NumberInput, ReferenceInput, required, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { TRANSPORT_LINE_FIELDS } from './fields';

interface SessionOption {
  id: string;
  center: { name: string; city: string };
  cohort: { name: string };
}
interface MeetingPointOption {
  id: string;
  name: string;
  city: string;
}

const atLeastOneStop = (stops: unknown[] | undefined) => (!stops || stops.length === 0 ? 'resources.TransportLine.errors.no_stop' : undefined);

/** Code, session, seats, and the stops in order; departure times are entered in the browser's time (Paris for staff in France). */
function TransportLineForm() {
  return (
    <SimpleForm>
      <ReferenceInput source="sessionId" reference="Session" sort={{ field: 'center', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: ['id', { center: ['id', 'name', 'city'] }, { cohort: ['id', 'name'] }] } }}>
        <AutocompleteInput optionText={(s: SessionOption) => `${s.center.name} (${s.center.city}) – ${s.cohort.name}`} filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceInput>
      <TextInput source="code" validate={[required(), maxLength(40)]} helperText="resources.TransportLine.helpers.code" />
      <NumberInput source="seatsTotal" validate={[required(), minValue(1)]} step={1} />
      <ArrayInput source="stops" validate={atLeastOneStop}>
        <SimpleFormIterator inline disableReordering={false}>
          <ReferenceInput source="meetingPointId" label="resources.TransportLine.fields.meetingPoint" reference="MeetingPoint" sort={{ field: 'name', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: ['id', 'name', 'city'] } }}>
            <AutocompleteInput optionText={(m: MeetingPointOption) => `${m.name} (${m.city})`} filterToQuery={(q: string) => ({ q })} label="resources.TransportLine.fields.meetingPoint" validate={required()} sx={{ minWidth: 320 }} />
          </ReferenceInput>
          <DateTimeInput source="departureAt" label="resources.TransportLine.fields.departureAt" />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}

export function TransportLineCreate() {
  return (
    <Create redirect="show">
      <TransportLineForm />
    </Create>
  );
}

export function TransportLineEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { sparseFields: TRANSPORT_LINE_FIELDS } }}>
      <TransportLineForm />
    </Edit>
  );
}
