import type { RecordWrites } from '../common/recordWrites';

export const sessionWrites: RecordWrites = {
  type: 'Session',
  selection:
    'id version placesTotal placesLeft createdAt cohortId centerId headCenterId cohort { id name startDate endDate } center { id name city department { id code name } } headCenter { id firstName lastName }',
  toInput: (v) => ({ cohortId: v.cohortId, centerId: v.centerId, placesTotal: v.placesTotal, headCenterId: v.headCenterId || null }),
};
