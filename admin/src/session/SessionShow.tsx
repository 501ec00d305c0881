import { FunctionField, Labeled, NumberField, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField, useLocale, usePermissions } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import type { Role } from '../authProvider';
import { coded, type Coded } from '../common/coded';
import { EmptyText } from '../common/EmptyText';
import { formatDate } from '../common/formatDate';
import { CODED } from '../common/sparse';
import { Phase1StatusChip, VolunteerStatusChip } from '../volunteer/VolunteerStatusChip';
import { SESSION_FIELDS, SESSION_FIELDS_WITH_PEOPLE, type SessionRecord } from './fields';
import { SessionFillBar } from './SessionFillBar';
import { TRANSPORT_LINE_FIELDS, type TransportLineRecord } from '../transport-line/fields';

/** A session: its stay, its centre, places total / left with a fill bar, and (not for observers) who is assigned. */
export function SessionShow() {
  const { permissions } = usePermissions<Role>();
  const locale = useLocale();
  const withPeople = !!permissions && permissions !== 'VISITOR';
  if (!permissions) return null;
  return (
    <Show queryOptions={{ meta: { sparseFields: withPeople ? SESSION_FIELDS_WITH_PEOPLE : SESSION_FIELDS } }}>
      <SimpleShowLayout>
        <FunctionField<SessionRecord> source="center" render={(r) => `${r.center.name}, ${r.center.city}`} />
        <FunctionField<SessionRecord> source="department" render={(r) => coded(r.center.department)} />
        <FunctionField<SessionRecord> source="cohort" render={(r) => `${r.cohort.name} (${formatDate(r.cohort.startDate, locale)} → ${formatDate(r.cohort.endDate, locale)})`} />
        {withPeople && <FunctionField<SessionRecord> source="headCenter" render={(r) => (r.headCenter ? `${r.headCenter.firstName} ${r.headCenter.lastName}` : '—')} />}
        <NumberField source="placesTotal" />
        <NumberField source="placesLeft" />
        <Labeled label="resources.Session.fields.fill">
          <FunctionField<SessionRecord> render={(r) => <SessionFillBar record={r} width={240} />} />
        </Labeled>
        <ReferenceManyField
          reference="TransportLine"
          target="sessionId"
          label="resources.Session.fields.transportLines"
          sort={{ field: 'code', order: 'ASC' }}
          perPage={50}
          queryOptions={{ meta: { sparseFields: TRANSPORT_LINE_FIELDS } }}
          empty={<EmptyText text="app.no_lines" />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" label="resources.TransportLine.fields.code" />
            <FunctionField<TransportLineRecord> label="resources.TransportLine.fields.stops" render={(r) => r.stops.map((s) => s.meetingPoint.name).join(' → ')} />
            <NumberField source="seatsTotal" label="resources.TransportLine.fields.seatsTotal" />
            <NumberField source="seatsLeft" label="resources.TransportLine.fields.seatsLeft" />
          </Datagrid>
        </ReferenceManyField>
        {withPeople && (
          <ReferenceManyField
            reference="Volunteer"
            target="sessionId"
            label="resources.Session.fields.volunteers"
            sort={{ field: 'lastName', order: 'ASC' }}
            perPage={50}
            pagination={<Pagination rowsPerPageOptions={[50, 100]} />}
            queryOptions={{ meta: { sparseFields: ['id', 'firstName', 'lastName', 'status', 'phase1Status', { department: CODED }] } }}
            empty={<EmptyText text="app.no_volunteers" />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="lastName" label="resources.Volunteer.fields.lastName" />
              <TextField source="firstName" label="resources.Volunteer.fields.firstName" />
              <FunctionField<{ department: Coded }> label="resources.Volunteer.fields.department" render={(r) => coded(r.department)} />
              <VolunteerStatusChip source="status" label="resources.Volunteer.fields.status" />
              <Phase1StatusChip source="phase1Status" label="resources.Volunteer.fields.phase1Status" />
            </Datagrid>
          </ReferenceManyField>
        )}
      </SimpleShowLayout>
    </Show>
  );
}
