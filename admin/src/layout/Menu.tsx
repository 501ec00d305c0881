import AutoModeIcon from '@mui/icons-material/AutoMode';
import { Menu as RaMenu, useGetIdentity, useTranslate } from 'react-admin';
import { isPlacementManager } from '../assignment/simulation';
import type { Identity } from '../authProvider';

/** react-admin's menu (dashboard, then the resources the user may open), plus the pages that are not resources. */
export function Menu() {
  const { data: identity } = useGetIdentity();
  const translate = useTranslate();
  const me = identity as Identity | undefined;
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      {isPlacementManager(me?.role) && <RaMenu.Item to="/affectation" primaryText={translate('assignment.menu')} leftIcon={<AutoModeIcon />} />}
    </RaMenu>
  );
}
