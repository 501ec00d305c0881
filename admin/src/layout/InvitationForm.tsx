import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { type FormEvent, useState } from 'react';
import { useLogin, useTranslate } from 'react-admin';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { ApiError } from '../api';

/** The invitation's link (`#/login?token=…`): the invitee chooses its password; the server checks the policy again. */
export function InvitationForm({ token }: { token: string }) {
  const translate = useTranslate();
  const login = useLogin();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== again) {
      setError({ field: 'again', message: translate('app.account.password_mismatch') });
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await login({ invitation: token, password }, '/');
    } catch (e) {
      setError(e instanceof ApiError ? { field: e.field, message: e.message } : { message: translate('app.login.failed') });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <Alert severity="info">{translate('app.invitation.intro')}</Alert>
        {error && !error.field && (
          <Alert severity="error" role="alert">
            {error.message}
          </Alert>
        )}
        <NewPasswordFields
          value={password}
          again={again}
          onChange={setPassword}
          onAgainChange={setAgain}
          error={error?.field === 'password' ? error.message : undefined}
          againError={error?.field === 'again' ? error.message : undefined}
          disabled={busy}
          autoFocus
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !password} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}>
          {translate('app.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
