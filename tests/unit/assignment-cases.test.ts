import { describe, expect, it } from 'vitest';
import { baselineAssignment } from '../../server/modules/assignment/assignment.baseline';
import type { AssignmentInput, Proposal } from '../../server/modules/assignment/assignment.model';
import { optimizeAssignment } from '../../server/modules/assignment/assignment.optimizer';
import { candidate, many, session } from './assignment-fixtures';

const sessionsOf = (p: Proposal) => new Map(p.assignments.map((a) => [a.volunteerId, a.sessionId]));

/** Small cases whose right answer is known by hand; the optimiser runs in its worker thread. */
describe('optimizeAssignment on hand-checked cases', () => {
  it('fills sessions exactly to capacity, and leaves the rest out for lack of places', async () => {
    const input: AssignmentInput = {
      candidates: [
        ...many('a', 4, '75', '11', (i) => ({ gender: i % 2 ? 'FEMALE' : 'MALE' })),
        ...many('b', 3, '92', '11', (i) => ({ qpv: i === 0 })),
      ],
      sessions: [session('S1', '75', '11', 3), session('S2', '92', '11', 2)],
    };
    const p = await optimizeAssignment(input);
    expect(p.metrics.method.kind).toBe('OPTIMIZER');
    expect(p.metrics.placed).toBe(5);
    expect(p.metrics.sessions.map((s) => [s.sessionId, s.assigned, s.fillRate])).toEqual([
      ['S1', 3, 1],
      ['S2', 2, 1],
    ]);
    expect(p.unplaced).toHaveLength(2);
    expect(p.unplaced.every((u) => u.reason === 'NO_PLACE')).toBe(true);
    expect(p.metrics.violations).toEqual({ reducedMobility: 0, overbookedSessions: 0, duplicateVolunteers: 0, unknownReferences: 0 });
  });

  it('places every candidate when places are exactly as many', async () => {
    const input: AssignmentInput = {
      candidates: many('v', 6, '69', '84', (i) => ({ gender: i < 3 ? 'FEMALE' : 'MALE' })),
      sessions: [session('S1', '69', '84', 4, true), session('S2', '69', '84', 2)],
    };
    const p = await optimizeAssignment(input);
    expect(p.metrics.placed).toBe(6);
    expect(p.unplaced).toEqual([]);
    expect(p.metrics.sessions.every((s) => s.fillRate === 1)).toBe(true);
  });

  it('sends reduced mobility to accessible sessions only, keeps the accessible place for them, and says why the others are left out', async () => {
    const input: AssignmentInput = {
      candidates: [
        candidate('rm1', '13', '93', { rm: true }),
        candidate('rm2', '13', '93', { rm: true, gender: 'FEMALE' }),
        candidate('rm3', '13', '93', { rm: true }),
        ...many('v', 4, '13', '93'),
      ],
      // The accessible session is listed first: a greedy fill would give it to whoever comes.
      sessions: [session('ACC', '13', '93', 1, true), session('STD', '13', '93', 10, false)],
    };
    const p = await optimizeAssignment(input);
    const placed = sessionsOf(p);
    expect(p.metrics.placed).toBe(5);
    expect(p.metrics.violations.reducedMobility).toBe(0);
    expect(placed.get('rm1')).toBe('ACC');
    for (const id of ['v000', 'v001', 'v002', 'v003']) expect(placed.get(id)).toBe('STD');
    expect(p.unplaced).toEqual([
      { volunteerId: 'rm2', reason: 'NO_ACCESSIBLE_PLACE' },
      { volunteerId: 'rm3', reason: 'NO_ACCESSIBLE_PLACE' },
    ]);
  });

  it('gives NO_ACCESSIBLE_PLACE when no session is accessible at all', async () => {
    const input: AssignmentInput = {
      candidates: [candidate('rm', '13', '93', { rm: true }), candidate('v', '13', '93')],
      sessions: [session('STD', '13', '93', 5)],
    };
    const p = await optimizeAssignment(input);
    expect(sessionsOf(p).get('v')).toBe('STD');
    expect(p.unplaced).toEqual([{ volunteerId: 'rm', reason: 'NO_ACCESSIBLE_PLACE' }]);
  });

  it('prefers the own department, then the own region, whatever the order of the sessions', async () => {
    const input: AssignmentInput = {
      candidates: [...many('a', 3, '75', '11'), ...many('b', 2, '92', '11')],
      sessions: [
        session('FAR', '69', '84', 10),
        session('REGION', '77', '11', 10),
        session('OWN75', '75', '11', 3),
        session('OWN92', '92', '11', 1),
      ],
    };
    const p = await optimizeAssignment(input);
    const placed = sessionsOf(p);
    for (const id of ['a000', 'a001', 'a002']) expect(placed.get(id)).toBe('OWN75');
    // 92 has one place for two: the other one goes to the region, not to the far session.
    expect([placed.get('b000'), placed.get('b001')].sort()).toEqual(['OWN92', 'REGION']);
    expect(p.metrics.distance).toMatchObject({ sameDepartment: 4, sameRegion: 1, elsewhere: 0 });
  });

  it('balances two centres of one department at no distance cost', async () => {
    // 4 girls then 4 boys by id: filling the first centre first would put all the girls together.
    const input: AssignmentInput = {
      candidates: many('v', 8, '33', '75', (i) => ({ gender: i < 4 ? 'FEMALE' : 'MALE', qpv: i === 0 || i === 4 })),
      sessions: [session('S1', '33', '75', 4, false, 'C1'), session('S2', '33', '75', 4, false, 'C2')],
    };
    const p = await optimizeAssignment(input);
    expect(p.metrics.balance).toBe(0);
    expect(p.metrics.centers.map((c) => [c.femaleShare, c.priorityNeighbourhoodShare])).toEqual([
      [0.5, 0.25],
      [0.5, 0.25],
    ]);
  });

  it('falls back to the greedy fill, and says so, when the solver has no time', async () => {
    const input: AssignmentInput = {
      candidates: [candidate('rm', '13', '93', { rm: true }), ...many('v', 3, '13', '93')],
      sessions: [session('ACC', '13', '93', 1, true), session('STD', '13', '93', 2)],
    };
    const p = await optimizeAssignment(input, { timeLimitSeconds: 0 });
    expect(p.metrics.method).toMatchObject({ kind: 'GREEDY_FALLBACK', cause: 'TIME_LIMIT' });
    expect(p.metrics.method.message).toContain('méthode gloutonne de secours');
    // Reduced mobility goes first in the fallback, so it still places the maximum.
    expect(p.metrics.placed).toBe(3);
    expect(sessionsOf(p).get('rm')).toBe('ACC');
    expect(p.metrics.violations.reducedMobility).toBe(0);
  });

  it('proposes nothing, without starting the solver, when no place fits anyone', async () => {
    const p = await optimizeAssignment({ candidates: [candidate('rm', '13', '93', { rm: true })], sessions: [session('STD', '13', '93', 4)] });
    expect(p.metrics.method.kind).toBe('TRIVIAL');
    expect(p.unplaced).toEqual([{ volunteerId: 'rm', reason: 'NO_ACCESSIBLE_PLACE' }]);
  });

  it('refuses an input that lists a volunteer twice', async () => {
    const v = candidate('v', '13', '93');
    await expect(optimizeAssignment({ candidates: [v, v], sessions: [session('S', '13', '93', 2)] })).rejects.toThrow(/deux fois/);
  });
});

describe('optimiser against the former platform’s random search', () => {
  /**
   * A tight, skewed department: its accessible centre (listed first) has 10 places, its other
   * centre 40, for 50 volunteers of whom 10 have reduced mobility; the only other accessible
   * places are 4 in another region. A greedy fill gives the accessible centre to whoever comes
   * first, so most volunteers with reduced mobility are sent far away or left out; 300 random
   * orders do not find the one arrangement (all 10 first) that avoids it. The optimiser puts
   * them in the accessible centre and everyone else at home, each centre with the overall
   * shares (the reduced-mobility group has them too): balance 0, distance 0.
   */
  const input: AssignmentInput = {
    candidates: [
      ...many('rm', 10, '59', '32', (i) => ({ rm: true, gender: i < 5 ? 'FEMALE' : 'MALE', qpv: i < 2, disability: i === 9 })),
      ...many('v', 40, '59', '32', (i) => ({ gender: i % 2 ? 'FEMALE' : 'MALE', qpv: i % 5 === 0, disability: i % 10 === 3 })),
    ],
    sessions: [session('ACC59', '59', '32', 10, true, 'C-ACC'), session('STD59', '59', '32', 40, false, 'C-STD'), session('ACC13', '13', '93', 4, true, 'C-FAR')],
  };

  it('places at least as many and scores strictly better on balance and distance', async () => {
    const optimised = await optimizeAssignment(input);
    const baseline = baselineAssignment(input, { orders: 300, seed: 7 });
    expect(baseline.metrics.method).toMatchObject({ kind: 'BASELINE', ordersRun: 300 });
    expect(optimised.metrics.placed).toBe(50);
    expect(optimised.metrics.placed).toBeGreaterThanOrEqual(baseline.metrics.placed);
    expect(optimised.metrics.balance).toBeLessThan(baseline.metrics.balance);
    expect(optimised.metrics.distance.mean).toBeLessThan(baseline.metrics.distance.mean);
    expect(optimised.metrics.balance).toBe(0);
    expect(optimised.metrics.distance.mean).toBe(0);
    for (const m of [optimised.metrics, baseline.metrics]) expect(m.violations.reducedMobility).toBe(0);
  });
});
