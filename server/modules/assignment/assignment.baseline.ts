import { distanceStep, indexInput } from './assignment.input';
import type { AssignmentInput, BaselineOptions, Proposal } from './assignment.model';
import { proposalFrom } from './assignment.proposal';
import { GreedyFiller } from './assignment.greedy';
import { seededRandom, shuffleInPlace } from './assignment.random';
import { addToTallies, balanceOf, emptyTallies, proposalCost } from './assignment.score';

/**
 * Beyond this many volunteer placements in total (orders × candidates), the number of orders is
 * reduced so that one run stays within a few seconds (shuffle, fill and score cost about 60 ns
 * per volunteer and order on the benchmark machine: 300 orders × 100,000 in 1.7–2 s). Up to
 * 200,000 candidates, all 300 orders run.
 */
const PLACEMENT_BUDGET = 60_000_000;

/**
 * The former platform's method, kept to compare the optimiser with: shuffle the candidates
 * (seeded, so deterministic), fill greedily (`GreedyFiller`), repeat, and keep the order that
 * places the most, then has the lowest `proposalCost` (mean distance plus weighted balance, the
 * same figure the optimiser minimises). The first order wins a tie.
 */
export function baselineAssignment(input: AssignmentInput, options: BaselineOptions = {}): Proposal {
  const ordersRequested = Math.max(1, Math.floor(options.orders ?? 300));
  const seed = options.seed ?? 1;
  const index = indexInput(input);
  const n = index.candidateCount;
  const ordersRun = n === 0 ? 1 : Math.max(1, Math.min(ordersRequested, Math.floor(PLACEMENT_BUDGET / n)));
  const filler = new GreedyFiller(index);
  const random = seededRandom(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sessionOf = new Int32Array(n);
  const best = new Int32Array(n).fill(-1);
  let bestPlaced = -1;
  let bestCost = Infinity;
  let bestOrder = 0;
  for (let k = 0; k < ordersRun; k++) {
    // Shuffling the previous permutation again gives another uniformly random one.
    shuffleInPlace(order, random);
    filler.fill(order, sessionOf);
    const tallies = emptyTallies(index.centerIds.length);
    let placed = 0;
    let steps = 0;
    for (let i = 0; i < n; i++) {
      const s = sessionOf[i];
      if (s < 0) continue;
      placed++;
      steps += distanceStep(index, i, s);
      addToTallies(tallies, index.sessionCenter[s], index.candidateProfile[i]);
    }
    const cost = proposalCost(placed === 0 ? 0 : steps / placed, balanceOf(tallies));
    if (placed > bestPlaced || (placed === bestPlaced && cost < bestCost)) {
      bestPlaced = placed;
      bestCost = cost;
      bestOrder = k;
      best.set(sessionOf);
    }
  }
  const reduced = ordersRun < ordersRequested;
  return proposalFrom(index, best, {
    kind: 'BASELINE',
    ordersRequested,
    ordersRun,
    seed,
    bestOrder,
    message: reduced
      ? `Méthode de l’ancienne plateforme : ${ordersRun} ordres aléatoires essayés au lieu de ${ordersRequested} (trop de volontaires pour le temps imparti), meilleur résultat conservé.`
      : `Méthode de l’ancienne plateforme : ${ordersRun} ordres aléatoires essayés, meilleur résultat conservé.`,
  });
}
