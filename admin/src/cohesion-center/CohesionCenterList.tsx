import { ExportMenu } from '../common/ExportMenu';
import { AutocompleteInput, BooleanField, BooleanInput, CreateButton, FilterButton, FunctionField, List, NumberField, ReferenceInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { coded, type Coded } from '../common/coded';
import { ListPagination } from '../common/ListPagination';
import { CODED } from '../common/sparse';
import { CENTER_FIELDS, type CenterRecord } from './fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="accessibleReducedMobility" source="accessibleReducedMobility" />,
];

/** Cohesion centres of the user's scope. */
export function CohesionCenterList() {
  return (
    <List exporter={false} actions={<TopToolbar><FilterButton /><CreateButton /><ExportMenu list="cohesion-centers" /></TopToolbar>} filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: CENTER_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="city" />
        <FunctionField<CenterRecord> source="department" sortBy="department" render={(r) => coded(r.department)} />
        <NumberField source="capacity" />
        <BooleanField source="accessibleReducedMobility" sortable={false} />
      </Datagrid>
    </List>
  );
}
