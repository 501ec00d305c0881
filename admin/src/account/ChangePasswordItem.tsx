import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import KeyIcon from '@mui/icons-material/Key';
import { type FormEvent, useState } from 'react';
import { useNotify, useTranslate, useUserMenu } from 'react-admin';
import { ApiError, gql } from '../api';
import { NewPasswordFields } from './NewPasswordFields';

/** « Changer mon mot de passe » in the user menu: the server checks the current one and the policy, and ends the other sessions. */
export function ChangePasswordItem() {
  const translate = useTranslate();
  const notify = useNotify();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpen(false);
    userMenu?.onClose();
    setCurrent('');
    setNext('');
    setAgain('');
    setError(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== again) {
      setError({ field: 'again', message: translate('app.account.password_mismatch') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await gql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: current, n: next });
      close();
      notify('app.account.password_changed', { type: 'success' });
    } catch (e) {
      setError(e instanceof ApiError ? { field: e.field, message: e.message } : { message: translate('app.login.failed') });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <>
      {/* The menu stays open under the dialog: closing it would unmount this item and its dialog. */}
      <MenuItem onClick={() => setOpen(true)}>
        <ListItemIcon>
          <KeyIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.account.change_password')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="change-password-title" fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="change-password-title">{translate('app.account.change_password')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {error && !error.field?.match(/^(currentPassword|newPassword|again)$/) && <Alert severity="error">{error.message}</Alert>}
              <TextField type="password" name="currentPassword" label={translate('app.account.current_password')} value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required autoFocus error={!!fieldError('currentPassword')} helperText={fieldError('currentPassword')} disabled={busy} />
              <NewPasswordFields value={next} again={again} onChange={setNext} onAgainChange={setAgain} error={fieldError('newPassword')} againError={fieldError('again')} disabled={busy} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={busy || !current || !next || !again}>
              {translate('app.account.save_password')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
