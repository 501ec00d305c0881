import { Button, Datagrid, DateField, FunctionField, ReferenceManyField, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { gql } from '../api';
import { EnumChip } from '../common/EnumChip';

interface CorrectionRow {
  id: string;
  status: string;
}

function CorrectionButtons() {
  const record = useRecordContext<CorrectionRow>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !['PENDING', 'SENT', 'REMINDED'].includes(record.status)) return null;
  const run = async (mutation: string) => {
    try {
      await gql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: record.id });
      notify('actions.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="actions.remind" onClick={() => run('remindCorrectionRequest')} />
      <Button label="actions.mark_corrected" onClick={() => run('markCorrectionRequestCorrected')} />
      <Button label="actions.cancel_request" color="error" onClick={() => run('cancelCorrectionRequest')} />
    </>
  );
}

/** Correction requests of the file, with remind / corrected / cancel on the open ones. */
export function VolunteerCorrections() {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="CorrectionRequest" target="volunteerId" sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" label="resources.AuditEvent.fields.createdAt" />
        <TextField source="field" label={translate('actions.fields_to_fix')} />
        <FunctionField<{ reason: string }> label="actions.reason" render={(r) => translate(`enums.CorrectionReason.${r.reason}`)} />
        <TextField source="message" label="actions.message" emptyText="—" />
        <EnumChip source="status" enumName="CorrectionRequestStatus" label="resources.Volunteer.fields.status" />
        <CorrectionButtons />
      </Datagrid>
    </ReferenceManyField>
  );
}
