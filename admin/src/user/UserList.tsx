import { AutocompleteInput, FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput, useTranslate } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { DateField } from '../common/DateField';
import { coded, type Coded } from '../common/coded';
import { enumChoices, EnumChip } from '../common/EnumChip';
import { ListPagination } from '../common/ListPagination';
import { CODED } from '../common/sparse';
import { USER_FIELDS, type UserRecord } from './fields';

export const territoryOf = (u: UserRecord): string => (u.region ? u.region.name : u.departments.map((d) => coded(d)).join(', ') || '—');

function filters(translate: (key: string, options?: Record<string, unknown>) => string) {
  return [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <SelectInput key="role" source="role" choices={enumChoices('Role', ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'HEAD_CENTER', 'VISITOR'])} alwaysOn />,
    <SelectInput key="status" source="status" choices={enumChoices('UserStatus', ['INVITED', 'ACTIVE', 'DISABLED'])} alwaysOn />,
    <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'code', order: 'ASC' }} perPage={50} queryOptions={{ meta: { sparseFields: CODED } }}>
      <AutocompleteInput optionText={(r: Coded) => coded(r)} filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>,
    <SelectInput
      key="notLoggedInForDays"
      source="notLoggedInForDays"
      choices={[30, 90, 180, 365].map((days) => ({ id: days, name: translate('resources.User.not_logged_in_for', { count: days }) }))}
    />,
    <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
      <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>,
  ];
}

/** Staff accounts of the user's territory (national staff: all), with their role, territory, status and last login. */
export function UserList() {
  const translate = useTranslate();
  return (
    <List exporter={false} filters={filters(translate)} sort={{ field: 'lastName', order: 'ASC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: USER_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="lastName" />
        <TextField source="firstName" />
        <TextField source="email" />
        <EnumChip source="role" enumName="Role" />
        <FunctionField<UserRecord> source="territory" sortable={false} render={territoryOf} />
        <EnumChip source="status" enumName="UserStatus" />
        <DateField source="lastLoginAt" showTime emptyText={translate('resources.User.never')} />
      </Datagrid>
    </List>
  );
}
