import CheckIcon from '@mui/icons-material/Check';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { gql } from '../api';
import { useFormatters } from '../common/format';
import { BulkResultDialog, type BulkOutcome } from './BulkResultDialog';

interface BulkResult {
  succeeded: string[];
  failed: Array<{ id: string; code: string; message: string }>;
}

interface Recipients {
  id: string;
  firstName: string;
  lastName: string;
  guardian1: { email: string | null } | null;
  guardian2: { email: string | null } | null;
}

/** Who the selection's validation e-mails reach: each volunteer and each guardian with an address. */
async function recipientsOf(ids: readonly string[]): Promise<Recipients[]> {
  const { allVolunteers } = await gql<{ allVolunteers: Recipients[] }>(
    'query($ids: [ID!], $perPage: Int) { allVolunteers(filter: { ids: $ids }, perPage: $perPage) { id firstName lastName guardian1 { email } guardian2 { email } } }',
    { ids, perPage: ids.length },
  );
  return allVolunteers;
}

/**
 * « Valider la sélection »: first a confirmation that says how many files and e-mails, then
 * the server checks each file on its own and a dialog lists the files not validated, by reason.
 */
export function BulkValidateButton() {
  const { selectedIds } = useListContext<{ id: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('Volunteer');
  const translate = useTranslate();
  const { counted } = useFormatters();
  const [confirming, setConfirming] = useState<Recipients[] | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = async () => {
    setBusy(true);
    try {
      setConfirming(await recipientsOf(selectedIds));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const run = async (files: Recipients[]) => {
    setBusy(true);
    try {
      const { validateVolunteers } = await gql<{ validateVolunteers: BulkResult }>('mutation($ids: [ID!]!) { validateVolunteers(ids: $ids) { succeeded failed { id code message } } }', {
        ids: files.map((f) => f.id),
      });
      const names = new Map(files.map((v) => [v.id, `${v.firstName} ${v.lastName}`]));
      setConfirming(null);
      setOutcome({ succeeded: validateVolunteers.succeeded.length, failed: validateVolunteers.failed.map((f) => ({ ...f, name: names.get(f.id) ?? f.id })) });
      unselectAll();
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  const emails = (confirming ?? []).reduce((sum, v) => sum + 1 + (v.guardian1?.email ? 1 : 0) + (v.guardian2?.email ? 1 : 0), 0);
  return (
    <>
      <Button label="actions.bulk_validate" onClick={ask} disabled={busy}>
        <CheckIcon />
      </Button>
      <Dialog open={!!confirming} onClose={() => !busy && setConfirming(null)} aria-labelledby="bulk-validate-title">
        <DialogTitle id="bulk-validate-title">{counted('bulk.confirm_title', confirming?.length ?? 0)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{counted('bulk.confirm_emails', emails)}</DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>{translate('bulk.confirm_checks')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setConfirming(null)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => confirming && void run(confirming)} disabled={busy} autoFocus>
            {counted('bulk.confirm_button', confirming?.length ?? 0)}
          </MuiButton>
        </DialogActions>
      </Dialog>
      {outcome && <BulkResultDialog outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  );
}
