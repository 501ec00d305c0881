import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { coded, type Coded } from '../common/TextOf';

const FIELDS = ['id', 'name', 'address', 'zip', 'city', { department: ['id', 'code', 'name'] }];

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

export function MeetingPointList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }} queryOptions={{ meta: { sparseFields: FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="address" />
        <TextField source="city" />
        <FunctionField<{ department: Coded }> source="department" sortBy="department" render={(r) => coded(r.department)} />
      </Datagrid>
    </List>
  );
}

export function MeetingPointShow() {
  return (
    <Show queryOptions={{ meta: { sparseFields: FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="address" />
        <FunctionField<{ zip: string; city: string }> source="city" render={(r) => `${r.zip} ${r.city}`} />
        <FunctionField<{ department: Coded }> source="department" render={(r) => coded(r.department)} />
      </SimpleShowLayout>
    </Show>
  );
}
