import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useEffect, useState } from 'react';
import { LocalesMenuButton, useCheckAuth, useLogin, useRedirect, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../api';
import { InvitationForm } from './InvitationForm';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Sign-in with e-mail and password; the server's French message is shown as is on failure.
 * With the second factor on, the server answers SECOND_FACTOR_REQUIRED and the page asks for
 * the code sent by e-mail (and whether to trust this browser).
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const redirect = useRedirect();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set once the password was right and a code was e-mailed: the server's explanation.
  const [codeSent, setCodeSent] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [trustBrowser, setTrustBrowser] = useState(false);
  // An invitation's link: `#/login?token=…`.
  const invitation = new URLSearchParams(useLocation().search).get('token');

  // Already signed in (e.g. back button): straight to the home page.
  useEffect(() => {
    if (invitation) return;
    checkAuth({}, false)
      .then(() => redirect('/'))
      .catch(() => undefined);
  }, [checkAuth, redirect, invitation]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: { email?: string; password?: string } = {};
    if (!email.trim()) errors.email = translate('app.login.email_required');
    else if (!EMAIL.test(email.trim())) errors.email = translate('app.login.email_invalid');
    if (!password) errors.password = translate('app.login.password_required');
    setFieldErrors(errors);
    setError(null);
    if (errors.email || errors.password) return;
    setBusy(true);
    try {
      await login({ username: email.trim(), password });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SECOND_FACTOR_REQUIRED') {
        setCodeSent(e.message);
        setBusy(false);
        return;
      }
      fail(e);
    }
  };

  const fail = (e: unknown) => {
    const message = e instanceof Error && e.message ? e.message : typeof e === 'string' ? e : 'app.login.failed';
    setError(translate(message, { _: message }));
    setBusy(false);
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(translate('app.login.code_required'));
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    try {
      await login({ code: code.trim(), trustBrowser });
    } catch (e) {
      fail(e);
    }
  };

  const restart = () => {
    setCodeSent(null);
    setCode('');
    setPassword('');
    setError(null);
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Box sx={{ position: 'absolute', top: 8, right: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Card variant="outlined" sx={{ width: '100%', maxWidth: 420, borderTop: '4px solid #000091' }}>
        <CardContent sx={{ p: 4 }}>
          <Typography component="h1" variant="h5" sx={{ fontWeight: 700 }}>
            {translate('app.login.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {translate('app.login.subtitle')}
          </Typography>
          {invitation ? (
            <InvitationForm token={invitation} />
          ) : codeSent ? (
            <form onSubmit={confirm} noValidate>
              <Stack spacing={2}>
                <Alert severity="info">{codeSent}</Alert>
                {error && (
                  <Alert severity="error" role="alert">
                    {error}
                  </Alert>
                )}
                <TextField
                  name="code"
                  label={translate('app.login.code')}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  autoComplete="one-time-code"
                  slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
                  autoFocus
                  fullWidth
                  required
                  error={!!codeError}
                  helperText={codeError}
                  disabled={busy}
                />
                <FormControlLabel control={<Checkbox checked={trustBrowser} onChange={(e) => setTrustBrowser(e.target.checked)} disabled={busy} />} label={translate('app.login.trust_browser')} />
                <Button type="submit" variant="contained" size="large" disabled={busy} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}>
                  {translate(busy ? 'app.login.pending' : 'app.login.confirm')}
                </Button>
                <Button variant="text" onClick={restart} disabled={busy}>
                  {translate('app.login.restart')}
                </Button>
              </Stack>
            </form>
          ) : (
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              )}
              <TextField
                name="username"
                type="email"
                label={translate('app.login.email')}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="username"
                autoFocus
                fullWidth
                required
                error={!!fieldErrors.email}
                helperText={fieldErrors.email}
                disabled={busy}
              />
              <TextField
                name="password"
                type="password"
                label={translate('app.login.password')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                fullWidth
                required
                error={!!fieldErrors.password}
                helperText={fieldErrors.password}
                disabled={busy}
              />
              <Button type="submit" variant="contained" size="large" disabled={busy} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}>
                {translate(busy ? 'app.login.pending' : 'app.login.submit')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {translate('app.login.help')}
              </Typography>
            </Stack>
          </form>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
