import { BooleanInput, Create, DateInput, Edit, required, SimpleForm, TextInput } from 'react-admin';

type Dates = Partial<Record<'startDate' | 'endDate' | 'registrationStartDate' | 'registrationEndDate' | 'instructionEndDate', string>>;

/** The order of a cohort's dates, checked on the form first (the server checks it again, in the same words). */
function validateDates(values: Dates): Record<string, string> {
  const errors: Record<string, string> = {};
  const { startDate, endDate, registrationStartDate, registrationEndDate, instructionEndDate } = values;
  if (startDate && endDate && endDate <= startDate) errors.endDate = 'app.cohort.end_after_start';
  if (registrationStartDate && registrationEndDate && registrationEndDate < registrationStartDate) errors.registrationEndDate = 'app.cohort.registration_order';
  else if (registrationEndDate && startDate && registrationEndDate >= startDate) errors.registrationEndDate = 'app.cohort.registration_before_stay';
  if (instructionEndDate && startDate && instructionEndDate >= startDate) errors.instructionEndDate = 'app.cohort.instruction_before_stay';
  return errors;
}

function CohortForm() {
  return (
    <SimpleForm validate={validateDates}>
      <TextInput source="name" validate={required()} helperText="resources.Cohort.helpers.name" />
      <DateInput source="registrationStartDate" validate={required()} />
      <DateInput source="registrationEndDate" validate={required()} />
      <DateInput source="instructionEndDate" validate={required()} helperText="resources.Cohort.helpers.instructionEndDate" />
      <DateInput source="startDate" validate={required()} />
      <DateInput source="endDate" validate={required()} />
      <BooleanInput source="manualAssignmentOpenForRegion" />
      <BooleanInput source="sessionEditingOpenForRegion" />
    </SimpleForm>
  );
}

/** A new stay (national staff): its dates and the windows of regional managers. */
export function CohortCreate() {
  return (
    <Create redirect="show" record={{ manualAssignmentOpenForRegion: false, sessionEditingOpenForRegion: true }}>
      <CohortForm />
    </Create>
  );
}

/** Pessimistic: the server's date rules and a stale version show on the form. */
export function CohortEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <CohortForm />
    </Edit>
  );
}
