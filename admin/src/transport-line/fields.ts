import type { SparseFields } from '../common/sparse';

export const TRANSPORT_LINE_FIELDS: SparseFields = [
  'id', 'version', 'code', 'seatsTotal', 'seatsLeft', 'sessionId',
  { session: ['id', 'cohortId', { cohort: ['id', 'name', 'startDate'] }, { center: ['id', 'name', 'city'] }] },
  { stops: ['id', 'position', 'departureAt', 'meetingPointId', { meetingPoint: ['id', 'name', 'city'] }] },
];

export interface TransportLineStopRecord {
  id: string;
  position: number;
  departureAt: string | null;
  meetingPointId: string;
  meetingPoint: { id: string; name: string; city: string };
}

export interface TransportLineRecord {
  id: string;
  version: number;
  code: string;
  seatsTotal: number;
  seatsLeft: number;
  sessionId: string;
  session: { id: string; cohortId: string; cohort: { id: string; name: string; startDate: string }; center: { id: string; name: string; city: string } };
  stops: TransportLineStopRecord[];
}

/** A departure in Paris time (the stay's time zone, whatever the browser's), e.g. « 12/07/2027 08:30 ». */
export function formatDeparture(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(value));
}
