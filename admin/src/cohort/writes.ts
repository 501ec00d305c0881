import type { RecordWrites } from '../common/recordWrites';

export const COHORT_SELECTION =
  'id version name status startDate endDate registrationStartDate registrationEndDate instructionEndDate manualAssignmentOpenForRegion sessionEditingOpenForRegion createdAt updatedAt';

export const cohortWrites: RecordWrites = {
  type: 'Cohort',
  selection: COHORT_SELECTION,
  toInput: (v) => ({
    name: typeof v.name === 'string' ? v.name.trim() : v.name,
    startDate: v.startDate,
    endDate: v.endDate,
    registrationStartDate: v.registrationStartDate,
    registrationEndDate: v.registrationEndDate,
    instructionEndDate: v.instructionEndDate,
    manualAssignmentOpenForRegion: !!v.manualAssignmentOpenForRegion,
    sessionEditingOpenForRegion: v.sessionEditingOpenForRegion !== false,
  }),
};
