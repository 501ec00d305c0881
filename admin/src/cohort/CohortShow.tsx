import { BooleanField, DateField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumChip } from '../common/EnumChip';

export function CohortShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <DateField source="startDate" />
        <DateField source="endDate" />
        <DateField source="registrationStartDate" />
        <DateField source="registrationEndDate" />
        <DateField source="instructionEndDate" />
        <EnumChip source="status" enumName="CohortStatus" label="resources.Cohort.fields.status" />
        <BooleanField source="manualAssignmentOpenForRegion" />
      </SimpleShowLayout>
    </Show>
  );
}
