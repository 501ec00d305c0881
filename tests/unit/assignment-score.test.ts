import { describe, expect, it } from 'vitest';
import type { AssignmentInput } from '../../server/modules/assignment/assignment.model';
import { BALANCE_WEIGHT, scoreProposal } from '../../server/modules/assignment/assignment.score';
import { candidate, session } from './assignment-fixtures';

const input: AssignmentInput = {
  candidates: [
    candidate('a', '75', '11', { gender: 'FEMALE', qpv: true }),
    candidate('b', '75', '11'),
    candidate('c', '92', '11', { gender: 'FEMALE' }),
    candidate('d', '69', '84', { disability: true }),
    candidate('e', '92', '11'),
    candidate('f', '92', '11'),
    candidate('g', '92', '11', { gender: 'FEMALE', qpv: true }),
    candidate('h', '92', '11', { rm: true }),
  ],
  sessions: [session('S1', '75', '11', 4, false, 'C1'), session('S2', '75', '11', 2, true, 'C1'), session('S3', '92', '11', 4, false, 'C2')],
};

describe('scoreProposal', () => {
  it('measures fill rates, shares, balance and distance as computed by hand', () => {
    const score = scoreProposal(input, [
      { volunteerId: 'a', sessionId: 'S1' },
      { volunteerId: 'b', sessionId: 'S1' },
      { volunteerId: 'c', sessionId: 'S1' },
      { volunteerId: 'd', sessionId: 'S2' },
      { volunteerId: 'e', sessionId: 'S3' },
      { volunteerId: 'f', sessionId: 'S3' },
    ]);
    expect(score).toMatchObject({ candidates: 8, capacity: 10, placed: 6, placedShare: 0.75 });
    expect(score.sessions.map((s) => s.fillRate)).toEqual([0.75, 0.5, 0.5]);
    // Overall: 2 girls, 1 QPV, 1 disabled out of 6.
    expect(score.overall.femaleShare).toBeCloseTo(1 / 3, 12);
    expect(score.overall.priorityNeighbourhoodShare).toBeCloseTo(1 / 6, 12);
    expect(score.overall.disabilityShare).toBeCloseTo(1 / 6, 12);
    const [c1, c2] = score.centers;
    // C1 (a, b, c, d): half girls, a quarter QPV, a quarter disabled.
    expect(c1).toMatchObject({ centerId: 'C1', placed: 4, femaleShare: 0.5, priorityNeighbourhoodShare: 0.25, disabilityShare: 0.25 });
    expect(c1.femaleDeviation).toBeCloseTo(1 / 6, 12);
    expect(c1.priorityNeighbourhoodDeviation).toBeCloseTo(1 / 12, 12);
    expect(c1.disabilityDeviation).toBeCloseTo(1 / 12, 12);
    // C2 (e, f): two boys.
    expect(c2).toMatchObject({ centerId: 'C2', placed: 2, femaleShare: 0 });
    expect(c2.femaleDeviation).toBeCloseTo(1 / 3, 12);
    // (4 × (1/6 + 1/12 + 1/12) + 2 × (1/3 + 1/6 + 1/6)) / (3 × 6) = 4/27.
    expect(score.balance).toBeCloseTo(4 / 27, 12);
    // a, b, e, f at home; c in its region; d from another region.
    expect(score.distance).toEqual({ sameDepartment: 4, sameRegion: 1, elsewhere: 1, mean: 0.5 });
    expect(score.cost).toBeCloseTo(0.5 + 3 * BALANCE_WEIGHT * (4 / 27), 12);
    expect(score.violations).toEqual({ reducedMobility: 0, overbookedSessions: 0, duplicateVolunteers: 0, unknownReferences: 0 });
  });

  it('counts what a valid proposal never does', () => {
    const score = scoreProposal(input, [
      { volunteerId: 'h', sessionId: 'S3' }, // reduced mobility, not accessible
      { volunteerId: 'a', sessionId: 'S2' },
      { volunteerId: 'b', sessionId: 'S2' },
      { volunteerId: 'c', sessionId: 'S2' }, // S2 has 2 places
      { volunteerId: 'a', sessionId: 'S1' }, // twice
      { volunteerId: 'zz', sessionId: 'S1' },
      { volunteerId: 'e', sessionId: 'S9' },
    ]);
    expect(score.violations).toEqual({ reducedMobility: 1, overbookedSessions: 1, duplicateVolunteers: 1, unknownReferences: 2 });
    expect(score.placed).toBe(4);
  });

  it('scores an empty proposal without dividing by zero', () => {
    const score = scoreProposal(input, []);
    expect(score).toMatchObject({ placed: 0, balance: 0, cost: 0, distance: { mean: 0 } });
    expect(score.centers.every((c) => c.femaleDeviation === 0)).toBe(true);
  });
});
