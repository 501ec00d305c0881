import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import { type Simulation, type VolunteerName, applySimulation, loadVolunteerNames } from './simulation';
import { VolunteerLink } from './SimulationReport';

/** Skipped proposals whose names are looked up (the list shows every one, by id past that). */
const NAMED_SKIPPED = 100;

/** « Appliquer » and its confirmation: says how many files and e-mails, then writes the proposal. */
export function ApplyButton({ simulation, onApplied }: { simulation: Simulation; onApplied: (applied: Simulation) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const f = useFormatters();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (simulation.status !== 'READY') return null;

  const submit = async () => {
    setBusy(true);
    try {
      const applied = await applySimulation(simulation.id);
      setOpen(false);
      onApplied(applied);
    } catch (error) {
      // The server's French message as is (already applied, window closed, out of scope…).
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="assignment.apply.button" variant="contained" size="medium" onClick={() => setOpen(true)} disabled={simulation.placed === 0} />
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} aria-labelledby="apply-simulation-title" fullWidth>
        <DialogTitle id="apply-simulation-title">{translate('assignment.apply.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ fontWeight: 600, color: 'text.primary', mb: 1 }}>{f.counted('assignment.apply.confirm', simulation.placed)}</DialogContentText>
          {/* Each assignment queues the VOLUNTEER_ASSIGNED e-mail: the volunteer, and a copy to each guardian with an address. */}
          <DialogContentText sx={{ mb: 1 }}>{f.counted('assignment.apply.emails', simulation.placed)}</DialogContentText>
          <DialogContentText>{translate('assignment.apply.recheck')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="assignment.apply.submit" variant="contained" onClick={submit} disabled={busy} />
        </DialogActions>
      </Dialog>
    </>
  );
}

/** What « Appliquer » wrote: how many were assigned, and each skipped proposal with the server's reason. */
export function AppliedResult({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const f = useFormatters();
  const [names, setNames] = useState<Map<string, VolunteerName>>(new Map());
  const skipped = simulation.skippedVolunteers;
  useEffect(() => {
    let live = true;
    loadVolunteerNames(skipped.slice(0, NAMED_SKIPPED).map((s) => s.volunteerId)).then(
      (loaded) => live && setNames(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [skipped]);

  return (
    <Alert severity={simulation.skipped > 0 ? 'warning' : 'success'} data-testid="applied-result" sx={{ '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}>
      <AlertTitle>{translate('assignment.apply.done', { date: simulation.appliedAt ? f.dateTime(simulation.appliedAt) : '—' })}</AlertTitle>
      <Typography variant="body2">
        {f.counted('assignment.apply.applied', simulation.applied)} · {f.counted('assignment.apply.skipped', simulation.skipped)}
      </Typography>
      {skipped.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ mt: 1, maxHeight: 320 }}>
          <Table size="small" stickyHeader aria-label={translate('assignment.apply.skipped_title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('assignment.apply.volunteer')}</TableCell>
                <TableCell>{translate('assignment.apply.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {skipped.map((s) => (
                <TableRow key={s.volunteerId}>
                  <TableCell>
                    <VolunteerLink id={s.volunteerId} names={names} />
                  </TableCell>
                  <TableCell>{s.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Alert>
  );
}
