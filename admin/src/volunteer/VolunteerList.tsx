import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { REVIEWER_ROLES, type Role } from '../authProvider';
import { enumChoices, EnumChip, PHASE1_STATUSES, VOLUNTEER_STATUSES } from '../common/EnumChip';
import { coded, type Coded } from '../common/TextOf';
import { BulkValidateButton } from './BulkValidateButton';
import { VOLUNTEER_LIST_FIELDS } from './fields';

interface VolunteerRow {
  department: Coded;
  cohort: { name: string };
  session: { center: { name: string } } | null;
}

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="status" source="status" choices={enumChoices('VolunteerStatus', VOLUNTEER_STATUSES)} alwaysOn />,
  <ReferenceInput key="cohortId" source="cohortId" reference="Cohort" sort={{ field: 'startDate', order: 'DESC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="phase1Status" source="phase1Status" choices={enumChoices('Phase1Status', PHASE1_STATUSES)} />,
  <NumberInput key="waitingForMoreThanDays" source="waitingForMoreThanDays" min={0} />,
  <BooleanInput key="hasPendingCorrections" source="hasPendingCorrections" />,
];

/** The referent's review list: waiting files first for reviewers; every filter keeps to the user's scope. */
export function VolunteerList() {
  const { permissions } = usePermissions<Role>();
  const reviewer = !!permissions && REVIEWER_ROLES.includes(permissions);
  return (
    <List
      // Exports come from the server (exports issue), with the same scope and filters.
      exporter={false}
      filters={filters}
      filterDefaultValues={reviewer ? { status: 'WAITING_VALIDATION' } : {}}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      queryOptions={{ meta: { sparseFields: VOLUNTEER_LIST_FIELDS } }}
    >
      <Datagrid rowClick="show" bulkActionButtons={reviewer ? <BulkValidateButton /> : false}>
        <TextField source="lastName" />
        <TextField source="firstName" />
        <TextField source="email" />
        <FunctionField<VolunteerRow> source="department" sortBy="department" render={(r) => coded(r.department)} />
        <FunctionField<VolunteerRow> source="cohort" sortBy="cohort" render={(r) => r.cohort?.name ?? '—'} />
        <EnumChip source="status" enumName="VolunteerStatus" />
        <EnumChip source="phase1Status" enumName="Phase1Status" />
        <FunctionField<VolunteerRow> source="session" sortable={false} render={(r) => r.session?.center.name ?? '—'} />
        <DateField source="statusChangedAt" />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
