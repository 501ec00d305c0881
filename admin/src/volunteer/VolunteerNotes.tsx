import Stack from '@mui/material/Stack';
import MuiTextField from '@mui/material/TextField';
import { useState } from 'react';
import { Button, FunctionField, ReferenceManyField, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { DateField } from '../common/DateField';
import { gql } from '../api';
import { EmptyText } from '../common/EmptyText';

/** Internal notes on the file, newest first, and a form to add one. */
export function VolunteerNotes() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [content, setContent] = useState('');
  if (!record) return null;
  const add = async () => {
    try {
      await gql('mutation($id: ID!, $content: String!) { createNote(volunteerId: $id, content: $content) { id } }', { id: record.id, content });
      setContent('');
      notify('actions.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} alignItems="flex-start">
        <MuiTextField value={content} onChange={(e) => setContent(e.target.value)} multiline minRows={2} fullWidth name="note" label={translate('resources.Volunteer.tabs.notes')} />
        <Button label="actions.add_note" variant="contained" disabled={!content.trim()} onClick={add} />
      </Stack>
      <ReferenceManyField
        reference="Note"
        target="volunteerId"
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={100}
        queryOptions={{ meta: { sparseFields: ['id', 'content', 'createdAt', { author: ['id', 'firstName', 'lastName'] }] } }}
        empty={<EmptyText text="app.no_notes" />}
      >
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateField source="createdAt" showTime label="resources.Note.fields.createdAt" />
          <FunctionField<{ author: { firstName: string; lastName: string } | null }> label="resources.Note.fields.author" render={(n) => (n.author ? `${n.author.firstName} ${n.author.lastName}` : '—')} />
          <TextField source="content" label="resources.Note.fields.content" sx={{ whiteSpace: 'pre-wrap' }} />
        </Datagrid>
      </ReferenceManyField>
    </Stack>
  );
}
