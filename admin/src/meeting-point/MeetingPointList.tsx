import { AutocompleteInput, FunctionField, List, ReferenceInput, TextField, TextInput } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { coded, type Coded } from '../common/coded';
import { ListPagination } from '../common/ListPagination';
import { CODED } from '../common/sparse';
import { MEETING_POINT_FIELDS, type MeetingPointRecord } from './fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

/** Meeting points ("points de rassemblement") of the user's scope. */
export function MeetingPointList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: MEETING_POINT_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="address" sortable={false} />
        <TextField source="city" />
        <FunctionField<MeetingPointRecord> source="department" sortBy="department" render={(r) => coded(r.department)} />
      </Datagrid>
    </List>
  );
}
