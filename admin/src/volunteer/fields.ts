/** What the volunteer pages ask of the API (ra-data-graphql-simple sparse fields). */
type Sparse = Array<string | Record<string, Sparse>>;

const CODED: Sparse = ['id', 'code', 'name'];

export const VOLUNTEER_LIST_FIELDS: Sparse = [
  'id', 'firstName', 'lastName', 'email', 'status', 'phase1Status', 'createdAt', 'statusChangedAt', 'version', 'allowedTransitions',
  { department: CODED },
  { cohort: ['id', 'name'] },
  { session: ['id', { center: ['id', 'name'] }] },
];

export const VOLUNTEER_SHOW_FIELDS: Sparse = [
  'id', 'firstName', 'lastName', 'email', 'phone', 'birthDate', 'gender', 'address', 'zip', 'city', 'priorityNeighbourhood',
  'schoolSituation', 'grade', 'schoolName', 'disability', 'ppsBeneficiary', 'paiBeneficiary', 'reducedMobility', 'allergies',
  'specialNeedsDetails', 'status', 'statusChangedAt', 'phase1Status', 'refusalReason', 'refusalMessage', 'withdrawalReason',
  'withdrawalMessage', 'version', 'allowedTransitions', 'createdAt', 'updatedAt',
  { guardian1: ['firstName', 'lastName', 'relationship', 'email', 'phone', 'consent'] },
  { guardian2: ['firstName', 'lastName', 'relationship', 'email', 'phone', 'consent'] },
  { department: ['id', 'code', 'name', { region: CODED }] },
  { cohort: ['id', 'name', 'startDate', 'endDate', 'instructionEndDate'] },
  { session: ['id', { center: ['id', 'name', 'city', { department: CODED }] }] },
  { meetingPoint: ['id', 'name', 'address', 'city'] },
];
