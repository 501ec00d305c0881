import { AutocompleteArrayInput, AutocompleteInput, Create, Edit, email, FormDataConsumer, ReferenceArrayInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../authProvider';
import { coded, type Coded } from '../common/coded';
import { CODED } from '../common/sparse';
import { grantableRoles, NEEDS_DEPARTMENTS, NEEDS_REGION } from './roles';

function UserForm({ invite }: { invite: boolean }) {
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const roles = grantableRoles(permissions).map((id) => ({ id, name: translate(`enums.Role.${id}`) }));
  return (
    <SimpleForm>
      {invite && <TextInput source="email" type="email" validate={[required(), email()]} helperText="resources.User.helpers.email" />}
      <TextInput source="firstName" validate={required()} />
      <TextInput source="lastName" validate={required()} />
      <SelectInput source="role" choices={roles} validate={required()} />
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) =>
          formData.role && NEEDS_REGION.includes(formData.role) ? (
            <ReferenceInput source="regionId" reference="Region" sort={{ field: 'code', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: CODED } }}>
              <AutocompleteInput optionText={(r: Coded) => coded(r)} filterToQuery={(q: string) => ({ q })} validate={required()} />
            </ReferenceInput>
          ) : formData.role && NEEDS_DEPARTMENTS.includes(formData.role) ? (
            <ReferenceArrayInput source="departmentIds" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
              <AutocompleteArrayInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} validate={required()} />
            </ReferenceArrayInput>
          ) : null
        }
      </FormDataConsumer>
    </SimpleForm>
  );
}

/** Invite a colleague: the server e-mails a single-use link valid 72 hours. */
export function UserCreate() {
  return (
    <Create redirect="show">
      <UserForm invite />
    </Create>
  );
}

/** Name, role and territory; pessimistic so that FORBIDDEN and stale versions show on the form. */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <UserForm invite={false} />
    </Edit>
  );
}
