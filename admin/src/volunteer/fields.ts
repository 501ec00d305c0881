import type { Coded as CodeAndName } from '../common/coded';
import { CODED, type SparseFields } from '../common/sparse';

/**
 * What the volunteer pages ask of the API. The placement (session → centre → department, meeting
 * point) is read through the volunteer itself: the centre may lie in a department the user cannot
 * list, and stays readable as a nested field of an in-scope volunteer.
 */
export const VOLUNTEER_LIST_FIELDS: SparseFields = [
  'id', 'firstName', 'lastName', 'email', 'status', 'phase1Status', 'createdAt', 'statusChangedAt', 'version', 'allowedTransitions',
  { department: ['id', 'code', 'name', { region: CODED }] },
  { cohort: ['id', 'name'] },
  { session: ['id', { center: ['id', 'name'] }] },
];

const GUARDIAN: SparseFields = ['firstName', 'lastName', 'relationship', 'email', 'phone', 'consent'];

export const VOLUNTEER_SHOW_FIELDS: SparseFields = [
  'id', 'firstName', 'lastName', 'email', 'phone', 'birthDate', 'gender', 'address', 'zip', 'city', 'priorityNeighbourhood',
  'schoolSituation', 'grade', 'schoolName', 'disability', 'ppsBeneficiary', 'paiBeneficiary', 'reducedMobility', 'allergies',
  'specialNeedsDetails', 'status', 'statusChangedAt', 'phase1Status', 'refusalReason', 'refusalMessage', 'withdrawalReason',
  'withdrawalMessage', 'version', 'allowedTransitions', 'createdAt', 'updatedAt', 'cohortId', 'departmentId',
  { guardian1: GUARDIAN },
  { guardian2: GUARDIAN },
  { department: ['id', 'code', 'name', { region: CODED }] },
  { cohort: ['id', 'name', 'startDate', 'endDate', 'instructionEndDate'] },
  { session: ['id', { center: ['id', 'name', 'city', { department: CODED }] }] },
  { meetingPoint: ['id', 'name', 'address', 'zip', 'city'] },
  'arrivedAt',
  { transportLine: ['id', 'code', { stops: ['meetingPointId', 'departureAt'] }] },
];

type Coded = CodeAndName & { id: string };

export interface Guardian {
  firstName: string;
  lastName: string;
  relationship: string;
  email: string | null;
  phone: string | null;
  consent: boolean | null;
}

/** A volunteer as the list asks for it. */
export interface VolunteerRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
  phase1Status: string | null;
  createdAt: string;
  department: Coded & { region: Coded };
  cohort: { id: string; name: string };
  session: { id: string; center: { id: string; name: string } } | null;
}

/** A volunteer as the show page asks for it. */
export interface VolunteerRecord extends Omit<VolunteerRow, 'session' | 'cohort'> {
  phone: string | null;
  birthDate: string;
  gender: string;
  address: string;
  zip: string;
  city: string;
  schoolSituation: string;
  grade: string | null;
  schoolName: string | null;
  guardian1: Guardian;
  guardian2: Guardian | null;
  refusalReason: string | null;
  version: number;
  allowedTransitions: string[];
  cohort: { id: string; name: string; startDate: string; endDate: string; instructionEndDate: string };
  session: { id: string; center: { id: string; name: string; city: string; department: Coded } } | null;
  meetingPoint: { id: string; name: string; address: string; zip: string; city: string } | null;
  arrivedAt: string | null;
  cohortId: string;
  departmentId: string;
  transportLine: { id: string; code: string; stops: Array<{ meetingPointId: string; departureAt: string | null }> } | null;
}
