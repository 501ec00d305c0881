import { BALANCED_ATTRIBUTES, PROFILE_COUNT, REDUCED_MOBILITY } from './assignment.input';
import type { ClassProblem } from './assignment.problem';
import { BALANCE_WEIGHT } from './assignment.score';

/**
 * The flow network behind the optimiser's linear programmes (see assignment.solver.ts for the
 * model). Nodes are rows, arcs are columns:
 *
 *   source ──f_k──▶ class k ──────────────(0)──────────────▶ session s of k's department
 *                      ├──(1)──▶ pool (k's region, k's profile) ──▶ session s of that region
 *                      └──(2)──▶ pool (k's profile)             ──▶ any session s
 *
 * (arc costs in distance steps). Reduced-mobility profiles have arcs into accessible sessions
 * only. Routing "same region" and "elsewhere" through one pool per (region, profile) and per
 * profile, instead of an arc from every class to every session, cuts the benchmark's input
 * (1,060 classes × 500 sessions) from 530,000 columns to 19,638. Pools keep the profile, so
 * each centre still knows how many girls, QPV and disabled volunteers it receives. A path
 * through a pool never costs less than the volunteer's true distance, and when it costs more
 * (a region pool to the class's own department, the national pool to its own region) a
 * cheaper path with the same effect exists (the direct arc, the region pool), so an LP optimum
 * never counts more than the true distance. After rounding it may: the split of the pools
 * (assignment.solver.ts) then only makes true distances shorter than counted.
 */
export interface FlowNetwork {
  readonly columnCount: number;
  /** Rows of the network: classes, region pools, profile pools, sessions, then the total. */
  readonly rowCount: number;
  readonly totalRow: number;
  /** Per column: its CSC entries in the network rows (sorted rows, ±1). */
  readonly starts: Int32Array;
  readonly rows: Int32Array;
  readonly values: Float64Array;
  readonly cost: Float64Array;
  /** Upper bound of each column before rounding (class size for f_k, unbounded otherwise). */
  readonly upper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** For each column: its class (source and class arcs; -1 for pool arcs). */
  readonly arcClass: Int32Array;
  /** For each column: the session it enters (-1 when it enters no session). */
  readonly arcSession: Int32Array;
  /** For each column: the profile of the volunteers it carries. */
  readonly arcProfile: Uint8Array;
  /** For each column: the pool it leaves or enters (-1 for source and direct arcs). */
  readonly arcPool: Int32Array;
  /** For each column: whether it leaves a pool (true) or enters one. */
  readonly arcLeavesPool: Uint8Array;
  /** Number of pools: regionCount × profiles, then one per profile. */
  readonly poolCount: number;
  readonly nationalPoolOffset: number;
}

/** Columns as one growable list each; turned into typed arrays once complete. */
class ColumnBuilder {
  readonly starts: number[] = [0];
  readonly rows: number[] = [];
  readonly values: number[] = [];
  readonly cost: number[] = [];
  readonly upper: number[] = [];
  readonly arcClass: number[] = [];
  readonly arcSession: number[] = [];
  readonly arcProfile: number[] = [];
  readonly arcPool: number[] = [];
  readonly arcLeavesPool: number[] = [];

  add(
    entries: [row: number, value: number][],
    cost: number,
    upper: number,
    meta: { cls: number; session: number; profile: number; pool: number; leavesPool: boolean },
  ): void {
    entries.sort((a, b) => a[0] - b[0]);
    for (const [row, value] of entries) {
      this.rows.push(row);
      this.values.push(value);
    }
    this.starts.push(this.rows.length);
    this.cost.push(cost);
    this.upper.push(upper);
    this.arcClass.push(meta.cls);
    this.arcSession.push(meta.session);
    this.arcProfile.push(meta.profile);
    this.arcPool.push(meta.pool);
    this.arcLeavesPool.push(meta.leavesPool ? 1 : 0);
  }
}

export function buildNetwork(p: ClassProblem): FlowNetwork {
  const classCount = p.classSize.length;
  const sessionCount = p.capacity.length;
  const nationalPoolOffset = p.regionCount * PROFILE_COUNT;
  const poolCount = nationalPoolOffset + PROFILE_COUNT;
  const poolRow = (pool: number) => classCount + pool;
  const sessionRow = (s: number) => classCount + poolCount + s;
  const totalRow = classCount + poolCount + sessionCount;
  const rowCount = totalRow + 1;
  const eligible = (profile: number, s: number) => (profile & REDUCED_MOBILITY) === 0 || p.sessionAccessible[s] === 1;

  const byDepartment = new Map<number, number[]>();
  const byRegion = new Map<number, number[]>();
  const open: number[] = [];
  const push = (groups: Map<number, number[]>, key: number, s: number) => {
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  };
  for (let s = 0; s < sessionCount; s++) {
    if (p.capacity[s] === 0) continue; // no place: no arc may carry anyone there
    push(byDepartment, p.sessionDepartment[s], s);
    push(byRegion, p.sessionRegion[s], s);
    open.push(s);
  }
  const anyOpen = [open.length > 0, open.some((s) => p.sessionAccessible[s] === 1)];

  const b = new ColumnBuilder();
  const none = { cls: -1, session: -1, pool: -1, leavesPool: false };
  const usedPools = new Set<number>();
  for (let k = 0; k < classCount; k++) {
    if (p.classSize[k] === 0) continue;
    const profile = p.classProfile[k];
    b.add([[k, 1], [totalRow, 1]], 0, p.classSize[k], { ...none, cls: k, profile });
    for (const s of byDepartment.get(p.classDepartment[k]) ?? []) {
      if (eligible(profile, s)) b.add([[k, -1], [sessionRow(s), 1]], 0, Infinity, { ...none, cls: k, session: s, profile });
    }
    const regionPool = p.classRegion[k] * PROFILE_COUNT + profile;
    if ((byRegion.get(p.classRegion[k]) ?? []).some((s) => eligible(profile, s))) {
      b.add([[k, -1], [poolRow(regionPool), 1]], 1, Infinity, { ...none, cls: k, profile, pool: regionPool });
      usedPools.add(regionPool);
    }
    const nationalPool = nationalPoolOffset + profile;
    if (anyOpen[profile & REDUCED_MOBILITY ? 1 : 0]) {
      b.add([[k, -1], [poolRow(nationalPool), 1]], 2, Infinity, { ...none, cls: k, profile, pool: nationalPool });
      usedPools.add(nationalPool);
    }
  }
  for (const pool of [...usedPools].sort((x, y) => x - y)) {
    const profile = pool % PROFILE_COUNT;
    const sessions = pool >= nationalPoolOffset ? open : (byRegion.get(Math.floor(pool / PROFILE_COUNT)) ?? []);
    for (const s of sessions) {
      if (eligible(profile, s)) b.add([[poolRow(pool), -1], [sessionRow(s), 1]], 0, Infinity, { ...none, session: s, profile, pool, leavesPool: true });
    }
  }

  const rowLower = new Float64Array(rowCount);
  const rowUpper = new Float64Array(rowCount);
  for (let s = 0; s < sessionCount; s++) rowUpper[sessionRow(s)] = p.capacity[s];
  rowLower[totalRow] = p.total;
  rowUpper[totalRow] = p.total;
  return {
    columnCount: b.cost.length,
    rowCount,
    totalRow,
    starts: Int32Array.from(b.starts),
    rows: Int32Array.from(b.rows),
    values: Float64Array.from(b.values),
    cost: Float64Array.from(b.cost),
    upper: Float64Array.from(b.upper),
    rowLower,
    rowUpper,
    arcClass: Int32Array.from(b.arcClass),
    arcSession: Int32Array.from(b.arcSession),
    arcProfile: Uint8Array.from(b.arcProfile),
    arcPool: Int32Array.from(b.arcPool),
    arcLeavesPool: Uint8Array.from(b.arcLeavesPool),
    poolCount,
    nationalPoolOffset,
  };
}

/** A CSC matrix with its bounds and costs, ready for HiGHS. */
export interface LinearProgram {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * The balance programme: the network, plus for each centre c and criterion a a deviation
 * column d_ca ≥ 0 (cost BALANCE_WEIGHT) and two rows
 *     d_ca − Σ (attr_a − t_a)·x ≥ 0   and   d_ca + Σ (attr_a − t_a)·x ≥ 0,
 * the sums running over the arcs entering c's sessions, attr_a being 1 when the arc's profile
 * has criterion a and t_a the target share. Σ (attr_a − t_a)·x is the centre's count with the
 * criterion minus t_a times its count placed, so at the optimum d_ca is its absolute value.
 */
export function balanceProgram(net: FlowNetwork, p: ClassProblem): LinearProgram {
  const centerCount = p.centerCount;
  const attributes = BALANCED_ATTRIBUTES.length;
  const balanceRow = (c: number, a: number) => net.rowCount + 2 * (c * attributes + a);
  const numRows = net.rowCount + 2 * attributes * centerCount;
  const numCols = net.columnCount + attributes * centerCount;
  const starts = new Int32Array(numCols + 1);
  // Each arc into a session adds at most two entries per criterion; each deviation column two.
  const capacity = net.rows.length + 2 * attributes * (net.columnCount + centerCount);
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let n = 0;
  for (let j = 0; j < net.columnCount; j++) {
    for (let e = net.starts[j]; e < net.starts[j + 1]; e++) {
      indices[n] = net.rows[e];
      values[n++] = net.values[e];
    }
    const s = net.arcSession[j];
    if (s >= 0) {
      const c = p.sessionCenter[s];
      BALANCED_ATTRIBUTES.forEach((bit, a) => {
        const coefficient = (net.arcProfile[j] & bit ? 1 : 0) - p.targets[a];
        if (coefficient === 0) return;
        indices[n] = balanceRow(c, a);
        values[n++] = -coefficient;
        indices[n] = balanceRow(c, a) + 1;
        values[n++] = coefficient;
      });
    }
    starts[j + 1] = n;
  }
  for (let c = 0; c < centerCount; c++) {
    for (let a = 0; a < attributes; a++) {
      indices[n] = balanceRow(c, a);
      values[n++] = 1;
      indices[n] = balanceRow(c, a) + 1;
      values[n++] = 1;
      starts[net.columnCount + c * attributes + a + 1] = n;
    }
  }
  const colCost = new Float64Array(numCols);
  colCost.set(net.cost);
  colCost.fill(BALANCE_WEIGHT, net.columnCount);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  colUpper.set(net.upper);
  const rowLower = new Float64Array(numRows);
  rowLower.set(net.rowLower);
  const rowUpper = new Float64Array(numRows).fill(Infinity);
  rowUpper.set(net.rowUpper);
  return {
    numCols,
    numRows,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    starts,
    indices: indices.slice(0, n),
    values: values.slice(0, n),
  };
}

/**
 * How much the rounding programme charges per volunteer moved away from the balance optimum, in
 * distance steps. Rounding an arc into a centre moves each of its three deviations by up to one
 * volunteer, in a direction the linear objective cannot see (an absolute value around its
 * optimum): staying close to the optimum is the linear proxy. A third of the balance weight
 * (one criterion's share) gave the lowest total cost on the benchmark input among 0, 0.5, 2
 * and 10 (deviation after rounding 837, 621, 617, 613 volunteers; distance 24,570 to 24,610
 * steps); 0 ignores balance and leaves deviations 40 % larger.
 */
export const ROUNDING_CLOSENESS_WEIGHT = BALANCE_WEIGHT / 3;

/**
 * The rounding programme: the network alone, each column bounded by the floor and the ceiling
 * of its value x* in the balance optimum. Its matrix is a node–arc incidence matrix (each
 * column has one +1 and one −1 once the total row is negated, which changes no determinant's
 * magnitude), hence totally unimodular; with integral bounds every vertex is integral, and the
 * balance optimum lies inside, so the simplex returns whole numbers of volunteers that respect
 * every capacity and still place the maximum. Each arc moves by less than one volunteer.
 *
 * Objective: distance, plus ROUNDING_CLOSENESS_WEIGHT × |x − x*|. On an arc with fractional part
 * f, x = floor + t with t ∈ {0, 1} at every vertex, and |x − x*| is f at t = 0 and 1 − f at t = 1:
 * the linear cost (1 − 2f)·x equals it (up to a constant) at both, so the objective stays linear
 * and the matrix totally unimodular.
 */
export function roundingProgram(net: FlowNetwork, optimum: Float64Array, lower: Float64Array, upper: Float64Array): LinearProgram {
  const colCost = Float64Array.from(net.cost);
  for (let j = 0; j < net.columnCount; j++) {
    if (upper[j] > lower[j]) colCost[j] += ROUNDING_CLOSENESS_WEIGHT * (1 - 2 * (optimum[j] - lower[j]));
  }
  return {
    numCols: net.columnCount,
    numRows: net.rowCount,
    colCost,
    colLower: lower,
    colUpper: upper,
    rowLower: net.rowLower,
    rowUpper: net.rowUpper,
    starts: net.starts,
    indices: net.rows,
    values: net.values,
  };
}
