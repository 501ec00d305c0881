import { BooleanField, FunctionField, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { coded } from '../common/coded';
import { EmptyText } from '../common/EmptyText';
import { SESSION_FIELDS, type SessionRecord } from '../session/fields';
import { SessionFillBar } from '../session/SessionFillBar';
import { CENTER_FIELDS, type CenterRecord } from './fields';

/** A centre: address, department, capacity, accessibility, and its sessions with their fill rate. */
export function CohesionCenterShow() {
  return (
    <Show queryOptions={{ meta: { sparseFields: CENTER_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="address" />
        <FunctionField<CenterRecord> source="city" render={(r) => `${r.zip} ${r.city}`} />
        <FunctionField<CenterRecord> source="department" render={(r) => `${coded(r.department)} (${r.department.region.name})`} />
        <NumberField source="capacity" />
        <BooleanField source="accessibleReducedMobility" />
        <ReferenceManyField
          reference="Session"
          target="centerId"
          label="resources.CohesionCenter.fields.sessions"
          sort={{ field: 'cohort', order: 'DESC' }}
          perPage={100}
          queryOptions={{ meta: { sparseFields: SESSION_FIELDS } }}
          empty={<EmptyText text="app.no_sessions" />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <FunctionField<SessionRecord> label="resources.Session.fields.cohort" render={(r) => r.cohort.name} />
            <NumberField source="placesTotal" label="resources.Session.fields.placesTotal" />
            <NumberField source="placesLeft" label="resources.Session.fields.placesLeft" />
            <FunctionField<SessionRecord> label="resources.Session.fields.fill" render={(r) => <SessionFillBar record={r} />} />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
