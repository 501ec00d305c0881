import { Datagrid, FunctionField, NumberField, ReferenceManyField, Show, SimpleShowLayout, TextField, usePermissions } from 'react-admin';
import type { Role } from '../authProvider';
import { EnumChip } from '../common/EnumChip';
import { coded, type Coded } from '../common/TextOf';
import { FillRate, SESSION_FIELDS } from './SessionList';

interface SessionRecord {
  placesTotal: number;
  placesLeft: number;
  cohort: { name: string };
  center: { name: string; city: string; department: Coded };
}

export function SessionShow() {
  const { permissions } = usePermissions<Role>();
  return (
    <Show queryOptions={{ meta: { sparseFields: SESSION_FIELDS } }}>
      <SimpleShowLayout>
        <FunctionField<SessionRecord> source="center" render={(r) => `${r.center.name}, ${r.center.city} (${coded(r.center.department)})`} />
        <FunctionField<SessionRecord> source="cohort" render={(r) => r.cohort.name} />
        <NumberField source="placesTotal" />
        <NumberField source="placesLeft" />
        <FunctionField<SessionRecord> source="fill" render={(r) => <FillRate record={r} />} />
        {permissions !== 'VISITOR' && (
          <ReferenceManyField reference="Volunteer" target="sessionId" label="resources.Session.fields.volunteers" perPage={50} queryOptions={{ meta: { sparseFields: ['id', 'firstName', 'lastName', 'status', 'phase1Status', { department: ['id', 'code', 'name'] }] } }}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="lastName" />
              <TextField source="firstName" />
              <FunctionField<{ department: Coded }> label="resources.Volunteer.fields.department" render={(r) => coded(r.department)} />
              <EnumChip source="phase1Status" enumName="Phase1Status" label="resources.Volunteer.fields.phase1Status" />
            </Datagrid>
          </ReferenceManyField>
        )}
      </SimpleShowLayout>
    </Show>
  );
}
