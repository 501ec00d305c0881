import type { Role } from './roles';

/**
 * Where a staff member may act, computed once per request by `server/scope/territory.ts`:
 * a regional manager's or visitor's region and every department in it, a referent's departments,
 * a head of centre's sessions and their centres. National staff have `national: true`.
 */
export interface Territory {
  national: boolean;
  regionId: string | null;
  departmentIds: readonly string[];
  sessionIds: readonly string[];
  centerIds: readonly string[];
}

/** The signed-in staff member as the request sees it. */
export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  /** The admin acting as this user, when impersonating. */
  impersonatorId: string | null;
  sessionId: string;
  territory: Territory;
}
