import type { CurrentUser } from '../../kernel/current-user';
import { forbidden } from '../../kernel/errors';
import { Role } from '../../kernel/roles';

/** An account's role and territory, as granted. */
export interface Grant {
  role: Role;
  regionId: string | null;
  departmentIds: readonly string[];
}

/**
 * Who may grant what (and so invite, edit, disable or enable whom): national staff anything; a
 * regional manager department referents, heads of centre and visitors of its region; a department
 * referent heads of centre of its departments. Anything wider than the granter's own is FORBIDDEN.
 */
export function assertMayGrant(granter: Pick<CurrentUser, 'role' | 'territory'>, grant: Grant): void {
  if (granter.role === Role.ADMIN) return;
  const own = new Set(granter.territory.departmentIds);
  const withinDepartments = grant.departmentIds.length > 0 && grant.departmentIds.every((id) => own.has(id));
  if (granter.role === Role.REFERENT_REGION && granter.territory.regionId) {
    const inRegion = grant.regionId === granter.territory.regionId;
    if (grant.role === Role.REFERENT_DEPARTMENT && withinDepartments && !grant.regionId) return;
    if (grant.role === Role.HEAD_CENTER && ((inRegion && grant.departmentIds.length === 0) || (withinDepartments && !grant.regionId))) return;
    if (grant.role === Role.VISITOR && inRegion && grant.departmentIds.length === 0) return;
  }
  if (granter.role === Role.REFERENT_DEPARTMENT && grant.role === Role.HEAD_CENTER && withinDepartments && !grant.regionId) return;
  throw forbidden();
}
