import {
  AccessDenied,
  AutocompleteInput,
  BooleanInput,
  FilterButton,
  FunctionField,
  List,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectColumnsButton,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  type RaRecord,
  useCanAccess,
  usePermissions,
} from 'react-admin';
import { DateField } from '../common/DateField';
import { useMediaQuery, type Theme } from '@mui/material';
import { isReviewer, type Role } from '../authProvider';
import { DatagridConfigurable } from '../common/Datagrid';
import { coded, type Coded } from '../common/coded';
import { enumChoices, PHASE1_STATUSES, VOLUNTEER_STATUSES } from '../common/EnumChip';
import { ListPagination } from '../common/ListPagination';
import { CODED } from '../common/sparse';
import { BulkValidateButton } from './BulkValidateButton';
import { ExportMenu } from '../common/ExportMenu';
import { VOLUNTEER_LIST_FIELDS, type VolunteerRow } from './fields';
import { Phase1StatusChip, VolunteerStatusChip } from './VolunteerStatusChip';

const wholeDays = (value: string | number | null): number | null => {
  if (value === null || value === '') return null;
  const days = Math.trunc(Number(value));
  return Number.isFinite(days) ? Math.max(0, days) : null;
};

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="status" source="status" choices={enumChoices('VolunteerStatus', VOLUNTEER_STATUSES)} alwaysOn />,
  <ReferenceInput key="cohortId" source="cohortId" reference="Cohort" sort={{ field: 'startDate', order: 'DESC' }} queryOptions={{ meta: { sparseFields: ['id', 'name'] } }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  // Only the departments of the user's scope (all of them for national staff): `inMyScope`.
  <ReferenceInput
    key="departmentId"
    source="departmentId"
    reference="Department"
    filter={{ inMyScope: true }}
    sort={{ field: 'code', order: 'ASC' }}
    perPage={200}
    queryOptions={{ meta: { sparseFields: CODED } }}
  >
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="phase1Status" source="phase1Status" choices={enumChoices('Phase1Status', PHASE1_STATUSES)} />,
  // Whole days only, never negative: what is typed is what is sent (« 2,5 » waits for 2 days).
  <NumberInput key="waitingForMoreThanDays" source="waitingForMoreThanDays" min={0} step={1} parse={wholeDays} />,
  <DateInput key="statusChangedBeforeDay" source="statusChangedBeforeDay" />,
  <BooleanInput key="hasPendingCorrections" source="hasPendingCorrections" />,
];

/**
 * The review list. Reviewers land on the files waiting for validation; every filter and count
 * stays within the user's scope (the server applies it), and so does the CSV export.
 */
export function VolunteerList() {
  // react-admin would send the list query before showing "access denied": observers never ask.
  const { canAccess, isPending } = useCanAccess({ resource: 'Volunteer', action: 'list' });
  if (isPending) return null;
  if (!canAccess) return <AccessDenied />;
  return <VolunteerListView />;
}

/** Columns hidden until the user shows them (« Colonnes »): fewer on a laptop screen than on a wide one. */
const OMITTED_ON_LAPTOP = ['email', 'phase1Status', 'createdAt'];
const OMITTED_WIDE = ['createdAt'];

const rowLabel = (r: RaRecord) => `${String(r.firstName ?? '')} ${String(r.lastName ?? '')}`.trim();

function VolunteerListView() {
  const { permissions } = usePermissions<Role>();
  const reviewer = isReviewer(permissions);
  // Each width class remembers its own column choice (a 1366 px laptop and a wide screen differ).
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'));
  return (
    <List
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <SelectColumnsButton preferenceKey={`volunteers.columns.${wide ? 'wide' : 'laptop'}`} />
          <ExportMenu list="volunteers" />
        </TopToolbar>
      }
      filters={filters}
      filterDefaultValues={reviewer ? { status: 'WAITING_VALIDATION' } : {}}
      // Reviewers work the queue oldest first: the file whose status has not moved for longest.
      sort={reviewer ? { field: 'statusChangedAt', order: 'ASC' } : { field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      queryOptions={{ meta: { sparseFields: VOLUNTEER_LIST_FIELDS } }}
    >
      <DatagridConfigurable
        preferenceKey={`volunteers.columns.${wide ? 'wide' : 'laptop'}`}
        omit={wide ? OMITTED_WIDE : OMITTED_ON_LAPTOP}
        rowClick="show"
        rowLabel={rowLabel}
        bulkActionButtons={reviewer ? <BulkValidateButton /> : false}
      >
        <TextField source="lastName" />
        <TextField source="firstName" />
        <TextField source="email" />
        <FunctionField<VolunteerRow>
          source="department"
          sortBy="department"
          render={(r) => <span title={r.department?.region?.name}>{coded(r.department)}</span>}
        />
        <FunctionField<VolunteerRow> source="cohort" sortBy="cohort" render={(r) => r.cohort?.name ?? '—'} />
        <VolunteerStatusChip source="status" />
        <Phase1StatusChip source="phase1Status" />
        <FunctionField<VolunteerRow> source="session" sortable={false} render={(r) => r.session?.center.name ?? '—'} />
        <DateField source="statusChangedAt" />
        <DateField source="createdAt" />
      </DatagridConfigurable>
    </List>
  );
}
