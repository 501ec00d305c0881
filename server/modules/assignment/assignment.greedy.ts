import { REDUCED_MOBILITY, type IndexedInput } from './assignment.input';

/** Sessions grouped by key (department or region, or one global group), as CSR arrays. */
interface Groups {
  starts: Int32Array;
  sessions: Int32Array;
}

function groupSessions(index: IndexedInput, groupCount: number, keyOf: (s: number) => number, keep: (s: number) => boolean): Groups {
  const starts = new Int32Array(groupCount + 1);
  for (let s = 0; s < index.sessionCount; s++) if (keep(s)) starts[keyOf(s) + 1]++;
  for (let g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
  const next = starts.slice(0, groupCount);
  const sessions = new Int32Array(starts[groupCount]);
  // Input order within a group: "the first session with a place" is the first one listed.
  for (let s = 0; s < index.sessionCount; s++) if (keep(s)) sessions[next[keyOf(s)]++] = s;
  return { starts, sessions };
}

/**
 * The former platform's greedy fill: each volunteer, in the given order, takes a place in the
 * first session with one left in their department, else in their region, else anywhere;
 * volunteers with reduced mobility look at accessible sessions only.
 *
 * It runs hundreds of times on 100,000 volunteers, so each group keeps a cursor on its first
 * session that may still have a place. Sessions only ever fill up, so a cursor never moves
 * back: one fill costs O(candidates + sessions).
 */
export class GreedyFiller {
  private readonly tiers: { groups: Groups; accessible: Groups; keyOf: (candidate: number) => number }[];
  private readonly cursors: Int32Array[];
  private readonly remaining: Int32Array;

  constructor(private readonly index: IndexedInput) {
    const all = () => true;
    const accessible = (s: number) => index.sessionAccessible[s] === 1;
    const byDepartment = (s: number) => index.sessionDepartment[s];
    const byRegion = (s: number) => index.sessionRegion[s];
    const global = () => 0;
    this.tiers = [
      { groups: groupSessions(index, index.departmentCount, byDepartment, all), accessible: groupSessions(index, index.departmentCount, byDepartment, accessible), keyOf: (i) => index.candidateDepartment[i] },
      { groups: groupSessions(index, index.regionCount, byRegion, all), accessible: groupSessions(index, index.regionCount, byRegion, accessible), keyOf: (i) => index.candidateRegion[i] },
      { groups: groupSessions(index, 1, global, all), accessible: groupSessions(index, 1, global, accessible), keyOf: () => 0 },
    ];
    this.cursors = this.tiers.flatMap((t) => [new Int32Array(t.groups.starts.length), new Int32Array(t.accessible.starts.length)]);
    this.remaining = new Int32Array(index.sessionCount);
  }

  /** Fills `sessionOf` (one session index per candidate, -1 when left out) following `order`. */
  fill(order: Int32Array, sessionOf: Int32Array): void {
    const { index, tiers, cursors, remaining } = this;
    remaining.set(index.capacity);
    tiers.forEach((t, k) => {
      cursors[2 * k].set(t.groups.starts);
      cursors[2 * k + 1].set(t.accessible.starts);
    });
    sessionOf.fill(-1);
    for (let n = 0; n < order.length; n++) {
      const i = order[n];
      const reduced = (index.candidateProfile[i] & REDUCED_MOBILITY) !== 0;
      for (let k = 0; k < tiers.length; k++) {
        const tier = tiers[k];
        const groups = reduced ? tier.accessible : tier.groups;
        const cursor = cursors[2 * k + (reduced ? 1 : 0)];
        const g = tier.keyOf(i);
        const end = groups.starts[g + 1];
        let at = cursor[g];
        while (at < end && remaining[groups.sessions[at]] === 0) at++;
        cursor[g] = at;
        if (at < end) {
          const s = groups.sessions[at];
          remaining[s]--;
          sessionOf[i] = s;
          break;
        }
      }
    }
  }
}
