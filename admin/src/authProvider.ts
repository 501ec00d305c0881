import type { AuthProvider } from 'react-admin';
import { ApiError, gql } from './api';

export type Role = 'ADMIN' | 'REFERENT_REGION' | 'REFERENT_DEPARTMENT' | 'HEAD_CENTER' | 'VISITOR';

export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  region: { id: string; code: string; name: string } | null;
  departments: Array<{ id: string; code: string; name: string }>;
}

const ME_FIELDS = 'id email firstName lastName role region { id code name } departments { id code name }';

// One `me` per page load: react-admin asks often, the answer only changes at login/logout.
let current: Promise<Me> | null = null;

export function fetchMe(): Promise<Me> {
  current ??= gql<{ me: Me }>(`{ me { ${ME_FIELDS} } }`).then((r) => r.me);
  current.catch(() => {
    current = null;
  });
  return current;
}

/** What each role may open in the console (comfort only: the server decides). */
const READABLE: Record<Role, string[]> = {
  ADMIN: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'Department', 'Region', 'AuditEvent'],
  REFERENT_REGION: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'Department', 'Region', 'AuditEvent'],
  REFERENT_DEPARTMENT: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'Department', 'Region', 'AuditEvent'],
  HEAD_CENTER: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session'],
  VISITOR: ['Cohort', 'CohesionCenter', 'Session', 'Department', 'Region'],
};

export function canRead(role: Role | undefined, resource: string): boolean {
  return !!role && READABLE[role].includes(resource);
}

export const REVIEWER_ROLES: Role[] = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'];

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    current = null;
    const { login } = await gql<{ login: Me }>(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${ME_FIELDS} } }`, {
      email: username,
      password,
    });
    current = Promise.resolve(login);
  },
  async logout() {
    current = null;
    await gql('mutation { logout }').catch(() => undefined);
  },
  async checkAuth() {
    await fetchMe();
  },
  async checkError(error: unknown) {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401 || (error instanceof ApiError && error.code === 'UNAUTHENTICATED')) {
      current = null;
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity() {
    const me = await fetchMe();
    return { ...me, fullName: `${me.firstName} ${me.lastName}` };
  },
  async getPermissions() {
    return (await fetchMe()).role;
  },
  async canAccess({ resource, action }) {
    const me = await fetchMe().catch(() => null);
    if (!me) return false;
    if (!resource) return true;
    if (action === 'list' || action === 'show') return canRead(me.role, resource);
    return me.role === 'ADMIN' || (REVIEWER_ROLES.includes(me.role) && resource === 'Volunteer');
  },
};
