import type { AssignmentInput, DistanceStep } from './assignment.model';

/** A mistake of the caller (duplicate ids): the message is French because it may reach the console. */
export class AssignmentInputError extends Error {}

/** Profile bits of a volunteer: the attributes balanced across centres, plus reduced mobility. */
export const FEMALE = 1;
export const PRIORITY_NEIGHBOURHOOD = 2;
export const DISABILITY = 4;
export const REDUCED_MOBILITY = 8;
export const PROFILE_COUNT = 16;

/** The balanced attributes, in the order used everywhere (girls, QPV, disability). */
export const BALANCED_ATTRIBUTES = [FEMALE, PRIORITY_NEIGHBOURHOOD, DISABILITY] as const;

/**
 * The input with every string replaced by a small integer, computed once: the baseline runs its
 * greedy fill hundreds of times and the optimiser aggregates 100,000 candidates, so neither may
 * compare strings in its inner loops.
 */
export interface IndexedInput {
  readonly input: AssignmentInput;
  readonly candidateCount: number;
  readonly sessionCount: number;
  readonly candidateDepartment: Int32Array;
  readonly candidateRegion: Int32Array;
  readonly candidateProfile: Uint8Array;
  readonly sessionDepartment: Int32Array;
  readonly sessionRegion: Int32Array;
  readonly sessionCenter: Int32Array;
  readonly sessionAccessible: Uint8Array;
  /** Free places, normalised to a non-negative integer. */
  readonly capacity: Int32Array;
  readonly departmentCount: number;
  readonly regionCount: number;
  /** Centre ids in order of first appearance among the sessions. */
  readonly centerIds: readonly string[];
}

function coder(): { code: (key: string) => number; size: () => number } {
  const codes = new Map<string, number>();
  return {
    code: (key) => {
      let c = codes.get(key);
      if (c === undefined) {
        c = codes.size;
        codes.set(key, c);
      }
      return c;
    },
    size: () => codes.size,
  };
}

export function profileOf(c: AssignmentInput['candidates'][number]): number {
  return (
    (c.gender === 'FEMALE' ? FEMALE : 0) |
    (c.priorityNeighbourhood ? PRIORITY_NEIGHBOURHOOD : 0) |
    (c.disability ? DISABILITY : 0) |
    (c.reducedMobility ? REDUCED_MOBILITY : 0)
  );
}

export function normalisedCapacity(placesLeft: number): number {
  return Number.isFinite(placesLeft) && placesLeft > 0 ? Math.floor(placesLeft) : 0;
}

/** Indexes the input; throws AssignmentInputError when a candidate or a session id appears twice. */
export function indexInput(input: AssignmentInput): IndexedInput {
  const { candidates, sessions } = input;
  const departments = coder();
  const regions = coder();
  const centers = coder();
  const centerIds: string[] = [];
  const seenSessions = new Set<string>();
  const sessionDepartment = new Int32Array(sessions.length);
  const sessionRegion = new Int32Array(sessions.length);
  const sessionCenter = new Int32Array(sessions.length);
  const sessionAccessible = new Uint8Array(sessions.length);
  const capacity = new Int32Array(sessions.length);
  sessions.forEach((s, i) => {
    if (seenSessions.has(s.id)) throw new AssignmentInputError(`La session ${s.id} figure deux fois dans la demande d’affectation.`);
    seenSessions.add(s.id);
    sessionDepartment[i] = departments.code(s.departmentId);
    sessionRegion[i] = regions.code(s.regionId);
    const before = centers.size();
    sessionCenter[i] = centers.code(s.centerId);
    if (centers.size() > before) centerIds.push(s.centerId);
    sessionAccessible[i] = s.accessible ? 1 : 0;
    capacity[i] = normalisedCapacity(s.placesLeft);
  });
  const seenCandidates = new Set<string>();
  const candidateDepartment = new Int32Array(candidates.length);
  const candidateRegion = new Int32Array(candidates.length);
  const candidateProfile = new Uint8Array(candidates.length);
  candidates.forEach((c, i) => {
    if (seenCandidates.has(c.id)) throw new AssignmentInputError(`Le volontaire ${c.id} figure deux fois dans la demande d’affectation.`);
    seenCandidates.add(c.id);
    candidateDepartment[i] = departments.code(c.departmentId);
    candidateRegion[i] = regions.code(c.regionId);
    candidateProfile[i] = profileOf(c);
  });
  return {
    input,
    candidateCount: candidates.length,
    sessionCount: sessions.length,
    candidateDepartment,
    candidateRegion,
    candidateProfile,
    sessionDepartment,
    sessionRegion,
    sessionCenter,
    sessionAccessible,
    capacity,
    departmentCount: departments.size(),
    regionCount: regions.size(),
    centerIds,
  };
}

/** 0 same department, 1 same region, 2 elsewhere: the distance every method is judged by. */
export function distanceStep(index: IndexedInput, candidate: number, session: number): DistanceStep {
  if (index.candidateDepartment[candidate] === index.sessionDepartment[session]) return 0;
  if (index.candidateRegion[candidate] === index.sessionRegion[session]) return 1;
  return 2;
}

/**
 * The most volunteers any assignment can place. Only two kinds of candidates exist for capacity:
 * those with reduced mobility (accessible sessions only) and the others (any session), so the
 * max-flow/min-cut of the bipartite graph is the smallest of three cuts: every candidate, every
 * place, or every other candidate plus every accessible place.
 */
export function maximumPlaceable(index: IndexedInput): number {
  let reduced = 0;
  for (let i = 0; i < index.candidateCount; i++) if (index.candidateProfile[i] & REDUCED_MOBILITY) reduced++;
  let places = 0;
  let accessiblePlaces = 0;
  for (let s = 0; s < index.sessionCount; s++) {
    places += index.capacity[s];
    if (index.sessionAccessible[s]) accessiblePlaces += index.capacity[s];
  }
  return Math.min(index.candidateCount, places, index.candidateCount - reduced + accessiblePlaces);
}
