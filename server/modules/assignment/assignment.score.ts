import {
  DISABILITY,
  FEMALE,
  PRIORITY_NEIGHBOURHOOD,
  REDUCED_MOBILITY,
  distanceStep,
  indexInput,
  type IndexedInput,
} from './assignment.input';
import type { Assignment, AssignmentInput, CenterBalance, ProposalScore, SessionFill } from './assignment.model';

/**
 * How much one volunteer of deviation from the target share of one criterion in one centre
 * weighs, in distance steps. Small on purpose: moving one volunteer between two centres changes
 * at most six deviations (three criteria, two centres), worth 0.6 < one step, so nobody is ever
 * sent further from home for balance. Closeness to home comes first
 * (own department, then region: DOMAIN.md), and balance is sought among the allocations that keep
 * volunteers as close as possible: which session of the department, who leaves a department
 * that has too few places. The optimiser's proposal is then never further from home than the
 * former random search's, and better balanced on the same distance. (At 1.5 it traded distance
 * for balance within a region, and lost to the random search on distance on the demo data.)
 */
export const BALANCE_WEIGHT = 0.1;

/**
 * The figure the optimiser minimises, per placed volunteer: mean distance plus the balance
 * weight times the summed deviations. Balance averages the three criteria, hence the 3.
 */
export function proposalCost(meanDistance: number, balance: number): number {
  return meanDistance + 3 * BALANCE_WEIGHT * balance;
}

/** Per-centre counts of placed volunteers and of each balanced attribute. */
export interface CenterTallies {
  placed: Int32Array;
  female: Int32Array;
  priorityNeighbourhood: Int32Array;
  disability: Int32Array;
}

export function emptyTallies(centerCount: number): CenterTallies {
  return {
    placed: new Int32Array(centerCount),
    female: new Int32Array(centerCount),
    priorityNeighbourhood: new Int32Array(centerCount),
    disability: new Int32Array(centerCount),
  };
}

export function addToTallies(t: CenterTallies, center: number, profile: number): void {
  t.placed[center]++;
  if (profile & FEMALE) t.female[center]++;
  if (profile & PRIORITY_NEIGHBOURHOOD) t.priorityNeighbourhood[center]++;
  if (profile & DISABILITY) t.disability[center]++;
}

function sum(a: Int32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/**
 * Placed-weighted mean absolute deviation, averaged over the criteria. Weighting centre c's
 * deviation |a_c/p_c − A/P| by p_c/P gives Σ_c |a_c − p_c·A/P| / P: the deviation counted in
 * volunteers, which is exactly what the optimiser's linear programme minimises.
 */
export function balanceOf(t: CenterTallies): number {
  const placed = sum(t.placed);
  if (placed === 0) return 0;
  let total = 0;
  for (const counts of [t.female, t.priorityNeighbourhood, t.disability]) {
    const share = sum(counts) / placed;
    for (let c = 0; c < counts.length; c++) total += Math.abs(counts[c] - share * t.placed[c]);
  }
  return total / (3 * placed);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Scores placements given as one session index per candidate (-1: unplaced). The methods call
 * it directly; `scoreProposal` first checks and maps the caller's assignments.
 */
export function scoreIndexed(
  index: IndexedInput,
  sessionOf: Int32Array,
  found: { duplicateVolunteers: number; unknownReferences: number } = { duplicateVolunteers: 0, unknownReferences: 0 },
): ProposalScore {
  const { input } = index;
  const tallies = emptyTallies(index.centerIds.length);
  const assigned = new Int32Array(index.sessionCount);
  const steps = [0, 0, 0];
  let placed = 0;
  let reducedMobility = 0;
  for (let i = 0; i < index.candidateCount; i++) {
    const s = sessionOf[i];
    if (s < 0) continue;
    placed++;
    assigned[s]++;
    steps[distanceStep(index, i, s)]++;
    addToTallies(tallies, index.sessionCenter[s], index.candidateProfile[i]);
    if (index.candidateProfile[i] & REDUCED_MOBILITY && !index.sessionAccessible[s]) reducedMobility++;
  }
  let capacity = 0;
  let overbookedSessions = 0;
  const sessions: SessionFill[] = input.sessions.map((slot, s) => {
    capacity += index.capacity[s];
    if (assigned[s] > index.capacity[s]) overbookedSessions++;
    return { sessionId: slot.id, centerId: slot.centerId, capacity: index.capacity[s], assigned: assigned[s], fillRate: ratio(assigned[s], index.capacity[s]) };
  });
  const overall = {
    femaleShare: ratio(sum(tallies.female), placed),
    priorityNeighbourhoodShare: ratio(sum(tallies.priorityNeighbourhood), placed),
    disabilityShare: ratio(sum(tallies.disability), placed),
  };
  const centers: CenterBalance[] = index.centerIds.map((centerId, c) => {
    const p = tallies.placed[c];
    const femaleShare = ratio(tallies.female[c], p);
    const priorityNeighbourhoodShare = ratio(tallies.priorityNeighbourhood[c], p);
    const disabilityShare = ratio(tallies.disability[c], p);
    // An empty centre has no share to deviate: 0, and it weighs nothing in `balance` anyway.
    const deviation = (share: number, target: number) => (p === 0 ? 0 : Math.abs(share - target));
    return {
      centerId,
      placed: p,
      femaleShare,
      priorityNeighbourhoodShare,
      disabilityShare,
      femaleDeviation: deviation(femaleShare, overall.femaleShare),
      priorityNeighbourhoodDeviation: deviation(priorityNeighbourhoodShare, overall.priorityNeighbourhoodShare),
      disabilityDeviation: deviation(disabilityShare, overall.disabilityShare),
    };
  });
  const balance = balanceOf(tallies);
  const meanDistance = ratio(steps[1] + 2 * steps[2], placed);
  return {
    candidates: index.candidateCount,
    capacity,
    placed,
    placedShare: index.candidateCount === 0 ? 1 : placed / index.candidateCount,
    overall,
    sessions,
    centers,
    balance,
    distance: { sameDepartment: steps[0], sameRegion: steps[1], elsewhere: steps[2], mean: meanDistance },
    cost: proposalCost(meanDistance, balance),
    violations: { reducedMobility, overbookedSessions, ...found },
  };
}

/**
 * Scores any list of assignments against the input: fill rates, balance, distance and the
 * violations a valid proposal never has (a volunteer assigned twice counts once, at their first
 * assignment; unknown ids are counted and ignored).
 */
export function scoreProposal(input: AssignmentInput, assignments: readonly Assignment[]): ProposalScore {
  const index = indexInput(input);
  const candidateIndex = new Map(input.candidates.map((c, i) => [c.id, i]));
  const sessionIndex = new Map(input.sessions.map((s, i) => [s.id, i]));
  const sessionOf = new Int32Array(index.candidateCount).fill(-1);
  const found = { duplicateVolunteers: 0, unknownReferences: 0 };
  for (const a of assignments) {
    const i = candidateIndex.get(a.volunteerId);
    const s = sessionIndex.get(a.sessionId);
    if (i === undefined || s === undefined) found.unknownReferences++;
    else if (sessionOf[i] >= 0) found.duplicateVolunteers++;
    else sessionOf[i] = s;
  }
  return scoreIndexed(index, sessionOf, found);
}
