import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/validation';
import { now } from '../../kernel/clock';
import { badInput } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { findInScope, findReferencing, followRelation } from '../../scope/write-guard';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from '../transport-line/transport-line.entity';
import { TransportLineStop } from '../transport-line/transport-line-stop.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { renderConvocationPdf } from './convocation.pdf';
import type { ConvocationData } from './convocation.text';

/**
 * What an assigned volunteer's convocation says, read from its placement as it is now: the
 * session, centre, meeting point and line it points to are followed from the (in-scope) file,
 * wherever they are. Null when the volunteer is not assigned.
 */
export async function convocationDataOf(em: EntityManager, volunteer: Volunteer): Promise<ConvocationData | null> {
  const session = await followRelation(em, volunteer, 'session', Session);
  if (!session) return null;
  const center = await followRelation(em, session, 'center', CohesionCenter);
  if (!center) return null;
  const cohort = await em.findOneOrFail(Cohort, { id: volunteer.cohort.id });
  const point = await followRelation(em, volunteer, 'meetingPoint', MeetingPoint);
  const line = await followRelation(em, volunteer, 'transportLine', TransportLine);
  const [stop] = line && point ? await findReferencing(em, TransportLineStop, 'line', line, { meetingPoint: point.id }) : [];
  const departureAt = stop?.departureAt ?? null;
  const place = (p: { name: string; address: string; zip: string; city: string }) => ({ name: p.name, address: p.address, zip: p.zip, city: p.city });
  return {
    volunteer: { firstName: volunteer.firstName, lastName: volunteer.lastName, birthDate: volunteer.birthDate },
    cohort: { name: cohort.name, startDate: cohort.startDate, endDate: cohort.endDate },
    center: place(center),
    meetingPoint: point ? place(point) : null,
    departure: line && departureAt ? { at: departureAt, lineCode: line.code } : null,
    issuedAt: now(),
  };
}

/** The convocation PDF of an assigned volunteer in the user's scope (its page's download). */
export async function convocationPdfFor(ctx: RequestContext, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  requireRole(ctx, STAFF_WITH_PERSONAL_DATA);
  const volunteer = await findInScope(ctx.em, Volunteer, assertUuid(id), { label: 'Ce volontaire' });
  const data = await convocationDataOf(ctx.em, volunteer);
  if (!data) throw badInput('Ce volontaire n’est affecté à aucune session : il n’a pas encore de convocation.', 'id');
  const slug = `${volunteer.lastName}-${volunteer.firstName}`.normalize('NFD').replace(/[^A-Za-z-]/g, '').toLowerCase();
  return { fileName: `convocation-${slug}.pdf`, pdf: await renderConvocationPdf(data) };
}
