import type { Candidate, Gender, SessionSlot } from '../../server/modules/assignment/assignment.model';

/** Short builders for the hand-checked cases: only what a case is about is spelled out. */
export function candidate(id: string, departmentId: string, regionId: string, traits: { gender?: Gender; qpv?: boolean; disability?: boolean; rm?: boolean } = {}): Candidate {
  return {
    id,
    departmentId,
    regionId,
    gender: traits.gender ?? 'MALE',
    priorityNeighbourhood: traits.qpv ?? false,
    disability: traits.disability ?? false,
    reducedMobility: traits.rm ?? false,
  };
}

export function session(id: string, departmentId: string, regionId: string, placesLeft: number, accessible = false, centerId = `C-${id}`): SessionSlot {
  return { id, centerId, departmentId, regionId, placesLeft, accessible };
}

/** n candidates of one department, ids prefixed and numbered so that id order is creation order. */
export function many(prefix: string, n: number, departmentId: string, regionId: string, traits: (i: number) => Parameters<typeof candidate>[3] = () => ({})): Candidate[] {
  return Array.from({ length: n }, (_, i) => candidate(`${prefix}${String(i).padStart(3, '0')}`, departmentId, regionId, traits(i)));
}
