import CheckIcon from '@mui/icons-material/Check';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { gql } from '../api';

interface BulkResult {
  succeeded: string[];
  failed: Array<{ id: string; code: string; message: string }>;
}

/** "Valider la sélection": each file is checked by the server; the result says who failed and why. */
export function BulkValidateButton() {
  const { selectedIds, data } = useListContext<{ id: string; firstName: string; lastName: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('Volunteer');
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const { validateVolunteers } = await gql<{ validateVolunteers: BulkResult }>('mutation($ids: [ID!]!) { validateVolunteers(ids: $ids) { succeeded failed { id code message } } }', {
        ids: selectedIds,
      });
      const names = new Map((data ?? []).map((v) => [v.id, `${v.firstName} ${v.lastName}`]));
      const summary = translate('actions.bulk_result', { succeeded: validateVolunteers.succeeded.length, failed: validateVolunteers.failed.length });
      const details = validateVolunteers.failed.map((f) => `${names.get(f.id) ?? f.id} : ${f.message}`).join(' — ');
      notify(details ? `${summary} : ${details}` : summary, { type: validateVolunteers.failed.length ? 'warning' : 'success', autoHideDuration: validateVolunteers.failed.length ? 15000 : 5000, multiLine: true });
      unselectAll();
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="actions.bulk_validate" onClick={run} disabled={busy}>
      <CheckIcon />
    </Button>
  );
}
