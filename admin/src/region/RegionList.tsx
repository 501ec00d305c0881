import { Datagrid, List, ReferenceManyField, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';

export function RegionList() {
  return (
    <List exporter={false} filters={[<TextInput key="q" source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
      </Datagrid>
    </List>
  );
}

export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceManyField reference="Department" target="regionId" label="resources.Department.name" perPage={50} sort={{ field: 'code', order: 'ASC' }}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
