/**
 * Automatic assignment of volunteers to sessions: the types shared by the optimiser, the former
 * platform's random search (the baseline) and the scoring. Pure data: the caller loads the
 * candidates and sessions and writes the chosen assignments itself.
 */

export type Gender = 'FEMALE' | 'MALE';

/** A VALIDATED volunteer waiting for a session. */
export interface Candidate {
  id: string;
  departmentId: string;
  regionId: string;
  gender: Gender;
  /** Lives in a priority neighbourhood (QPV). */
  priorityNeighbourhood: boolean;
  disability: boolean;
  /** May only go to an accessible session. */
  reducedMobility: boolean;
}

/** A session of a cohesion centre, with the places still free for this run. */
export interface SessionSlot {
  id: string;
  centerId: string;
  departmentId: string;
  regionId: string;
  /** Free places; a negative or fractional value is read as its floor, at least 0. */
  placesLeft: number;
  accessible: boolean;
}

export interface AssignmentInput {
  candidates: readonly Candidate[];
  sessions: readonly SessionSlot[];
}

export interface Assignment {
  volunteerId: string;
  sessionId: string;
}

/**
 * Why a candidate is left out. Both are exact for a proposal that places as many as possible:
 * a volunteer is left out only when every place they may take is taken.
 * - NO_ACCESSIBLE_PLACE: reduced mobility, and every place in an accessible session is taken
 *   (or there is no accessible session at all).
 * - NO_PLACE: every place of every session is taken (or there is no session).
 */
export type UnplacedReason = 'NO_ACCESSIBLE_PLACE' | 'NO_PLACE';

export interface Unplaced {
  volunteerId: string;
  reason: UnplacedReason;
}

/** Distance from home, in steps: 0 same department, 1 same region, 2 elsewhere. */
export type DistanceStep = 0 | 1 | 2;

export interface SessionFill {
  sessionId: string;
  centerId: string;
  capacity: number;
  assigned: number;
  /** assigned / capacity; 0 for a session without places. */
  fillRate: number;
}

/** Shares are fractions (0–1) of the centre's placed volunteers; deviations are absolute differences from the overall shares. */
export interface CenterBalance {
  centerId: string;
  placed: number;
  femaleShare: number;
  priorityNeighbourhoodShare: number;
  disabilityShare: number;
  femaleDeviation: number;
  priorityNeighbourhoodDeviation: number;
  disabilityDeviation: number;
}

export interface DistanceSummary {
  sameDepartment: number;
  sameRegion: number;
  elsewhere: number;
  /** Mean step over the placed volunteers (0–2); 0 when nobody is placed. */
  mean: number;
}

/** Things a valid proposal never does; all must be 0. */
export interface Violations {
  /** Volunteers with reduced mobility sent to a session that is not accessible. */
  reducedMobility: number;
  /** Sessions given more volunteers than their free places. */
  overbookedSessions: number;
  /** Volunteers assigned more than once. */
  duplicateVolunteers: number;
  /** Assignments naming a volunteer or a session absent from the input. */
  unknownReferences: number;
}

/** What `scoreProposal` measures on any set of assignments. */
export interface ProposalScore {
  candidates: number;
  capacity: number;
  placed: number;
  /** placed / candidates (1 when there is no candidate). */
  placedShare: number;
  /** Shares over all placed volunteers: the targets every centre is compared with. */
  overall: { femaleShare: number; priorityNeighbourhoodShare: number; disabilityShare: number };
  sessions: SessionFill[];
  centers: CenterBalance[];
  /**
   * Placed-weighted mean absolute deviation of the centres' shares from the overall shares,
   * averaged over the three criteria (girls, QPV, disability). 0 is perfect; lower is better.
   */
  balance: number;
  distance: DistanceSummary;
  /** One number to rank proposals with equal placed counts (lower is better): see `proposalCost`. */
  cost: number;
  violations: Violations;
}

/** How a proposal was computed. `message` is shown to the staff as is (French). */
export type ProposalMethod =
  | {
      kind: 'OPTIMIZER';
      solver: 'HIGHS_LP';
      /** LP sizes of the balance model (columns, rows, non-zeros). */
      columns: number;
      rows: number;
      nonZeros: number;
      /** Whole solve in the worker (model building, both LPs, rounding), in milliseconds. */
      solveMs: number;
      /** Arcs whose LP value was fractional and had to be rounded by the second (integral) LP. */
      fractionalArcs: number;
      message: string;
    }
  | {
      kind: 'GREEDY_FALLBACK';
      cause: 'TIME_LIMIT' | 'SOLVER_ERROR' | 'WORKER_ERROR';
      detail: string;
      message: string;
    }
  | { kind: 'TRIVIAL'; message: string }
  | {
      kind: 'BASELINE';
      ordersRequested: number;
      ordersRun: number;
      seed: number;
      /** Index (0-based) of the random order that was kept. */
      bestOrder: number;
      message: string;
    };

export type ProposalMetrics = ProposalScore & { method: ProposalMethod };

export interface Proposal {
  assignments: Assignment[];
  unplaced: Unplaced[];
  metrics: ProposalMetrics;
}

export interface OptimizeOptions {
  /**
   * Wall-clock limit of the solve in the worker, loading HiGHS included (default 20 s, at most an
   * hour); past it the greedy fallback answers. Starting the thread and the linear steps around
   * it add about 0.5 s for 100,000 candidates.
   */
  timeLimitSeconds?: number;
}

export interface BaselineOptions {
  /** Random orders tried (default 300). Reduced for very large inputs: see the metrics. */
  orders?: number;
  /** Seed of the pseudo-random generator (default 1): same seed, same proposal. */
  seed?: number;
}
