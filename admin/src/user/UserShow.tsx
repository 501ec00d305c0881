import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import { useState } from 'react';
import { Button, Confirm, EditButton, FunctionField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useGetIdentity, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { DateField } from '../common/DateField';
import { useApiAction } from '../common/useApiAction';
import type { Role } from '../authProvider';
import { EnumChip } from '../common/EnumChip';
import { USER_FIELDS, type UserRecord } from './fields';
import { grantableRoles } from './roles';
import { territoryOf } from './UserList';

/** « Désactiver » (after a confirmation: every session ends at once) or « Réactiver ». */
function StatusButton() {
  const record = useRecordContext<UserRecord>();
  const { data: identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  const translate = useTranslate();
  if (!record || record.id === identity?.id) return null;
  const disabling = record.status !== 'DISABLED';
  const toggle = () =>
    run(`mutation($id: ID!) { ${disabling ? 'disableUser' : 'enableUser'}(id: $id) { id status version } }`, { id: record.id }, {
      success: disabling ? 'resources.User.disabled' : 'resources.User.enabled',
      done: () => setOpen(false),
    });
  if (!disabling) return <Button label="resources.User.enable" onClick={toggle} disabled={busy} startIcon={<CheckCircleIcon />} />;
  return (
    <>
      <Button label="resources.User.disable" color="error" onClick={() => setOpen(true)} startIcon={<BlockIcon />} />
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('resources.User.disable_title', { name: `${record.firstName} ${record.lastName}` })}
        content="resources.User.disable_content"
        confirm="resources.User.disable"
        onConfirm={toggle}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** National staff act as another (active, non-admin) user; the console starts again as that user. */
function ImpersonateButton() {
  const record = useRecordContext<UserRecord>();
  const { busy, run } = useApiAction();
  if (!record || record.role === 'ADMIN' || record.status !== 'ACTIVE') return null;
  return <Button label="app.impersonation.start" onClick={() => run('mutation($id: ID!) { startImpersonation(userId: $id) { id } }', { id: record.id }, 'restart')} disabled={busy} startIcon={<SupervisorAccountIcon />} />;
}

function UserActions() {
  const { permissions } = usePermissions<Role>();
  const record = useRecordContext<UserRecord>();
  // The server decides; the buttons show where the role could grant the account's role.
  if (!record || !grantableRoles(permissions).includes(record.role as Role)) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      <StatusButton />
      {permissions === 'ADMIN' && <ImpersonateButton />}
    </TopToolbar>
  );
}

/** A staff account: who, role, territory, status, last login. */
export function UserShow() {
  const translate = useTranslate();
  return (
    <Show actions={<UserActions />} queryOptions={{ meta: { sparseFields: USER_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="lastName" />
        <TextField source="firstName" />
        <TextField source="email" />
        <Labeled label="resources.User.fields.role">
          <EnumChip source="role" enumName="Role" />
        </Labeled>
        <FunctionField<UserRecord> source="territory" render={territoryOf} />
        <Labeled label="resources.User.fields.status">
          <EnumChip source="status" enumName="UserStatus" />
        </Labeled>
        <DateField source="lastLoginAt" showTime emptyText={translate('resources.User.never')} />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
