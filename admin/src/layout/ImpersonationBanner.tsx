import Alert from '@mui/material/Alert';
import { Button, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../authProvider';
import { useApiAction } from '../common/useApiAction';

/** « Vous agissez en tant que … » with « Arrêter », on every page while an admin impersonates. */
export function ImpersonationBanner() {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const { busy, run } = useApiAction();
  const me = data as Identity | undefined;
  if (!me?.impersonator) return null;
  // A new identity: the whole console starts again from the home page.
  const stop = () => run('mutation { stopImpersonation { id } }', {}, 'restart');
  return (
    <Alert
      severity="warning"
      role="status"
      sx={{ borderRadius: 0, alignItems: 'center' }}
      action={<Button label="app.impersonation.stop" variant="contained" color="warning" onClick={stop} disabled={busy} />}
    >
      {translate('app.impersonation.banner', { name: `${me.firstName} ${me.lastName}`, email: me.email, admin: `${me.impersonator.firstName} ${me.impersonator.lastName}` })}
    </Alert>
  );
}
