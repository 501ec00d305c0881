import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../common/transaction';
import { assertUuid } from '../../common/validation';
import type { CurrentUser } from '../../kernel/current-user';
import { AppError, badInput, conflict, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { findInScope, followRelation, lockInIdOrder } from '../../scope/write-guard';
import { recordAudit } from '../audit-event/audit.service';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { assertManualAssignmentOpen } from '../cohort/cohort.rules';
import type { EmailMessage } from '../email/email-message.entity';
import { queueVolunteerEmail } from '../email/email.service';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from '../transport-line/transport-line.entity';
import { TransportLineStop } from '../transport-line/transport-line-stop.entity';
import { Phase1Status, VolunteerStatus } from '../volunteer/volunteer.enums';
import { Volunteer } from '../volunteer/volunteer.entity';
import { STATUS_LABELS } from '../volunteer/volunteer.labels';
import { assignmentFacts } from './assignment.facts';

export const MAX_BULK_ASSIGNMENTS = 1000;

export interface AssignmentRequest {
  volunteerId: string;
  sessionId: string;
  meetingPointId?: string | null;
}

const sessionFull = (session: Session) =>
  new AppError('SESSION_FULL', `Cette session est complète (${session.placesTotal} places) : choisissez-en une autre ou augmentez ses places.`);
const lineFull = () => new AppError('LINE_FULL', 'Les cars qui desservent ce point de rassemblement pour cette session sont complets : choisissez un autre point ou ajoutez des places sur la ligne.');

/** The audited fields of a placement. */
function placementOf(v: Volunteer): Record<string, unknown> {
  return { session: v.session?.id ?? null, meetingPoint: v.meetingPoint?.id ?? null, transportLine: v.transportLine?.id ?? null, phase1Status: v.phase1Status };
}

function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(after).filter((k) => before[k] !== after[k]).map((k) => [k, { old: before[k] ?? null, new: after[k] ?? null }]));
}

/**
 * Gives back the place (and the seat) a volunteer holds, wherever its session is: it is the one
 * this in-scope file is placed in. Locked, so capacity changes one request at a time.
 */
async function release(tx: EntityManager, volunteer: Volunteer): Promise<void> {
  const session = await followRelation(tx, volunteer, 'session', Session, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (session) session.placesLeft += 1;
  const line = await followRelation(tx, volunteer, 'transportLine', TransportLine, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (line) line.seatsLeft += 1;
  volunteer.session = null;
  volunteer.meetingPoint = null;
  volunteer.transportLine = null;
}

/** A session's lines, locked once per transaction (in id order), with their stops by meeting point. */
export interface LinePlan {
  line: TransportLine;
  stops: Map<string, TransportLineStop>;
}
export type LinePlans = Map<string, Promise<LinePlan[]>>;

export function linesOf(tx: EntityManager, sessionId: string, plans: LinePlans): Promise<LinePlan[]> {
  let found = plans.get(sessionId);
  if (!found) {
    found = (async () => {
      const lines = await tx.find(TransportLine, { session: sessionId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      const stops = lines.length ? await tx.find(TransportLineStop, { line: { $in: lines.map((l) => l.id) } }) : [];
      return lines.map((line) => ({ line, stops: new Map(stops.filter((st) => st.line.id === line.id).map((st) => [st.meetingPoint.id, st])) }));
    })();
    plans.set(sessionId, found);
  }
  return found;
}

/**
 * A line of `session` stopping at `point` with a seat left (lines locked): the first such line
 * takes the volunteer. No line stopping there is bad input; only full ones, LINE_FULL.
 */
async function seatOnLine(tx: EntityManager, session: Session, point: MeetingPoint, heldLineId: string | null, plans: LinePlans): Promise<LinePlan> {
  const serving = (await linesOf(tx, session.id, plans)).filter((p) => p.stops.has(point.id));
  if (serving.length === 0) {
    throw badInput(`Le point de rassemblement « ${point.name} » n’est desservi par aucune ligne de cette session : choisissez un point de ses lignes, ou aucun.`, 'meetingPointId');
  }
  // The seat the volunteer already holds on one of these lines counts as free for it.
  const plan = serving.find((p) => p.line.id === heldLineId) ?? serving.find((p) => p.line.seatsLeft > 0);
  if (!plan) throw lineFull();
  return plan;
}

/**
 * The checks and the effects of one assignment on a locked file, in the order the user reads
 * them: the file (validated, same cohort as the session), the cohort's window, its version, then
 * the place (the session row locked: SESSION_FULL) and the seat (LINE_FULL). The audit event and
 * the convocation e-mails join the same unit of work.
 */
export async function assignOne(
  tx: EntityManager,
  user: CurrentUser,
  volunteer: Volunteer,
  request: { session: Session; meetingPoint: MeetingPoint | null; version?: number | null },
  plans: LinePlans = new Map(),
): Promise<EmailMessage[]> {
  const { session, meetingPoint } = request;
  if (volunteer.status !== VolunteerStatus.VALIDATED) {
    throw new AppError('INVALID_TRANSITION', `Seuls les dossiers validés peuvent être affectés : ce dossier est « ${STATUS_LABELS[volunteer.status]} ».`, { status: volunteer.status });
  }
  if (volunteer.cohort.id !== session.cohort.id) throw badInput('Cette session appartient à un autre séjour que celui du volontaire.', 'sessionId');
  const cohort = await tx.findOneOrFail(Cohort, { id: session.cohort.id });
  assertManualAssignmentOpen(user, cohort);
  if (request.version !== undefined && request.version !== null && request.version !== volunteer.version) throw conflict();
  const before = placementOf(volunteer);
  const inSession = volunteer.session?.id === session.id;
  if (inSession && (volunteer.meetingPoint?.id ?? null) === (meetingPoint?.id ?? null)) return [];
  // Every check before any change: a failed item of a bulk call leaves nothing to undo.
  if (!inSession && session.placesLeft <= 0) throw sessionFull(session);
  const plan = meetingPoint ? await seatOnLine(tx, session, meetingPoint, volunteer.transportLine?.id ?? null, plans) : null;
  const line = plan?.line ?? null;
  await release(tx, volunteer);
  session.placesLeft -= 1;
  if (line) line.seatsLeft -= 1;
  volunteer.session = tx.getReference(Session, session.id, { wrapped: true });
  volunteer.meetingPoint = meetingPoint ? tx.getReference(MeetingPoint, meetingPoint.id, { wrapped: true }) : null;
  volunteer.transportLine = line ? tx.getReference(TransportLine, line.id, { wrapped: true }) : null;
  volunteer.phase1Status = Phase1Status.ASSIGNED;
  recordAudit(tx, user, { action: 'VOLUNTEER_ASSIGNED', recordType: 'Volunteer', recordId: volunteer.id, departmentId: volunteer.department.id, changes: changes(before, placementOf(volunteer)) });
  // The session is in scope, so is its centre.
  const center = await tx.findOneOrFail(CohesionCenter, { id: session.center.id });
  const stop = plan && meetingPoint ? plan.stops.get(meetingPoint.id) : null;
  return queueVolunteerEmail(tx, volunteer, 'VOLUNTEER_ASSIGNED', {
    cohortName: cohort.name,
    assignment: assignmentFacts({ cohort, center, meetingPoint, departureAt: stop?.departureAt ?? null, lineCode: line?.code ?? null }),
  });
}

/**
 * Loads what a client names through the scope (a session or meeting point of another region is
 * not found), then locks the session with the one the file gives back, if it moves, in id order.
 */
async function target(tx: EntityManager, volunteer: Volunteer, sessionId: string, meetingPointId: string | null | undefined) {
  const id = assertUuid(sessionId, 'sessionId');
  const moves = !!volunteer.session && volunteer.session.id !== id;
  // A first assignment locks its one session as it loads it (one statement); a move, both in id order.
  let session = await findInScope(tx, Session, id, { label: 'Cette session', lockMode: moves ? undefined : LockMode.PESSIMISTIC_WRITE });
  if (moves) session = (await lockInIdOrder(tx, Session, [session.id, volunteer.session!.id])).get(session.id) ?? session;
  const meetingPoint = meetingPointId ? await findInScope(tx, MeetingPoint, assertUuid(meetingPointId, 'meetingPointId'), { label: 'Ce point de rassemblement' }) : null;
  return { session, meetingPoint };
}

/**
 * One volunteer into a session (and onto a line from a meeting point). Locks, in this order
 * everywhere (no deadlock between single and bulk calls): the file, then sessions (in id order,
 * the one given back included), then lines.
 * The guarantee against overbooking lives in PostgreSQL: the session and line rows are locked
 * while their counters change, and check constraints forbid negative places.
 */
export async function assignVolunteer(ctx: RequestContext, id: string, sessionId: string, meetingPointId: string | null | undefined, version: number | null | undefined): Promise<Volunteer> {
  const user = requireRole(ctx, PLACEMENT_MANAGERS);
  const emailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const volunteer = await findInScope(tx, Volunteer, assertUuid(id), { label: 'Ce volontaire', lockMode: LockMode.PESSIMISTIC_WRITE });
    const emails = await assignOne(tx, user, volunteer, { ...(await target(tx, volunteer, sessionId, meetingPointId)), version });
    await tx.flush();
    emailIds.push(...emails.map((e) => e.id));
    return volunteer;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return result;
}

/** Frees the volunteer's place and seat; `phase1Status` goes back to WAITING_ASSIGNMENT. */
export async function unassignVolunteer(ctx: RequestContext, id: string, version: number | null | undefined): Promise<Volunteer> {
  const user = requireRole(ctx, PLACEMENT_MANAGERS);
  const emailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const volunteer = await findInScope(tx, Volunteer, assertUuid(id), { label: 'Ce volontaire', lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!volunteer.session) throw new AppError('INVALID_TRANSITION', 'Ce volontaire n’est affecté à aucune session.', { status: volunteer.status });
    if (version !== undefined && version !== null && version !== volunteer.version) throw conflict();
    const cohort = await tx.findOneOrFail(Cohort, { id: volunteer.cohort.id });
    assertManualAssignmentOpen(user, cohort);
    const before = placementOf(volunteer);
    await release(tx, volunteer);
    volunteer.phase1Status = Phase1Status.WAITING_ASSIGNMENT;
    recordAudit(tx, user, { action: 'VOLUNTEER_UNASSIGNED', recordType: 'Volunteer', recordId: volunteer.id, departmentId: volunteer.department.id, changes: changes(before, placementOf(volunteer)) });
    const emails = queueVolunteerEmail(tx, volunteer, 'VOLUNTEER_UNASSIGNED', { cohortName: cohort.name });
    await tx.flush();
    emailIds.push(...emails.map((e) => e.id));
    return volunteer;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return result;
}

/**
 * Bulk assignment (≤ 1,000): each item goes through exactly the checks of a single one and the
 * result says which failed and why. One transaction: files locked in id order, then the sessions
 * named and those given back (id order); lines are locked as items need them. Items that fail leave nothing behind.
 */
export async function assignVolunteers(ctx: RequestContext, requests: AssignmentRequest[]): Promise<{ succeeded: string[]; failed: Array<{ id: string; code: string; message: string }> }> {
  const user = requireRole(ctx, PLACEMENT_MANAGERS);
  if (requests.length === 0) throw badInput('Indiquez au moins une affectation.', 'assignments');
  if (requests.length > MAX_BULK_ASSIGNMENTS) throw badInput(`Au plus ${MAX_BULK_ASSIGNMENTS} affectations à la fois (reçu ${requests.length}).`, 'assignments');
  const items = requests.map((r) => ({
    volunteerId: assertUuid(r.volunteerId, 'volunteerId'),
    sessionId: assertUuid(r.sessionId, 'sessionId'),
    meetingPointId: r.meetingPointId ? assertUuid(r.meetingPointId, 'meetingPointId') : null,
  }));
  const twice = items.find((item, i) => items.findIndex((other) => other.volunteerId === item.volunteerId) !== i);
  if (twice) throw badInput(`Le volontaire ${twice.volunteerId} apparaît plusieurs fois dans la liste.`, 'assignments');
  const succeeded: string[] = [];
  const failed: Array<{ id: string; code: string; message: string }> = [];
  const emailIds: string[] = [];
  await inTransaction(ctx, async (tx) => {
    const volunteers = new Map(
      (await tx.find(Volunteer, { id: { $in: items.map((i) => i.volunteerId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })).map((v) => [v.id, v]),
    );
    // Sessions named are checked through the scope, then locked with those the files give back, in id order.
    const named = await tx.find(Session, { id: { $in: [...new Set(items.map((i) => i.sessionId))] } });
    const held = [...volunteers.values()].flatMap((v) => (v.session ? [v.session.id] : []));
    const locked = await lockInIdOrder(tx, Session, [...named.map((s) => s.id), ...held]);
    const sessions = new Map(named.map((s) => [s.id, locked.get(s.id) ?? s]));
    const points = new Map((await tx.find(MeetingPoint, { id: { $in: [...new Set(items.flatMap((i) => (i.meetingPointId ? [i.meetingPointId] : [])))] } })).map((p) => [p.id, p]));
    const plans: LinePlans = new Map();
    for (const item of items) {
      const volunteer = volunteers.get(item.volunteerId);
      const session = sessions.get(item.sessionId);
      try {
        if (!volunteer) throw notFound('Ce volontaire');
        if (!session) throw notFound('Cette session');
        const point = item.meetingPointId ? points.get(item.meetingPointId) : null;
        if (item.meetingPointId && !point) throw notFound('Ce point de rassemblement');
        // assignOne checks everything before changing anything: a refused item changes nothing.
        const emails = await assignOne(tx, user, volunteer, { session, meetingPoint: point ?? null }, plans);
        emailIds.push(...emails.map((e) => e.id));
        succeeded.push(item.volunteerId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push({ id: item.volunteerId, code: String(error.extensions.code), message: error.message });
      }
    }
    await tx.flush();
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return { succeeded, failed };
}
