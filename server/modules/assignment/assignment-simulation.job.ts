import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ScopedQuery } from '../../scope/scoped-query';
import { unscoped } from '../../scope/unscoped';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Department } from '../department/department.entity';
import { Session } from '../session/session.entity';
import { Phase1Status, VolunteerStatus } from '../volunteer/volunteer.enums';
import { Volunteer } from '../volunteer/volunteer.entity';
import { AssignmentSimulation, type SimulationFigures, type SimulationReport, SimulationStatus } from './assignment-simulation.entity';
import { baselineAssignment } from './assignment.baseline';
import type { AssignmentInput as ProblemInput, Candidate, Proposal, SessionSlot } from './assignment.model';
import { optimizeAssignment } from './assignment.optimizer';

/** The former platform's random search, as the report's baseline: 300 random orders, a fixed seed (same input, same figures). */
const BASELINE = { orders: 300, seed: 20_150_101 };

function figures(proposal: Proposal): SimulationFigures {
  const m = proposal.metrics;
  return {
    placed: m.placed,
    unplaced: proposal.unplaced.length,
    balance: Math.round(m.balance * 10_000) / 10_000,
    meanDistance: Math.round(m.distance.mean * 10_000) / 10_000,
    sameDepartment: m.distance.sameDepartment,
    sameRegion: m.distance.sameRegion,
    method: m.method.message,
  };
}

/** The simulation's input, read with every row visible (system work, the request was checked when it was made). */
async function problemOf(em: EntityManager, simulation: AssignmentSimulation): Promise<{ input: ProblemInput; labels: Map<string, string>; centerLabels: Map<string, string> }> {
  const departments = await em.find(Department, {});
  const regionOf = new Map(departments.map((d) => [d.id, d.region.id]));
  const candidates: Candidate[] = [];
  const query = ScopedQuery.of(em, Volunteer, {
    cohort: simulation.cohort.id,
    department: { $in: simulation.departmentIds },
    status: VolunteerStatus.VALIDATED,
    phase1Status: Phase1Status.WAITING_ASSIGNMENT,
    session: null,
  });
  const rows = await query.stream(['id', 'department', 'gender', 'priorityNeighbourhood', 'disability', 'reducedMobility'], [{ id: 'asc' }], 2000);
  for await (const row of rows as AsyncIterable<[string, string, 'FEMALE' | 'MALE', boolean, boolean, boolean]>) {
    const [id, departmentId, gender, priorityNeighbourhood, disability, reducedMobility] = row;
    candidates.push({ id, departmentId, regionId: regionOf.get(departmentId) ?? '', gender, priorityNeighbourhood, disability, reducedMobility });
  }
  const sessions = await em.find(Session, { cohort: simulation.cohort.id, center: { department: { region: simulation.region.id } }, placesLeft: { $gt: 0 } }, { orderBy: { id: 'asc' } });
  const centers = new Map((await em.find(CohesionCenter, { id: { $in: [...new Set(sessions.map((s) => s.center.id))] } })).map((c) => [c.id, c]));
  const slots: SessionSlot[] = sessions.map((s) => {
    const center = centers.get(s.center.id)!;
    return { id: s.id, centerId: center.id, departmentId: center.department.id, regionId: regionOf.get(center.department.id) ?? '', placesLeft: s.placesLeft, accessible: center.accessibleReducedMobility };
  });
  const code = new Map(departments.map((d) => [d.id, d.code]));
  const centerLabels = new Map([...centers.values()].map((c) => [c.id, `${c.name} (${code.get(c.department.id) ?? ''})`]));
  const labels = new Map(sessions.map((s) => [s.id, centerLabels.get(s.center.id) ?? s.id]));
  return { input: { candidates, sessions: slots }, labels, centerLabels };
}

/**
 * The background job of `simulateAssignment`: reads the candidates and the places, runs the
 * optimiser (HiGHS in a worker thread) and the baseline on the same input, and stores the report.
 * Progress is written as it goes; any failure leaves the simulation FAILED with its cause.
 */
export async function runSimulation(source: { em: EntityManager; logger: Logger }, simulationId: string): Promise<void> {
  await unscoped(source, 'assignment simulation job', async (em) => {
    const simulation = await em.findOne(AssignmentSimulation, { id: simulationId });
    if (!simulation || simulation.status !== SimulationStatus.RUNNING) return;
    const progress = async (value: number) => {
      await em.nativeUpdate(AssignmentSimulation, { id: simulationId }, { progress: value });
    };
    try {
      const { input, labels, centerLabels } = await problemOf(em, simulation);
      await progress(20);
      const baseline = baselineAssignment(input, BASELINE);
      await progress(40);
      const proposal = await optimizeAssignment(input, { timeLimitSeconds: 30 });
      await progress(90);
      const placedBySession = (assignments: Proposal['assignments']) => {
        const counts = new Map<string, number>();
        for (const a of assignments) counts.set(a.sessionId, (counts.get(a.sessionId) ?? 0) + 1);
        return counts;
      };
      const ours = placedBySession(proposal.assignments);
      const theirs = placedBySession(baseline.assignments);
      const distanceByCenter = new Map<string, { total: number; count: number }>();
      const candidate = new Map(input.candidates.map((c) => [c.id, c]));
      const slot = new Map(input.sessions.map((s) => [s.id, s]));
      for (const a of proposal.assignments) {
        const c = candidate.get(a.volunteerId)!;
        const s = slot.get(a.sessionId)!;
        const step = c.departmentId === s.departmentId ? 0 : c.regionId === s.regionId ? 1 : 2;
        const entry = distanceByCenter.get(s.centerId) ?? { total: 0, count: 0 };
        entry.total += step;
        entry.count += 1;
        distanceByCenter.set(s.centerId, entry);
      }
      const report: SimulationReport = {
        proposal: figures(proposal),
        baseline: figures(baseline),
        sessions: input.sessions.map((s) => ({
          sessionId: s.id,
          label: labels.get(s.id) ?? s.id,
          placesLeftBefore: s.placesLeft,
          placed: ours.get(s.id) ?? 0,
          placesLeftAfter: s.placesLeft - (ours.get(s.id) ?? 0),
          baselinePlaced: theirs.get(s.id) ?? 0,
        })),
        unplaced: proposal.unplaced.map((u) => ({ volunteerId: u.volunteerId, reason: u.reason })),
        assignments: proposal.assignments.map((a) => ({ volunteerId: a.volunteerId, sessionId: a.sessionId })),
        centers: proposal.metrics.centers.map((c) => ({
          centerId: c.centerId,
          label: centerLabels.get(c.centerId) ?? c.centerId,
          placed: c.placed,
          femaleShare: c.femaleShare,
          priorityNeighbourhoodShare: c.priorityNeighbourhoodShare,
          disabilityShare: c.disabilityShare,
          meanDistance: (() => {
            const d = distanceByCenter.get(c.centerId);
            return d && d.count ? d.total / d.count : 0;
          })(),
        })),
      };
      await em.nativeUpdate(
        AssignmentSimulation,
        { id: simulationId, status: SimulationStatus.RUNNING },
        { status: SimulationStatus.READY, progress: 100, candidates: input.candidates.length, placed: proposal.metrics.placed, unplaced: proposal.unplaced.length, report },
      );
    } catch (error) {
      source.logger.error({ err: error, simulationId }, 'assignment simulation failed');
      await em.nativeUpdate(AssignmentSimulation, { id: simulationId }, { status: SimulationStatus.FAILED, error: 'Le calcul de la simulation a échoué : relancez-la ; si le problème persiste, contactez l’équipe technique.' });
    }
  });
}
