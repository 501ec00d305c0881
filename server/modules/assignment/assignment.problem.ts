/**
 * What the optimiser's worker thread receives and returns: volunteers aggregated into classes,
 * as typed arrays (cheap to post between threads, and the arrays of the answer are transferred).
 * A class is the volunteers of one department (and region) with one profile; its members are
 * interchangeable for capacity, balance and distance, so the solver only decides how many of
 * each class go to each session.
 */
export interface ClassProblem {
  classDepartment: Int32Array;
  classRegion: Int32Array;
  /** Profile bits (assignment.input.ts: FEMALE, PRIORITY_NEIGHBOURHOOD, DISABILITY, REDUCED_MOBILITY). */
  classProfile: Uint8Array;
  classSize: Int32Array;
  sessionDepartment: Int32Array;
  sessionRegion: Int32Array;
  sessionCenter: Int32Array;
  sessionAccessible: Uint8Array;
  capacity: Int32Array;
  regionCount: number;
  centerCount: number;
  /** Target shares of girls, QPV and disability (over all candidates). */
  targets: Float64Array;
  /** Volunteers to place: the maximum possible, computed beforehand (assignment.input.ts). */
  total: number;
  timeLimitSeconds: number;
}

export interface SolveStats {
  columns: number;
  rows: number;
  nonZeros: number;
  fractionalArcs: number;
  solveMs: number;
}

/** How many volunteers (`flowQuantity[i]`) of class `flowClass[i]` go to session `flowSession[i]`. */
export interface ClassFlows {
  // Plain (not shared) buffers: the worker transfers them to the caller.
  flowClass: Int32Array<ArrayBuffer>;
  flowSession: Int32Array<ArrayBuffer>;
  flowQuantity: Int32Array<ArrayBuffer>;
}

export type SolveResult =
  | (ClassFlows & { ok: true; stats: SolveStats })
  | { ok: false; cause: 'TIME_LIMIT' | 'SOLVER_ERROR'; detail: string };
