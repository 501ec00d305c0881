import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import MuiTextField from '@mui/material/TextField';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { Button, Confirm, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Role } from '../authProvider';
import { useVolunteerMutation } from './useVolunteerMutation';

interface VolunteerRecord {
  id: string;
  version: number;
  allowedTransitions: string[];
}

/** The fields (and documents) a correction may be requested on; labels in `correction_fields.*`. */
export const CORRECTABLE = ['identityDocument', 'parentalConsent', 'medicalCertificate', 'birthDate', 'firstName', 'lastName', 'address', 'zip', 'city', 'email', 'phone', 'schoolName', 'guardian1', 'guardian2'];

type DialogKind = 'REFUSE' | 'REQUEST_CORRECTION' | 'WITHDRAW' | null;

/** The review buttons: exactly the transitions the server says this user may make now. */
export function VolunteerActions() {
  const record = useRecordContext<VolunteerRecord>();
  const [dialog, setDialog] = useState<DialogKind>(null);
  const { busy, run } = useVolunteerMutation(record, () => setDialog(null));
  const { permissions } = usePermissions<Role>();
  // The server's GOAL_REACHED message, when an admin may force past it.
  const [goalReached, setGoalReached] = useState<string | null>(null);
  if (!record) return <TopToolbar />;
  const VALIDATE = 'mutation($id: ID!, $version: Int, $force: Boolean) { validateVolunteer(id: $id, version: $version, force: $force) { id } }';
  const offerForce = (error: { code: string; message: string }) => {
    if (permissions !== 'ADMIN' || error.code !== 'GOAL_REACHED') return false;
    setGoalReached(error.message);
    return true;
  };
  const allowed = new Set(record.allowedTransitions ?? []);


  return (
    <TopToolbar>
      {allowed.has('VALIDATE') && (
        <Button label="actions.validate" variant="contained" disabled={busy} onClick={() => run(VALIDATE, {}, 'actions.done', offerForce)} />
      )}
      {allowed.has('WAITING_LIST') && (
        <Button label="actions.waiting_list" disabled={busy} onClick={() => run('mutation($id: ID!, $version: Int) { putVolunteerOnWaitingList(id: $id, version: $version) { id } }', {})} />
      )}
      {allowed.has('REQUEST_CORRECTION') && <Button label="actions.request_correction" disabled={busy} onClick={() => setDialog('REQUEST_CORRECTION')} />}
      {allowed.has('REFUSE') && <Button label="actions.refuse" color="error" disabled={busy} onClick={() => setDialog('REFUSE')} />}
      {allowed.has('WITHDRAW') && <Button label="actions.withdraw" color="error" disabled={busy} onClick={() => setDialog('WITHDRAW')} />}
      <Confirm
        isOpen={goalReached !== null}
        loading={busy}
        title="actions.force_title"
        content={goalReached ?? ''}
        confirm="actions.force_validate"
        onConfirm={() => {
          setGoalReached(null);
          void run(VALIDATE, { force: true });
        }}
        onClose={() => setGoalReached(null)}
      />
      {dialog === 'REFUSE' && (
        <RefuseDialog busy={busy} onClose={() => setDialog(null)} onSubmit={(reason, message) => run('mutation($id: ID!, $version: Int, $reason: RefusalReason!, $message: String!) { refuseVolunteer(id: $id, version: $version, reason: $reason, message: $message) { id } }', { reason, message })} />
      )}
      {dialog === 'WITHDRAW' && (
        <WithdrawDialog busy={busy} onClose={() => setDialog(null)} onSubmit={(reason, message) => run('mutation($id: ID!, $version: Int, $reason: String!, $message: String) { withdrawVolunteer(id: $id, version: $version, reason: $reason, message: $message) { id } }', { reason, message })} />
      )}
      {dialog === 'REQUEST_CORRECTION' && (
        <CorrectionDialog
          busy={busy}
          onClose={() => setDialog(null)}
          onSubmit={(requests, message) => run('mutation($id: ID!, $version: Int, $requests: [CorrectionRequestInput!]!, $message: String) { requestVolunteerCorrections(id: $id, version: $version, requests: $requests, message: $message) { id } }', { requests, message })}
        />
      )}
    </TopToolbar>
  );
}

function RefuseDialog({ busy, onClose, onSubmit }: { busy: boolean; onClose: () => void; onSubmit: (reason: string, message: string) => void }) {
  const translate = useTranslate();
  const [reason, setReason] = useState('OTHER');
  const [message, setMessage] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth>
      <DialogTitle>{translate('actions.refuse')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <MuiTextField select label={translate('actions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} name="reason">
            {['NOT_FRENCH', 'TOO_YOUNG', 'TOO_OLD', 'OTHER'].map((r) => (
              <MenuItem key={r} value={r}>{translate(`enums.RefusalReason.${r}`)}</MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField label={translate('actions.message')} value={message} onChange={(e) => setMessage(e.target.value)} multiline minRows={3} required name="message" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="actions.refuse" color="error" variant="contained" disabled={busy || !message.trim()} onClick={() => onSubmit(reason, message)} />
      </DialogActions>
    </Dialog>
  );
}

function WithdrawDialog({ busy, onClose, onSubmit }: { busy: boolean; onClose: () => void; onSubmit: (reason: string, message: string) => void }) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth>
      <DialogTitle>{translate('actions.withdraw')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <MuiTextField label={translate('actions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required name="reason" />
          <MuiTextField label={translate('actions.message')} value={message} onChange={(e) => setMessage(e.target.value)} multiline minRows={2} name="message" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="actions.withdraw" color="error" variant="contained" disabled={busy || !reason.trim()} onClick={() => onSubmit(reason, message)} />
      </DialogActions>
    </Dialog>
  );
}

function CorrectionDialog({ busy, onClose, onSubmit }: { busy: boolean; onClose: () => void; onSubmit: (requests: Array<{ field: string; reason: string; message: string | null }>, message: string) => void }) {
  const translate = useTranslate();
  const [fields, setFields] = useState<string[]>([]);
  const [reason, setReason] = useState('INCORRECT');
  const [message, setMessage] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth>
      <DialogTitle>{translate('actions.request_correction')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <MuiTextField
            select
            label={translate('actions.fields_to_fix')}
            value={fields}
            name="fields"
            slotProps={{ select: { multiple: true } }}
            onChange={(e) => setFields(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]))}
          >
            {CORRECTABLE.map((f) => (
              <MenuItem key={f} value={f}>{translate(`correction_fields.${f}`)}</MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField select label={translate('actions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} name="correctionReason">
            {['MISSING', 'INCORRECT', 'UNREADABLE', 'OTHER'].map((r) => (
              <MenuItem key={r} value={r}>{translate(`enums.CorrectionReason.${r}`)}</MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField label={translate('actions.message')} value={message} onChange={(e) => setMessage(e.target.value)} multiline minRows={2} name="message" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="actions.request_correction"
          variant="contained"
          disabled={busy || fields.length === 0}
          onClick={() => onSubmit(fields.map((field) => ({ field, reason, message: null })), message)}
        />
      </DialogActions>
    </Dialog>
  );
}
