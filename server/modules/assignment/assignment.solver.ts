import highsLoader from 'highs';
import { balanceProgram, buildNetwork, roundingProgram, type FlowNetwork, type LinearProgram } from './assignment.network';
import type { ClassFlows, ClassProblem, SolveResult } from './assignment.problem';

/*
 * The optimiser's model, lexicographic in two levels.
 *
 * 1. Place as many volunteers as possible. That maximum has a closed form (the minimum cut,
 *    `maximumPlaceable` in assignment.input.ts), so rather than a first LP it becomes the
 *    constraint "total placed = P*" of the programme below.
 * 2. With that total fixed, minimise
 *        Σ distance steps of the placed volunteers
 *      + BALANCE_WEIGHT × Σ over centres and criteria (girls, QPV, disability) of
 *        | volunteers with the criterion − target share × volunteers placed |
 *    over class × session quantities (assignment.network.ts builds the flow network and the
 *    linearised absolute values). Divided by P*, this is exactly `proposalCost` (mean distance
 *    plus weighted balance) except that the target shares are those of all candidates rather
 *    than of the placed ones, which keeps the programme linear; they coincide when everyone is
 *    placed, and otherwise the target also keeps the volunteers left out representative.
 *
 * The balance rows make the LP optimum fractional. A second LP rounds it: same network, each
 * arc bounded by the floor and ceiling of its value, minimising distance plus closeness to the
 * first optimum (`roundingProgram`). Its matrix is totally unimodular, so its simplex optimum is
 * integral, respects every capacity and accessibility, and still places P* (proof in
 * `roundingProgram`). Whole numbers come out of the solver, not out of a heuristic; they are
 * checked exactly before being used. Rounding costs some balance (on the benchmark input the
 * summed deviation goes from 203 volunteers in the LP to about 620); a MIP over the same box
 * still had 569 after 15 s, so the integral optimum is not far below, each centre's count of
 * each criterion having to be a whole number.
 */

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let runtime: Promise<Highs> | undefined;
/** One WebAssembly instance per worker thread (loading it takes about 0.1 s in a fresh thread). */
const highs = () => (runtime ??= highsLoader());

type LpOutcome = { ok: true; x: Float64Array } | { ok: false; cause: 'TIME_LIMIT' | 'SOLVER_ERROR'; detail: string };

/**
 * The balance LP runs the interior-point method with crossover: 1.5 s on the benchmark input
 * where the dual simplex takes 5.4 s and the primal 10 s, and crossover still ends on a vertex
 * (fewer fractional arcs to round). The rounding LP runs the simplex, whose answer is a vertex:
 * its integrality depends on that.
 */
type Algorithm = 'ipm' | 'simplex';

/** A linear programme as HiGHS's column-wise model; `integrality` marks whole-number columns. */
function modelOf(lp: LinearProgram, integrality?: Int32Array) {
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    colCost: lp.colCost,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    ...(integrality ? { integrality } : {}),
    matrix: { format: 'csc' as const, numRows: lp.numRows, numCols: lp.numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
  };
}

function solveLp(h: Highs, lp: LinearProgram, seconds: number, solver: Algorithm): LpOutcome {
  if (seconds <= 0) return { ok: false, cause: 'TIME_LIMIT', detail: 'time limit reached before the LP started' };
  // withModel disposes the native model whatever happens: GC never frees WebAssembly memory.
  return h.withModel(modelOf(lp), (m): LpOutcome => {
    m.options.set({ output_flag: false, time_limit: seconds, solver, run_crossover: 'on' });
    const status = m.run().modelStatus;
    if (status === h.constants.modelStatus.optimal) return { ok: true, x: m.getSolution().colValue };
    if (status === h.constants.modelStatus.timeLimit) return { ok: false, cause: 'TIME_LIMIT', detail: 'HiGHS stopped at the time limit' };
    return { ok: false, cause: 'SOLVER_ERROR', detail: `HiGHS model status ${status}` };
  });
}

/**
 * Small inputs (a department or two: a few thousand arcs) are solved exactly instead: the same
 * programme with whole class × session quantities (a MIP), which HiGHS closes in well under a
 * second there. Rounding an LP optimum costs most, relatively, on small inputs (34 volunteers of
 * the demo: the rounded proposal was less balanced than the random search's best of 300 orders),
 * and the exact optimum cannot be: every integral allocation with as many placed, the random
 * search's included, is feasible for it. Past a budget of branch-and-bound nodes, the LP and its
 * rounding answer. The budget is counted in nodes, not seconds, so that the same input gives the
 * same proposal on a busy machine too (a time limit made the path depend on the load); the time
 * limit left is only a guard (at most MIP_SECONDS).
 */
const MIP_MAX_ARCS = 1500;
const MIP_MAX_NODES = 5000;
const MIP_SECONDS = 10;

function solveMip(h: Highs, lp: LinearProgram, integerColumns: number, seconds: number): Float64Array | null {
  if (seconds <= 0) return null;
  const integrality = new Int32Array(lp.numCols);
  integrality.fill(1, 0, integerColumns);
  return h.withModel(modelOf(lp, integrality), (m) => {
    m.options.set({ output_flag: false, time_limit: Math.min(seconds, MIP_SECONDS), mip_max_nodes: MIP_MAX_NODES, mip_rel_gap: 0 });
    return m.run().modelStatus === h.constants.modelStatus.optimal ? Float64Array.from(m.getSolution().colValue) : null;
  });
}

const INTEGRAL = 1e-6;

/** Checks, in integers, that the rounded flow satisfies every row of the network. */
function violatesNetwork(net: FlowNetwork, flow: Int32Array): string | undefined {
  const activity = new Float64Array(net.rowCount);
  for (let j = 0; j < net.columnCount; j++) {
    if (flow[j] < 0 || flow[j] > net.upper[j]) return `column ${j} out of bounds`;
    for (let e = net.starts[j]; e < net.starts[j + 1]; e++) activity[net.rows[e]] += net.values[e] * flow[j];
  }
  for (let r = 0; r < net.rowCount; r++) {
    if (activity[r] < net.rowLower[r] || activity[r] > net.rowUpper[r]) return `row ${r} violated (${activity[r]})`;
  }
  return undefined;
}

/**
 * Splits the flows through the pools into class → session quantities. Every class entering a
 * pool has the pool's profile, so any split gives the same balance; this one gives each class
 * sessions of its own department first, then of its region, which can only shorten the trip
 * the model counted.
 */
function decompose(net: FlowNetwork, p: ClassProblem, flow: Int32Array): ClassFlows {
  const flowClass: number[] = [];
  const flowSession: number[] = [];
  const flowQuantity: number[] = [];
  const push = (k: number, s: number, q: number) => {
    flowClass.push(k);
    flowSession.push(s);
    flowQuantity.push(q);
  };
  const into: { k: number; q: number }[][] = Array.from({ length: net.poolCount }, () => []);
  const out: { s: number; q: number }[][] = Array.from({ length: net.poolCount }, () => []);
  for (let j = 0; j < net.columnCount; j++) {
    const q = flow[j];
    if (q === 0) continue;
    const pool = net.arcPool[j];
    if (pool < 0) {
      if (net.arcSession[j] >= 0) push(net.arcClass[j], net.arcSession[j], q);
    } else if (net.arcLeavesPool[j]) out[pool].push({ s: net.arcSession[j], q });
    else into[pool].push({ k: net.arcClass[j], q });
  }
  const sameDepartment = (k: number, s: number) => p.classDepartment[k] === p.sessionDepartment[s];
  const sameRegion = (k: number, s: number) => p.classRegion[k] === p.sessionRegion[s];
  const passes = [sameDepartment, sameRegion, () => true];
  for (let pool = 0; pool < net.poolCount; pool++) {
    for (const fits of passes) {
      for (const i of into[pool]) {
        for (const o of out[pool]) {
          if (i.q === 0) break;
          if (o.q === 0 || !fits(i.k, o.s)) continue;
          const q = Math.min(i.q, o.q);
          push(i.k, o.s, q);
          i.q -= q;
          o.q -= q;
        }
      }
    }
  }
  return { flowClass: Int32Array.from(flowClass), flowSession: Int32Array.from(flowSession), flowQuantity: Int32Array.from(flowQuantity) };
}

/** Solves a class problem (in the worker thread: HiGHS blocks the thread it runs on). */
export async function solveClassProblem(p: ClassProblem): Promise<SolveResult> {
  const started = performance.now();
  const remainingSeconds = () => p.timeLimitSeconds - (performance.now() - started) / 1000;
  try {
    const h = await highs();
    const net = buildNetwork(p);
    const balance = balanceProgram(net, p);
    if (net.columnCount <= MIP_MAX_ARCS) {
      const exact = solveMip(h, balance, net.columnCount, remainingSeconds());
      const flow = exact ? Int32Array.from(exact.subarray(0, net.columnCount), (v) => Math.round(v)) : null;
      if (flow && !violatesNetwork(net, flow)) {
        return {
          ok: true,
          ...decompose(net, p, flow),
          stats: { columns: balance.numCols, rows: balance.numRows, nonZeros: balance.values.length, fractionalArcs: 0, solveMs: performance.now() - started },
        };
      }
    }
    const relaxed = solveLp(h, balance, remainingSeconds(), 'ipm');
    if (!relaxed.ok) return relaxed;
    const lower = new Float64Array(net.columnCount);
    const upper = new Float64Array(net.columnCount);
    let fractionalArcs = 0;
    for (let j = 0; j < net.columnCount; j++) {
      const v = Math.max(0, relaxed.x[j]);
      const nearest = Math.round(v);
      if (Math.abs(v - nearest) <= INTEGRAL) {
        lower[j] = upper[j] = nearest;
      } else {
        lower[j] = Math.floor(v);
        upper[j] = Math.ceil(v);
        fractionalArcs++;
      }
    }
    let values: Float64Array = lower;
    if (fractionalArcs > 0) {
      const rounded = solveLp(h, roundingProgram(net, relaxed.x, lower, upper), remainingSeconds(), 'simplex');
      if (!rounded.ok) return rounded;
      values = rounded.x;
    }
    const flow = new Int32Array(net.columnCount);
    for (let j = 0; j < net.columnCount; j++) {
      flow[j] = Math.round(values[j]);
      if (Math.abs(values[j] - flow[j]) > INTEGRAL) return { ok: false, cause: 'SOLVER_ERROR', detail: `rounding LP left column ${j} at ${values[j]}` };
    }
    const violation = violatesNetwork(net, flow);
    if (violation) return { ok: false, cause: 'SOLVER_ERROR', detail: `rounded flow infeasible: ${violation}` };
    return {
      ok: true,
      ...decompose(net, p, flow),
      stats: { columns: balance.numCols, rows: balance.numRows, nonZeros: balance.values.length, fractionalArcs, solveMs: performance.now() - started },
    };
  } catch (error) {
    return { ok: false, cause: 'SOLVER_ERROR', detail: error instanceof Error ? error.message : String(error) };
  }
}
