import { parentPort, workerData } from 'node:worker_threads';
import type { ClassProblem, SolveResult } from './assignment.problem';
import { solveClassProblem } from './assignment.solver';

/**
 * Entry of the thread started by assignment.optimizer.ts: HiGHS (WebAssembly, single-threaded)
 * blocks the thread it runs on for the whole solve, so it never runs on the server's event
 * loop. One problem in (workerData), one result out, then the thread ends.
 */
const port = parentPort;
if (port) {
  void solveClassProblem(workerData as ClassProblem).then((result: SolveResult) => {
    // The answer's arrays are moved, not copied, back to the caller.
    port.postMessage(result, result.ok ? [result.flowClass.buffer, result.flowSession.buffer, result.flowQuantity.buffer] : []);
  });
}
