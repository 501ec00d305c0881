import { CODED, type SparseFields } from '../common/sparse';

/** What the session pages ask of the API (readable by every role, observers included). */
export const SESSION_FIELDS: SparseFields = [
  'id', 'placesTotal', 'placesLeft', 'createdAt', 'cohortId', 'centerId',
  { cohort: ['id', 'name', 'startDate', 'endDate'] },
  { center: ['id', 'name', 'city', { department: CODED }] },
];

/** Plus the head of centre: a person, so not for observers (the API answers FORBIDDEN to them). */
export const SESSION_FIELDS_WITH_PEOPLE: SparseFields = [...SESSION_FIELDS, { headCenter: ['id', 'firstName', 'lastName'] }];

export interface SessionRecord {
  id: string;
  placesTotal: number;
  placesLeft: number;
  cohortId: string;
  centerId: string;
  cohort: { id: string; name: string; startDate: string; endDate: string };
  center: { id: string; name: string; city: string; department: { id: string; code: string; name: string } };
  headCenter?: { id: string; firstName: string; lastName: string } | null;
}
