import type { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import type { Cohort } from '../cohort/cohort.entity';
import type { MeetingPoint } from '../meeting-point/meeting-point.entity';

const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DEPARTURE = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** « du 15 février au 27 février 2027 » from two `YYYY-MM-DD` dates. */
export function stayDates(cohort: Pick<Cohort, 'startDate' | 'endDate'>): string {
  const at = (date: string) => new Date(`${date}T12:00:00Z`);
  return `du ${DAY.format(at(cohort.startDate))} au ${DAY_YEAR.format(at(cohort.endDate))}`;
}

/** What the convocation e-mail says of an assignment, in French (Paris time for the departure). */
export function assignmentFacts(input: {
  cohort: Pick<Cohort, 'startDate' | 'endDate'>;
  center: Pick<CohesionCenter, 'name' | 'address' | 'zip' | 'city'>;
  meetingPoint: Pick<MeetingPoint, 'name' | 'address' | 'zip' | 'city'> | null;
  departureAt: Date | null;
  lineCode: string | null;
}) {
  const place = (p: { name: string; address: string; zip: string; city: string }) => `${p.name}, ${p.address}, ${p.zip} ${p.city}`;
  return {
    centerName: input.center.name,
    centerAddress: `${input.center.address}, ${input.center.zip} ${input.center.city}`,
    stayDates: stayDates(input.cohort),
    meetingPoint: input.meetingPoint ? place(input.meetingPoint) : null,
    departure: input.departureAt ? DEPARTURE.format(input.departureAt) : null,
    lineCode: input.lineCode,
  };
}
