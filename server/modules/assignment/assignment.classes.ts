import { PROFILE_COUNT, type IndexedInput } from './assignment.input';

/** Candidates grouped into classes (department × region × profile), members in id order. */
export interface CandidateClasses {
  classDepartment: Int32Array;
  classRegion: Int32Array;
  classProfile: Uint8Array;
  classSize: Int32Array;
  /** Members of class k: `members[memberStarts[k] .. memberStarts[k + 1])`, candidate indices sorted by id. */
  memberStarts: Int32Array;
  members: Int32Array;
}

/**
 * Aggregates the candidates. Walking them in id order numbers the classes and lists their
 * members deterministically, whatever order the caller loaded them in.
 */
export function aggregateClasses(index: IndexedInput, byId: Int32Array): CandidateClasses {
  const classOfKey = new Map<number, number>();
  const classOf = new Int32Array(index.candidateCount);
  const department: number[] = [];
  const region: number[] = [];
  const profile: number[] = [];
  for (const i of byId) {
    const key = (index.candidateDepartment[i] * index.regionCount + index.candidateRegion[i]) * PROFILE_COUNT + index.candidateProfile[i];
    let k = classOfKey.get(key);
    if (k === undefined) {
      k = classOfKey.size;
      classOfKey.set(key, k);
      department.push(index.candidateDepartment[i]);
      region.push(index.candidateRegion[i]);
      profile.push(index.candidateProfile[i]);
    }
    classOf[i] = k;
  }
  const classCount = classOfKey.size;
  const classSize = new Int32Array(classCount);
  for (let i = 0; i < index.candidateCount; i++) classSize[classOf[i]]++;
  const memberStarts = new Int32Array(classCount + 1);
  for (let k = 0; k < classCount; k++) memberStarts[k + 1] = memberStarts[k] + classSize[k];
  const next = memberStarts.slice(0, classCount);
  const members = new Int32Array(index.candidateCount);
  for (const i of byId) members[next[classOf[i]]++] = i;
  return {
    classDepartment: Int32Array.from(department),
    classRegion: Int32Array.from(region),
    classProfile: Uint8Array.from(profile),
    classSize,
    memberStarts,
    members,
  };
}
