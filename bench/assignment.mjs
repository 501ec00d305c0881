// `node bench/assignment.mjs [--volunteers N] [--sessions N] [--orders N]`: the automatic
// assignment on a synthetic national input (100,000 volunteers × 500 sessions by default), the
// compiled optimiser (dist/) against the former platform's random search. Each method runs in
// its own child process so that its peak RSS is its own. Never part of `npm test`.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { buildServerIfNeeded } from '../scripts/build-if-needed.mjs';
import { syntheticInput } from './assignment-input.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const argValue = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const settings = {
  volunteers: argValue('--volunteers', 100_000),
  sessions: argValue('--sessions', 500),
  orders: argValue('--orders', 300),
  timeLimit: argValue('--time-limit', 20),
};

function summary(metrics) {
  return {
    placed: metrics.placed,
    placedShare: metrics.placedShare,
    capacity: metrics.capacity,
    balance: metrics.balance,
    meanDistance: metrics.distance.mean,
    distance: [metrics.distance.sameDepartment, metrics.distance.sameRegion, metrics.distance.elsewhere],
    cost: metrics.cost,
    violations: metrics.violations,
    method: metrics.method,
  };
}

async function child(method) {
  const { seededRandom } = require('../dist/server/modules/assignment/assignment.random.js');
  const input = syntheticInput(settings, seededRandom);
  // Let the event loop settle after generating the input, so the first pause measured is ours.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  let proposal;
  // The longest gap between ticks of a 1 ms timer: how long the optimiser keeps the event loop
  // (the server's requests) waiting, the solve itself running in its worker thread.
  let longestPause = 0;
  if (method === 'optimizer') {
    const { optimizeAssignment } = require('../dist/server/modules/assignment/assignment.optimizer.js');
    let last = performance.now();
    const ticks = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 1);
    proposal = await optimizeAssignment(input, { timeLimitSeconds: settings.timeLimit });
    clearInterval(ticks);
  } else {
    const { baselineAssignment } = require('../dist/server/modules/assignment/assignment.baseline.js');
    proposal = baselineAssignment(input, { orders: settings.orders, seed: 1 });
  }
  const wallMs = performance.now() - started;
  process.send({
    ...summary(proposal.metrics),
    name: method,
    wallMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    longestPauseMs: method === 'optimizer' ? longestPause : null,
  });
}

function run(method) {
  return new Promise((resolve, reject) => {
    const worker = fork(new URL(import.meta.url), ['--child', method, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    worker.on('message', (m) => (result = m));
    worker.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${method} exited with code ${code}`))));
  });
}

const childIndex = args.indexOf('--child');
if (childIndex >= 0) {
  await child(args[childIndex + 1]);
} else {
  buildServerIfNeeded();
  console.log(`[bench] affectation : ${settings.volunteers} volontaires × ${settings.sessions} sessions`);
  const optimizer = await run('optimizer');
  const baseline = await run('baseline');
  const row = (r) =>
    `| ${r.name} | ${(r.wallMs / 1000).toFixed(2)} s | ${r.peakRssMb.toFixed(0)} MB | ${r.placed} (${(100 * r.placedShare).toFixed(2)} %) | ${r.balance.toFixed(5)} | ${r.meanDistance.toFixed(4)} (${r.distance.join(' / ')}) | ${r.cost.toFixed(5)} |`;
  console.log('| method | wall time | peak RSS | placed | balance | mean distance (0 / 1 / 2) | cost |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row(optimizer));
  console.log(row(baseline));
  console.log(`[bench] optimiseur : ${JSON.stringify(optimizer.method)}; plus longue pause de la boucle d’événements pendant l’optimisation : ${optimizer.longestPauseMs.toFixed(0)} ms`);
  console.log(`[bench] référence : ${JSON.stringify(baseline.method)}`);
  console.log(`[bench] violations : optimiseur ${JSON.stringify(optimizer.violations)}, référence ${JSON.stringify(baseline.violations)}`);
  // For scripts/bench.mjs (W3): the figures as one JSON line.
  if (args.includes('--json')) console.log(`W3_JSON ${JSON.stringify({ settings, optimizer, baseline })}`);
}
