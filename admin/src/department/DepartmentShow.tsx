import { NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, usePermissions } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { canRead, type Role } from '../authProvider';
import { EmptyText } from '../common/EmptyText';
import { DEPARTMENT_FIELDS } from './fields';

/** A department: code, name, region, and the cohesion centres located in it (those the user may list). */
export function DepartmentShow() {
  const { permissions } = usePermissions<Role>();
  return (
    <Show queryOptions={{ meta: { sparseFields: DEPARTMENT_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="regionId" reference="Region" label="resources.Department.fields.region" link="show" />
        {canRead(permissions, 'CohesionCenter') && (
          <ReferenceManyField
            reference="CohesionCenter"
            target="departmentId"
            label="resources.Department.fields.centers"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={100}
            queryOptions={{ meta: { sparseFields: ['id', 'name', 'city', 'capacity'] } }}
            empty={<EmptyText text="app.no_centers" />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" label="resources.CohesionCenter.fields.name" />
              <TextField source="city" label="resources.CohesionCenter.fields.city" />
              <NumberField source="capacity" label="resources.CohesionCenter.fields.capacity" />
            </Datagrid>
          </ReferenceManyField>
        )}
      </SimpleShowLayout>
    </Show>
  );
}
