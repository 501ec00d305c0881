import { BooleanField, EditButton, Labeled, Show, TabbedShowLayout, TextField, TopToolbar, usePermissions } from 'react-admin';
import { DateField } from '../common/DateField';
import type { Role } from '../authProvider';
import { EnumChip } from '../common/EnumChip';
import { ArchiveCohortButton } from './ArchiveCohortButton';
import { CohortGoals } from './CohortGoals';

function CohortActions() {
  const { permissions } = usePermissions<Role>();
  if (permissions !== 'ADMIN') return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      <ArchiveCohortButton />
    </TopToolbar>
  );
}

/** A stay: its dates, windows and status; its departmental goals (edited by national staff). */
export function CohortShow() {
  const { permissions } = usePermissions<Role>();
  const seesGoals = permissions === 'ADMIN' || permissions === 'REFERENT_REGION' || permissions === 'REFERENT_DEPARTMENT';
  return (
    <Show actions={<CohortActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.Cohort.tabs.cohort">
          <TextField source="name" />
          <Labeled label="resources.Cohort.fields.status">
            <EnumChip source="status" enumName="CohortStatus" />
          </Labeled>
          <DateField source="startDate" />
          <DateField source="endDate" />
          <DateField source="registrationStartDate" />
          <DateField source="registrationEndDate" />
          <DateField source="instructionEndDate" />
          <BooleanField source="manualAssignmentOpenForRegion" />
          <BooleanField source="sessionEditingOpenForRegion" />
        </TabbedShowLayout.Tab>
        {seesGoals && (
          <TabbedShowLayout.Tab label="resources.Cohort.tabs.goals" path="objectifs">
            <CohortGoals />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}
