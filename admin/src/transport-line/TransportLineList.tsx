import { AutocompleteInput, BooleanInput, FunctionField, List, NumberField, ReferenceInput, TextField, TextInput } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { ListPagination } from '../common/ListPagination';
import { TRANSPORT_LINE_FIELDS, type TransportLineRecord } from './fields';

interface CohortOption {
  id: string;
  name: string;
}

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="cohortId" source="cohortId" reference="Cohort" sort={{ field: 'startDate', order: 'DESC' }} perPage={50} queryOptions={{ meta: { sparseFields: ['id', 'name'] } }}>
    <AutocompleteInput optionText={(c: CohortOption) => c.name} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="hasSeatsLeft" source="hasSeatsLeft" />,
];

/** Bus lines to the sessions of the user's scope, with their seats and stops. */
export function TransportLineList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: TRANSPORT_LINE_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <FunctionField<TransportLineRecord> source="session" sortBy="session" render={(r) => `${r.session.center.name} – ${r.session.cohort.name}`} />
        <FunctionField<TransportLineRecord> source="stops" sortable={false} render={(r) => r.stops.map((s) => s.meetingPoint.name).join(' → ')} />
        <NumberField source="seatsTotal" />
        <NumberField source="seatsLeft" />
      </Datagrid>
    </List>
  );
}
