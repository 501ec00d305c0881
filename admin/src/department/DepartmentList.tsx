import { Datagrid, FunctionField, List, ReferenceInput, SelectInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { coded, type Coded } from '../common/TextOf';

const FIELDS = ['id', 'code', 'name', { region: ['id', 'code', 'name'] }];

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" perPage={50} sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export function DepartmentList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <FunctionField<{ region: Coded }> source="region" sortBy="region" render={(r) => coded(r.region)} />
      </Datagrid>
    </List>
  );
}

export function DepartmentShow() {
  return (
    <Show queryOptions={{ meta: { sparseFields: [...FIELDS, { centers: ['id', 'name', 'city'] }] } }}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <FunctionField<{ region: Coded }> source="region" render={(r) => coded(r.region)} />
        <FunctionField<{ centers: Array<{ id: string; name: string; city: string }> }>
          source="centers"
          render={(r) => (r.centers.length ? r.centers.map((c) => `${c.name} (${c.city})`).join(' · ') : '—')}
        />
      </SimpleShowLayout>
    </Show>
  );
}
