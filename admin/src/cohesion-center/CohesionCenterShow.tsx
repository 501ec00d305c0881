import { BooleanField, Datagrid, FunctionField, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { coded, type Coded } from '../common/TextOf';
import { CENTER_FIELDS } from './CohesionCenterList';
import { SESSION_FIELDS } from '../session/SessionList';

export function CohesionCenterShow() {
  return (
    <Show queryOptions={{ meta: { sparseFields: CENTER_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="address" />
        <FunctionField<{ zip: string; city: string }> source="city" render={(r) => `${r.zip} ${r.city}`} />
        <FunctionField<{ department: Coded }> source="department" render={(r) => coded(r.department)} />
        <NumberField source="capacity" />
        <BooleanField source="accessibleReducedMobility" />
        <ReferenceManyField reference="Session" target="centerId" label="resources.CohesionCenter.fields.sessions" queryOptions={{ meta: { sparseFields: SESSION_FIELDS } }}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <FunctionField<{ cohort: { name: string } }> label="resources.Session.fields.cohort" render={(r) => r.cohort.name} />
            <NumberField source="placesTotal" />
            <NumberField source="placesLeft" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
