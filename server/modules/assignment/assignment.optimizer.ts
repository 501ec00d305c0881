import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { aggregateClasses, type CandidateClasses } from './assignment.classes';
import { GreedyFiller } from './assignment.greedy';
import { BALANCED_ATTRIBUTES, REDUCED_MOBILITY, indexInput, maximumPlaceable, type IndexedInput } from './assignment.input';
import type { AssignmentInput, OptimizeOptions, Proposal } from './assignment.model';
import type { ClassFlows, ClassProblem, SolveResult } from './assignment.problem';
import { candidatesById, proposalFrom } from './assignment.proposal';

const DEFAULT_TIME_LIMIT_SECONDS = 20;
/** The worker's guard timer must fit setTimeout (whose longer delays fire at once). */
const MAX_TIME_LIMIT_SECONDS = 3600;

/**
 * The compiled worker. Built (tsc, CommonJS), this file is dist/server/modules/assignment/
 * assignment.optimizer.js and the worker is beside it. Under vitest this is the TypeScript
 * source, which a worker thread (plain Node 20, no TypeScript loader) cannot run: the worker is
 * then the compiled one, which the test setup builds from the current sources
 * (scripts/build-if-needed.mjs), like server/config.ts finds the project root.
 */
function workerFile(): string {
  return __dirname.includes(`${path.sep}dist${path.sep}`)
    ? path.join(__dirname, 'assignment.worker.js')
    : path.resolve(__dirname, '../../../dist/server/modules/assignment/assignment.worker.js');
}

type WorkerOutcome = SolveResult | { ok: false; cause: 'WORKER_ERROR'; detail: string };

/**
 * Runs the solve in a worker thread. HiGHS stops itself at the time limit; the guard (twice the
 * limit, plus slack for loading and building) only ends a thread that stopped answering.
 */
function solveInWorker(problem: ClassProblem): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // No inherited loader flags (vitest's): the worker is plain compiled JavaScript.
      worker = new Worker(workerFile(), { workerData: problem, execArgv: [] });
    } catch (error) {
      resolve({ ok: false, cause: 'WORKER_ERROR', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      void worker.terminate();
      resolve(outcome);
    };
    const guard = setTimeout(
      () => settle({ ok: false, cause: 'TIME_LIMIT', detail: 'the worker did not answer in time' }),
      (2 * problem.timeLimitSeconds + 10) * 1000,
    );
    worker.once('message', (result: SolveResult) => settle(result));
    worker.once('error', (error) => settle({ ok: false, cause: 'WORKER_ERROR', detail: error.message }));
    worker.once('exit', (code) => settle({ ok: false, cause: 'WORKER_ERROR', detail: `worker exited with code ${code}` }));
  });
}

function problemOf(index: IndexedInput, classes: CandidateClasses, total: number, timeLimitSeconds: number): ClassProblem {
  const targets = new Float64Array(BALANCED_ATTRIBUTES.length);
  BALANCED_ATTRIBUTES.forEach((bit, a) => {
    let count = 0;
    for (let i = 0; i < index.candidateCount; i++) if (index.candidateProfile[i] & bit) count++;
    targets[a] = index.candidateCount === 0 ? 0 : count / index.candidateCount;
  });
  return {
    classDepartment: classes.classDepartment,
    classRegion: classes.classRegion,
    classProfile: classes.classProfile,
    classSize: classes.classSize,
    sessionDepartment: index.sessionDepartment,
    sessionRegion: index.sessionRegion,
    sessionCenter: index.sessionCenter,
    sessionAccessible: index.sessionAccessible,
    capacity: index.capacity,
    regionCount: index.regionCount,
    centerCount: index.centerIds.length,
    targets,
    total,
    timeLimitSeconds,
  };
}

/**
 * Class × session quantities to individuals: flows sorted by class then session, each class's
 * members taken in id order. Members left at the end of their class are the ones left out.
 */
function individuals(index: IndexedInput, classes: CandidateClasses, flows: ClassFlows): Int32Array {
  const order = Int32Array.from(flows.flowClass.keys()).sort(
    (a, b) => flows.flowClass[a] - flows.flowClass[b] || flows.flowSession[a] - flows.flowSession[b],
  );
  const sessionOf = new Int32Array(index.candidateCount).fill(-1);
  const next = classes.memberStarts.slice(0, classes.classSize.length);
  for (const f of order) {
    const k = flows.flowClass[f];
    for (let q = 0; q < flows.flowQuantity[f]; q++) sessionOf[classes.members[next[k]++]] = flows.flowSession[f];
  }
  return sessionOf;
}

/**
 * The fallback when the solver fails or runs out of time: the baseline's greedy fill, once, in a
 * fixed order (volunteers with reduced mobility first, then the others, each by id). Taking
 * reduced mobility first gives them the accessible places they need before anyone else, so this
 * still places the maximum; balance and distance are only as good as a greedy fill's.
 */
function greedyFallback(index: IndexedInput, byId: Int32Array): Int32Array {
  const reducedFirst = Int32Array.from([
    ...byId.filter((i) => (index.candidateProfile[i] & REDUCED_MOBILITY) !== 0),
    ...byId.filter((i) => (index.candidateProfile[i] & REDUCED_MOBILITY) === 0),
  ]);
  const sessionOf = new Int32Array(index.candidateCount);
  new GreedyFiller(index).fill(reducedFirst, sessionOf);
  return sessionOf;
}

/**
 * The steps outside the worker are linear but not free (for 100,000 candidates: indexing ≈ 50
 * ms, sorting and aggregating ≈ 40 ms, building and scoring the proposal ≈ 40 ms): letting the
 * event loop run between them keeps each pause of the server short.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const FALLBACK_MESSAGES = {
  TIME_LIMIT: (seconds: number) => `Le solveur n’a pas abouti dans le temps imparti (${seconds} s)`,
  SOLVER_ERROR: () => 'Le solveur a échoué',
  WORKER_ERROR: () => 'Le solveur n’a pas pu être lancé',
} as const;

/**
 * Proposes an assignment: as many volunteers placed as the places allow, then balance of girls,
 * QPV and disability across centres and closeness to home (assignment.solver.ts explains the
 * model), reduced mobility only in accessible sessions. Deterministic: the same input gives the
 * same proposal. The solve runs in a worker thread; the aggregation before and the expansion
 * after are linear in the number of candidates.
 */
export async function optimizeAssignment(input: AssignmentInput, options: OptimizeOptions = {}): Promise<Proposal> {
  const requested = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const timeLimitSeconds = Number.isNaN(requested) ? DEFAULT_TIME_LIMIT_SECONDS : Math.min(MAX_TIME_LIMIT_SECONDS, Math.max(0, requested));
  const index = indexInput(input);
  const total = maximumPlaceable(index);
  if (total === 0) {
    return proposalFrom(index, new Int32Array(index.candidateCount).fill(-1), {
      kind: 'TRIVIAL',
      message: 'Aucune place ne peut être attribuée (aucun volontaire, ou aucune place qui leur convienne) : il n’y a rien à optimiser.',
    });
  }
  await yieldToEventLoop();
  const byId = candidatesById(index);
  const classes = aggregateClasses(index, byId);
  const outcome = await solveInWorker(problemOf(index, classes, total, timeLimitSeconds));
  if (!outcome.ok) {
    const fallback = greedyFallback(index, byId);
    await yieldToEventLoop();
    return proposalFrom(index, fallback, {
      kind: 'GREEDY_FALLBACK',
      cause: outcome.cause,
      detail: outcome.detail,
      message: `${FALLBACK_MESSAGES[outcome.cause](timeLimitSeconds)} : proposition calculée par la méthode gloutonne de secours (autant de volontaires placés, mais équilibre et proximité moins bons).`,
    });
  }
  const sessionOf = individuals(index, classes, outcome);
  await yieldToEventLoop();
  return proposalFrom(index, sessionOf, {
    kind: 'OPTIMIZER',
    solver: 'HIGHS_LP',
    ...outcome.stats,
    message: 'Proposition optimisée (programme linéaire, solveur HiGHS) : le plus de volontaires possible, au plus près de leur domicile, puis l’équilibre filles-garçons, QPV et handicap entre centres.',
  });
}
