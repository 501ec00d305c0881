import { BooleanField, DateField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumChip } from '../common/EnumChip';

/** A stay: its dates, registration window, end of review and status. */
export function CohortShow() {
  return (
    <Show>
      <SimpleShowLayout>
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
      </SimpleShowLayout>
    </Show>
  );
}
