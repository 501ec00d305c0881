import { REDUCED_MOBILITY, type IndexedInput } from './assignment.input';
import type { Assignment, Proposal, ProposalMethod, Unplaced } from './assignment.model';
import { scoreIndexed } from './assignment.score';

/**
 * Turns one session index per candidate (-1: left out) into a Proposal. Every method here leaves
 * a volunteer out only when no place they may take is left (the greedy fill gives up only then,
 * places never come back, and the optimiser places the maximum), so the reason follows from
 * the volunteer's mobility alone.
 */
export function proposalFrom(index: IndexedInput, sessionOf: Int32Array, method: ProposalMethod): Proposal {
  const { candidates, sessions } = index.input;
  const assignments: Assignment[] = [];
  const unplaced: Unplaced[] = [];
  for (let i = 0; i < index.candidateCount; i++) {
    const s = sessionOf[i];
    if (s >= 0) assignments.push({ volunteerId: candidates[i].id, sessionId: sessions[s].id });
    else unplaced.push({ volunteerId: candidates[i].id, reason: index.candidateProfile[i] & REDUCED_MOBILITY ? 'NO_ACCESSIBLE_PLACE' : 'NO_PLACE' });
  }
  return { assignments, unplaced, metrics: { ...scoreIndexed(index, sessionOf), method } };
}

/** Candidate indices sorted by id (plain code-unit order, the same on every machine and locale). */
export function candidatesById(index: IndexedInput): Int32Array {
  const { candidates } = index.input;
  const order = Int32Array.from({ length: index.candidateCount }, (_, i) => i);
  return order.sort((a, b) => (candidates[a].id < candidates[b].id ? -1 : candidates[a].id > candidates[b].id ? 1 : 0));
}
