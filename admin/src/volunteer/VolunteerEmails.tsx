import { Datagrid, DateField, ReferenceManyField, TextField } from 'react-admin';
import { EnumChip } from '../common/EnumChip';

/** The e-mails sent (or queued) to the volunteer and its guardians. */
export function VolunteerEmails() {
  return (
    <ReferenceManyField reference="EmailMessage" target="volunteerId" sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />}>
        <DateField source="createdAt" showTime label="resources.AuditEvent.fields.createdAt" />
        <TextField source="recipient" label="E-mail" />
        <TextField source="subject" label="Objet" />
        <EnumChip source="status" enumName="EmailStatus" label="resources.Volunteer.fields.status" />
      </Datagrid>
    </ReferenceManyField>
  );
}
