import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { ApiError, gql } from '../api';
import { useFormatters } from '../common/format';

export interface BulkFailure {
  id: string;
  name: string;
  code: string;
  message: string;
}

export interface BulkOutcome {
  succeeded: number;
  failed: BulkFailure[];
}

/** Reasons the console names itself; any other code is shown with the server's message. */
const KNOWN_REASONS = new Set(['GOAL_REACHED', 'INVALID_TRANSITION', 'WINDOW_CLOSED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

function byReason(failed: BulkFailure[]): Array<[string, BulkFailure[]]> {
  const groups = new Map<string, BulkFailure[]>();
  for (const failure of failed) groups.set(failure.code, [...(groups.get(failure.code) ?? []), failure]);
  return [...groups.entries()];
}

/**
 * The result of a bulk validation: how many were validated, then the files that were not,
 * grouped by reason, each with a link to its page and, where there is one, the next step
 * (goal reached → « Mettre sur liste complémentaire »).
 */
export function BulkResultDialog({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const translate = useTranslate();
  const { counted } = useFormatters();
  const refresh = useRefresh();
  const [waitingList, setWaitingList] = useState<{ done: number; errors: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const putOnWaitingList = async (files: BulkFailure[]) => {
    setBusy(true);
    let done = 0;
    const errors: string[] = [];
    for (const file of files) {
      try {
        await gql('mutation($id: ID!) { putVolunteerOnWaitingList(id: $id) { id } }', { id: file.id });
        done += 1;
      } catch (error) {
        errors.push(`${file.name} : ${error instanceof ApiError ? error.message : String(error)}`);
      }
    }
    setWaitingList({ done, errors });
    setBusy(false);
    refresh();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="bulk-result-title">
      <DialogTitle id="bulk-result-title">{translate('bulk.result_title')}</DialogTitle>
      <DialogContent>
        <Alert severity={outcome.failed.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
          {counted('bulk.validated', outcome.succeeded)}
          {outcome.failed.length > 0 && ` ${counted('bulk.not_validated', outcome.failed.length)}`}
        </Alert>
        {byReason(outcome.failed).map(([code, files]) => (
          <Box key={code} component="section" sx={{ mb: 3 }} aria-labelledby={`bulk-reason-${code}`}>
            <Typography variant="h6" component="h2" id={`bulk-reason-${code}`} sx={{ fontSize: '1rem' }}>
              {KNOWN_REASONS.has(code) ? translate(`bulk.reasons.${code}`) : files[0].message} ({files.length})
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('bulk.file')}</TableCell>
                  <TableCell>{translate('bulk.detail')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {files.map((file) => (
                  <TableRow key={file.id}>
                    <TableCell>
                      <Link component={RouterLink} to={`/Volunteer/${file.id}/show`} onClick={onClose}>
                        {file.name}
                      </Link>
                    </TableCell>
                    <TableCell>{file.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {code === 'GOAL_REACHED' && !waitingList && (
              <Button sx={{ mt: 1 }} variant="outlined" disabled={busy} onClick={() => void putOnWaitingList(files)}>
                {counted('bulk.to_waiting_list', files.length)}
              </Button>
            )}
            {code === 'GOAL_REACHED' && waitingList && (
              <Alert severity={waitingList.errors.length ? 'warning' : 'success'} sx={{ mt: 1 }}>
                {counted('bulk.waiting_listed', waitingList.done)}
                {waitingList.errors.map((e) => (
                  <div key={e}>{e}</div>
                ))}
              </Alert>
            )}
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} variant="contained">
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
