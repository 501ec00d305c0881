import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import type { UserRecord } from './fields';
import { UserCreate, UserEdit } from './UserForm';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export const userResource: ResourceProps = {
  name: 'User',
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
  icon: ManageAccountsIcon,
  recordRepresentation: (u: UserRecord) => `${u.firstName} ${u.lastName}`,
};
