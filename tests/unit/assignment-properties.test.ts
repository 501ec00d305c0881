import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineAssignment } from '../../server/modules/assignment/assignment.baseline';
import type { AssignmentInput, Candidate, Proposal, SessionSlot } from '../../server/modules/assignment/assignment.model';
import { optimizeAssignment } from '../../server/modules/assignment/assignment.optimizer';

/**
 * Random small inputs, checked against what any valid proposal must satisfy. The seed is fixed
 * (FUZZ_SEED to change it) so that every run replays the same cases. Each optimiser call starts
 * a worker thread and HiGHS (≈ 0.2–0.3 s), hence fewer runs for it than for the baseline.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const OPTIMIZER_RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const BASELINE_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const PLACES: [department: string, region: string][] = [
  ['75', '11'],
  ['92', '11'],
  ['69', '84'],
  ['13', '93'],
];

const inputs = (options: { reducedMobility: boolean }) =>
  fc
    .record({
      candidates: fc.array(
        fc.record({
          place: fc.integer({ min: 0, max: PLACES.length - 1 }),
          female: fc.boolean(),
          qpv: fc.boolean(),
          disability: fc.boolean(),
          rm: options.reducedMobility ? fc.boolean() : fc.constant(false),
        }),
        { maxLength: 30 },
      ),
      sessions: fc.array(
        fc.record({
          place: fc.integer({ min: 0, max: PLACES.length - 1 }),
          center: fc.integer({ min: 0, max: 3 }),
          // -1 and 0 too: no place, or a count the caller got wrong.
          places: fc.integer({ min: -1, max: 8 }),
          accessible: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
    })
    .map(({ candidates, sessions }): AssignmentInput => ({
      // Ids not in array order, so that sorting by id matters.
      candidates: candidates.map(
        (c, i): Candidate => ({
          id: `v${String((97 * i) % 1000).padStart(3, '0')}`,
          departmentId: PLACES[c.place][0],
          regionId: PLACES[c.place][1],
          gender: c.female ? 'FEMALE' : 'MALE',
          priorityNeighbourhood: c.qpv,
          disability: c.disability,
          reducedMobility: c.rm,
        }),
      ),
      sessions: sessions.map(
        (s, i): SessionSlot => ({
          id: `s${i}`,
          centerId: `c${s.center}`,
          departmentId: PLACES[s.place][0],
          regionId: PLACES[s.place][1],
          placesLeft: s.places,
          accessible: s.accessible,
        }),
      ),
    }));

const places = (s: SessionSlot) => Math.max(0, s.placesLeft);

/** The most anyone can place, from first principles: nobody twice, no session over, reduced mobility in accessible sessions. */
function maximum(input: AssignmentInput): number {
  const reduced = input.candidates.filter((c) => c.reducedMobility).length;
  const capacity = input.sessions.reduce((n, s) => n + places(s), 0);
  const accessible = input.sessions.reduce((n, s) => n + (s.accessible ? places(s) : 0), 0);
  return Math.min(input.candidates.length, capacity, input.candidates.length - reduced + accessible);
}

/** What every proposal must satisfy, whatever the method. */
function expectValid(input: AssignmentInput, p: Proposal): void {
  const sessionById = new Map(input.sessions.map((s) => [s.id, s]));
  const candidateById = new Map(input.candidates.map((c) => [c.id, c]));
  const seen = [...p.assignments.map((a) => a.volunteerId), ...p.unplaced.map((u) => u.volunteerId)];
  expect(seen.sort()).toEqual(input.candidates.map((c) => c.id).sort());
  const assigned = new Map<string, number>();
  for (const a of p.assignments) {
    const s = sessionById.get(a.sessionId);
    expect(s).toBeDefined();
    assigned.set(a.sessionId, (assigned.get(a.sessionId) ?? 0) + 1);
    if (candidateById.get(a.volunteerId)?.reducedMobility) expect(s?.accessible).toBe(true);
  }
  const left = (s: SessionSlot) => places(s) - (assigned.get(s.id) ?? 0);
  for (const s of input.sessions) expect(left(s)).toBeGreaterThanOrEqual(0);
  // Each reason is exact: nothing the volunteer could take is left.
  for (const u of p.unplaced) {
    if (candidateById.get(u.volunteerId)?.reducedMobility) {
      expect(u.reason).toBe('NO_ACCESSIBLE_PLACE');
      expect(input.sessions.filter((s) => s.accessible).every((s) => left(s) === 0)).toBe(true);
    } else {
      expect(u.reason).toBe('NO_PLACE');
      expect(input.sessions.every((s) => left(s) === 0)).toBe(true);
    }
  }
  expect(p.metrics.placed).toBe(p.assignments.length);
  expect(p.metrics.violations).toEqual({ reducedMobility: 0, overbookedSessions: 0, duplicateVolunteers: 0, unknownReferences: 0 });
}

/** A proposal without its timing, which is the only thing allowed to differ between two runs. */
function withoutTiming(p: Proposal): unknown {
  const { method } = p.metrics;
  return { ...p, metrics: { ...p.metrics, method: method.kind === 'OPTIMIZER' ? { ...method, solveMs: 0 } : method } };
}

describe('optimizeAssignment on random small inputs', () => {
  it('is valid, places the maximum, and gives the same proposal twice', async () => {
    await fc.assert(
      fc.asyncProperty(inputs({ reducedMobility: true }), async (input) => {
        const first = await optimizeAssignment(input);
        expectValid(input, first);
        expect(first.metrics.method.kind).not.toBe('GREEDY_FALLBACK');
        expect(first.metrics.placed).toBe(maximum(input));
        expect(withoutTiming(await optimizeAssignment(input))).toEqual(withoutTiming(first));
      }),
      { seed: SEED, numRuns: OPTIMIZER_RUNS },
    );
    // A hang guard, not a speed check: 24 worker starts and solves take ≈ 7 s alone, far more when
    // the suite's other files share the two cores.
  }, 240_000);

  it('places min(places, candidates) when nobody has reduced mobility', async () => {
    await fc.assert(
      fc.asyncProperty(inputs({ reducedMobility: false }), async (input) => {
        const p = await optimizeAssignment(input);
        expectValid(input, p);
        expect(p.metrics.placed).toBe(Math.min(input.candidates.length, input.sessions.reduce((n, s) => n + places(s), 0)));
      }),
      { seed: SEED + 1, numRuns: OPTIMIZER_RUNS },
    );
  }, 240_000);
});

describe('baselineAssignment on random small inputs', () => {
  it('is valid, deterministic for a seed, and never places more than the maximum', () => {
    fc.assert(
      fc.property(inputs({ reducedMobility: true }), fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const p = baselineAssignment(input, { orders: 20, seed });
        expectValid(input, p);
        expect(p.metrics.placed).toBeLessThanOrEqual(maximum(input));
        expect(baselineAssignment(input, { orders: 20, seed })).toEqual(p);
      }),
      { seed: SEED, numRuns: BASELINE_RUNS },
    );
  });

  it('places min(places, candidates) when nobody has reduced mobility', () => {
    fc.assert(
      fc.property(inputs({ reducedMobility: false }), (input) => {
        const p = baselineAssignment(input, { orders: 5 });
        expectValid(input, p);
        expect(p.metrics.placed).toBe(Math.min(input.candidates.length, input.sessions.reduce((n, s) => n + places(s), 0)));
      }),
      { seed: SEED, numRuns: BASELINE_RUNS },
    );
  });
});
