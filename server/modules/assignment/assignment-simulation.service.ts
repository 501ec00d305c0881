import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../common/transaction';
import { assertUuid, assertUuids } from '../../common/validation';
import { now } from '../../kernel/clock';
import { AppError, badInput, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { assertInTerritory, findInScope } from '../../scope/write-guard';
import { recordAudit } from '../audit-event/audit.service';
import { Cohort } from '../cohort/cohort.entity';
import { assertManualAssignmentOpen } from '../cohort/cohort.rules';
import { Department } from '../department/department.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Region } from '../region/region.entity';
import { Session } from '../session/session.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { AssignmentSimulation, SimulationStatus } from './assignment-simulation.entity';
import { assignOne, type LinePlans, linesOf } from './assignment.service';

export interface SimulationRequest {
  cohortId: string;
  regionId: string;
  /** Empty or absent: every department of the region. */
  departmentIds?: string[] | null;
}

/**
 * Starts a simulation: checks the cohort, the region (a regional manager's own; national staff any)
 * and the departments (of that region, in the user's territory), stores a RUNNING simulation and
 * hands it to the job queue. Nothing else is written until it is applied.
 */
export async function simulateAssignment(ctx: RequestContext, request: SimulationRequest): Promise<AssignmentSimulation> {
  const user = requireRole(ctx, PLACEMENT_MANAGERS);
  const simulation = await inTransaction(ctx, async (tx) => {
    const cohort = await tx.findOne(Cohort, { id: assertUuid(request.cohortId, 'cohortId') });
    if (!cohort) throw notFound('Ce séjour');
    assertManualAssignmentOpen(user, cohort);
    const regionId = assertUuid(request.regionId, 'regionId');
    // A region outside the territory answers like one that does not exist.
    if (!user.territory.national && user.territory.regionId !== regionId) throw notFound('Cette région');
    if (!(await tx.findOne(Region, { id: regionId }))) throw notFound('Cette région');
    const inRegion = await tx.find(Department, { region: regionId });
    const chosen = request.departmentIds?.length ? assertUuids(request.departmentIds, 'departmentIds') : inRegion.map((d) => d.id);
    for (const id of chosen) {
      assertInTerritory(user, id);
      if (!inRegion.some((d) => d.id === id)) throw badInput('Chaque département choisi doit appartenir à la région de la simulation.', 'departmentIds');
    }
    const created = tx.create(AssignmentSimulation, { cohort, region: regionId, departmentIds: [...new Set(chosen)], createdBy: user.id });
    tx.persist(created);
    recordAudit(tx, user, { action: 'ASSIGNMENT_SIMULATED', recordType: 'AssignmentSimulation', recordId: created.id, changes: { departments: { old: null, new: created.departmentIds } } });
    await tx.flush();
    return created;
  });
  await ctx.jobs?.simulationQueued(simulation.id);
  return simulation;
}

/** A meeting point of the volunteer's own department on a line of the session with a seat left, if any. */
async function meetingPointFor(tx: EntityManager, volunteer: Volunteer, session: Session, plans: LinePlans, points: Map<string, MeetingPoint | null>): Promise<MeetingPoint | null> {
  for (const plan of await linesOf(tx, session.id, plans)) {
    if (plan.line.seatsLeft <= 0) continue;
    for (const pointId of plan.stops.keys()) {
      if (!points.has(pointId)) points.set(pointId, await tx.findOne(MeetingPoint, { id: pointId }));
      const point = points.get(pointId);
      if (point && point.department.id === volunteer.department.id) return point;
    }
  }
  return null;
}

/**
 * Writes a READY simulation's proposal in one transaction, re-checking every volunteer and every
 * capacity exactly as a manual assignment does (same function), each from a meeting point of its
 * department on one of the session's lines when a seat is left. What changed since the simulation
 * (a file no longer validated or already placed, a full session) is skipped and reported.
 */
export async function applyAssignmentSimulation(ctx: RequestContext, id: string): Promise<AssignmentSimulation> {
  const user = requireRole(ctx, PLACEMENT_MANAGERS);
  const emailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const simulation = await findInScope(tx, AssignmentSimulation, assertUuid(id), { label: 'Cette simulation', lockMode: LockMode.PESSIMISTIC_WRITE });
    if (simulation.status === SimulationStatus.APPLIED) throw badInput('Cette simulation a déjà été appliquée : lancez-en une nouvelle pour affecter les volontaires restants.', 'id');
    if (simulation.status === SimulationStatus.RUNNING) throw badInput('Cette simulation est encore en cours de calcul : attendez qu’elle soit prête.', 'id');
    if (simulation.status === SimulationStatus.FAILED || !simulation.report) throw badInput('Cette simulation a échoué : lancez-en une nouvelle.', 'id');
    const proposal = simulation.report.assignments;
    // Locks in the order of manual assignment: files (id order), then sessions (id order), then lines.
    const volunteers = new Map(
      (await tx.find(Volunteer, { id: { $in: proposal.map((a) => a.volunteerId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })).map((v) => [v.id, v]),
    );
    const sessions = new Map(
      (await tx.find(Session, { id: { $in: [...new Set(proposal.map((a) => a.sessionId))] } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })).map((s) => [s.id, s]),
    );
    const plans: LinePlans = new Map();
    const points = new Map<string, MeetingPoint | null>();
    const skipped: Array<{ volunteerId: string; code: string; message: string }> = [];
    let applied = 0;
    for (const item of proposal) {
      const volunteer = volunteers.get(item.volunteerId);
      const session = sessions.get(item.sessionId);
      try {
        if (!volunteer) throw notFound('Ce volontaire');
        if (!session) throw notFound('Cette session');
        if (volunteer.session) throw new AppError('INVALID_TRANSITION', 'Ce volontaire a été affecté depuis la simulation.');
        const meetingPoint = await meetingPointFor(tx, volunteer, session, plans, points);
        const emails = await assignOne(tx, user, volunteer, { session, meetingPoint }, plans);
        emailIds.push(...emails.map((e) => e.id));
        applied += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ volunteerId: item.volunteerId, code: String(error.extensions.code), message: error.message });
      }
    }
    simulation.status = SimulationStatus.APPLIED;
    simulation.applied = applied;
    simulation.skipped = skipped.length;
    simulation.appliedAt = now();
    simulation.report = { ...simulation.report, skipped };
    recordAudit(tx, user, { action: 'ASSIGNMENT_SIMULATION_APPLIED', recordType: 'AssignmentSimulation', recordId: simulation.id, changes: { applied: { old: 0, new: applied }, skipped: { old: 0, new: skipped.length } } });
    await tx.flush();
    return simulation;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return result;
}
