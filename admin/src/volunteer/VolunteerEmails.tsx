import { ReferenceManyField, TextField } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { DateField } from '../common/DateField';
import { EmptyText } from '../common/EmptyText';
import { EnumChip } from '../common/EnumChip';

/** The e-mails sent (or queued) to the volunteer and its guardians. */
export function VolunteerEmails() {
  return (
    <ReferenceManyField
      reference="EmailMessage"
      target="volunteerId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={100}
      queryOptions={{ meta: { sparseFields: ['id', 'createdAt', 'recipient', 'subject', 'status', 'body'] } }}
      empty={<EmptyText text="app.no_emails" />}
    >
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />}>
        <DateField source="createdAt" showTime label="resources.EmailMessage.fields.createdAt" />
        <TextField source="recipient" label="resources.EmailMessage.fields.recipient" />
        <TextField source="subject" label="resources.EmailMessage.fields.subject" />
        <EnumChip source="status" enumName="EmailStatus" label="resources.EmailMessage.fields.status" />
      </Datagrid>
    </ReferenceManyField>
  );
}
