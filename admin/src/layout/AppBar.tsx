import Box from '@mui/material/Box';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { ChangePasswordItem } from '../account/ChangePasswordItem';
import { LogoutEverywhereItem } from '../account/LogoutEverywhereItem';
import type { Identity } from '../authProvider';
import { describeScope } from './scope';

/** "Référent départemental · 75 – Paris", next to the user menu (hidden on small screens). */
function RoleBadge() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const me = identity as Identity | undefined;
  if (!me?.role) return null;
  return (
    <Typography
      variant="body2"
      className="snu-role"
      title={describeScope(me, translate('app.national'))}
      sx={{ display: { xs: 'none', md: 'block' }, mx: 1, px: 1, py: 0.25, border: '1px solid rgba(255,255,255,0.6)', borderRadius: 1, whiteSpace: 'nowrap' }}
    >
      {translate(`enums.Role.${me.role}`)}
    </Typography>
  );
}

/** The user menu: who is signed in (name, e-mail, role, scope), the password, « Me déconnecter partout », then « Déconnexion ». */
function IdentityMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const me = identity as Identity | undefined;
  return (
    <UserMenu>
      {me?.role && (
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemText
            primary={me.fullName}
            secondary={
              <>
                {me.email}
                <br />
                {translate(`enums.Role.${me.role}`)} · {describeScope(me, translate('app.national'))}
              </>
            }
          />
        </MenuItem>
      )}
      {me?.role && <Divider />}
      <ChangePasswordItem />
      <LogoutEverywhereItem />
      <Logout />
    </UserMenu>
  );
}

/** Title, the user's role, the language switch (Français / English) and the user menu. */
export function AppBar() {
  return (
    <RaAppBar
      color="primary"
      userMenu={<IdentityMenu />}
      toolbar={
        <>
          <RoleBadge />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <Box component="span" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 1.5, display: { xs: 'none', sm: 'inline' } }}>
        SNU
      </Box>
      <TitlePortal />
    </RaAppBar>
  );
}
