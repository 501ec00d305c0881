import { AutocompleteInput, BooleanField, BooleanInput, Datagrid, FunctionField, List, NumberField, ReferenceInput, TextField, TextInput } from 'react-admin';
import { coded, type Coded } from '../common/TextOf';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="accessibleReducedMobility" source="accessibleReducedMobility" />,
];

export const CENTER_FIELDS = ['id', 'name', 'address', 'zip', 'city', 'capacity', 'accessibleReducedMobility', { department: ['id', 'code', 'name'] }];

export function CohesionCenterList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }} queryOptions={{ meta: { sparseFields: CENTER_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="city" />
        <FunctionField<{ department: Coded }> source="department" sortBy="department" render={(r) => coded(r.department)} />
        <NumberField source="capacity" />
        <BooleanField source="accessibleReducedMobility" />
      </Datagrid>
    </List>
  );
}
