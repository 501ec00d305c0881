import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import DevicesIcon from '@mui/icons-material/Devices';
import { useState } from 'react';
import { useLogout, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { ApiError, gql } from '../api';

/** « Me déconnecter partout »: ends every session of the account (a lost laptop, a shared computer), this one included. */
export function LogoutEverywhereItem() {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const cancel = () => {
    setOpen(false);
    userMenu?.onClose();
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await gql('mutation { logoutEverywhere }');
      setOpen(false);
      await logout();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'app.login.failed', { type: 'error' });
      setBusy(false);
    }
  };

  return (
    <>
      {/* The menu stays open under the dialog: closing it would unmount this item and its dialog. */}
      <MenuItem onClick={() => setOpen(true)}>
        <ListItemIcon>
          <DevicesIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.account.logout_everywhere')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={busy ? undefined : cancel} aria-labelledby="logout-everywhere-title">
        <DialogTitle id="logout-everywhere-title">{translate('app.account.logout_everywhere')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.account.logout_everywhere_confirm')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={confirm} disabled={busy}>
            {translate('app.account.logout_everywhere_action')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
