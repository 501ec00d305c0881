import { ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { EmptyText } from '../common/EmptyText';

/** A region and its departments. */
export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceManyField
          reference="Department"
          target="regionId"
          label="resources.Region.fields.departments"
          perPage={50}
          sort={{ field: 'code', order: 'ASC' }}
          queryOptions={{ meta: { sparseFields: ['id', 'code', 'name'] } }}
          empty={<EmptyText text="app.no_departments" />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" label="resources.Department.fields.code" />
            <TextField source="name" label="resources.Department.fields.name" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
