import type { Role } from '../authProvider';

/** The roles a user may grant (the server enforces it: a wider one is FORBIDDEN). */
export function grantableRoles(role: Role | undefined): Role[] {
  if (role === 'ADMIN') return ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'HEAD_CENTER', 'VISITOR'];
  if (role === 'REFERENT_REGION') return ['REFERENT_DEPARTMENT', 'HEAD_CENTER', 'VISITOR'];
  if (role === 'REFERENT_DEPARTMENT') return ['HEAD_CENTER'];
  return [];
}

export const NEEDS_REGION: readonly string[] = ['REFERENT_REGION', 'VISITOR'];
export const NEEDS_DEPARTMENTS: readonly string[] = ['REFERENT_DEPARTMENT', 'HEAD_CENTER'];
