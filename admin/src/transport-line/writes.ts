import type { RecordWrites } from '../common/recordWrites';

interface StopValues {
  meetingPointId?: string;
  departureAt?: string | Date | null;
}

/** A departure time from the form (a Date, an ISO string or empty) as the API's DateTimeISO. */
const isoOrNull = (value: StopValues['departureAt']): string | null => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export const transportLineWrites: RecordWrites = {
  type: 'TransportLine',
  selection:
    'id version code seatsTotal seatsLeft sessionId meetingPointIds session { id cohortId cohort { id name startDate } center { id name city } } stops { id position departureAt meetingPointId meetingPoint { id name city } }',
  toInput: (v) => ({
    sessionId: v.sessionId,
    code: typeof v.code === 'string' ? v.code.trim() : v.code,
    seatsTotal: v.seatsTotal,
    stops: ((v.stops as StopValues[] | undefined) ?? []).map((stop) => ({ meetingPointId: stop.meetingPointId, departureAt: isoOrNull(stop.departureAt) })),
  }),
};
