import { Button, FunctionField, ReferenceManyField, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { DateField } from '../common/DateField';
import { gql } from '../api';
import { EmptyText } from '../common/EmptyText';
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
    <ReferenceManyField
      reference="CorrectionRequest"
      target="volunteerId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={100}
      queryOptions={{ meta: { sparseFields: ['id', 'createdAt', 'field', 'reason', 'message', 'status'] } }}
      empty={<EmptyText text="app.no_corrections" />}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" label="resources.CorrectionRequest.fields.createdAt" />
        <FunctionField<{ field: string }>
          label="resources.CorrectionRequest.fields.field"
          render={(r) => translate(`correction_fields.${r.field}`, { _: r.field })}
        />
        <FunctionField<{ reason: string }> label="resources.CorrectionRequest.fields.reason" render={(r) => translate(`enums.CorrectionReason.${r.reason}`, { _: r.reason })} />
        <TextField source="message" label="resources.CorrectionRequest.fields.message" emptyText="—" />
        <EnumChip source="status" enumName="CorrectionRequestStatus" label="resources.CorrectionRequest.fields.status" />
        <CorrectionButtons />
      </Datagrid>
    </ReferenceManyField>
  );
}
