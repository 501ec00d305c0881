import type { AuthProvider, UserIdentity } from 'react-admin';
import { ApiError, gql } from './api';

export type Role = 'ADMIN' | 'REFERENT_REGION' | 'REFERENT_DEPARTMENT' | 'HEAD_CENTER' | 'VISITOR';

export interface Place {
  id: string;
  code: string;
  name: string;
}

/** The signed-in staff member, as `query me` returns it. */
export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  region: Place | null;
  departments: Place[];
  /** The admin acting as this user (impersonation), or null. */
  impersonator: { id: string; email: string; firstName: string; lastName: string } | null;
}

/** What react-admin's `useGetIdentity()` gives the pages. */
export type Identity = UserIdentity & Me & { fullName: string };

const ME_FIELDS = 'id email firstName lastName role region { id code name } departments { id code name } impersonator { id email firstName lastName }';

// One `me` per page load: react-admin asks often, the answer only changes at login/logout.
let current: Promise<Me> | null = null;

export function fetchMe(): Promise<Me> {
  if (!current) {
    const request = gql<{ me: Me }>(`{ me { ${ME_FIELDS} } }`).then((r) => r.me);
    current = request;
    request.catch(() => {
      if (current === request) current = null;
    });
  }
  return current;
}

/** What each role may open in the console (comfort only: the server decides). */
const READABLE: Record<Role, readonly string[]> = {
  ADMIN: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'TransportLine', 'Department', 'Region', 'AuditEvent', 'User', 'Note', 'CorrectionRequest', 'EmailMessage'],
  REFERENT_REGION: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'TransportLine', 'Department', 'Region', 'AuditEvent', 'User', 'Note', 'CorrectionRequest', 'EmailMessage'],
  REFERENT_DEPARTMENT: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'TransportLine', 'Department', 'Region', 'AuditEvent', 'User', 'Note', 'CorrectionRequest', 'EmailMessage'],
  // Heads of centre read no audit trail (the API refuses it to them).
  HEAD_CENTER: ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'TransportLine', 'Note', 'CorrectionRequest', 'EmailMessage'],
  VISITOR: ['Cohort', 'CohesionCenter', 'Session', 'TransportLine', 'Department', 'Region'],
};

export function canRead(role: Role | undefined, resource: string): boolean {
  return !!role && READABLE[role].includes(resource);
}

/** Roles that review registrations (validate, refuse, waiting list, corrections). */
export const REVIEWER_ROLES: readonly Role[] = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'];

export const isReviewer = (role: Role | undefined): boolean => !!role && REVIEWER_ROLES.includes(role);

/** Roles that place volunteers: centres, sessions, meeting points, lines, assignment. */
export const PLACEMENT_ROLES: readonly Role[] = ['ADMIN', 'REFERENT_REGION'];

export const isPlacementManager = (role: Role | undefined): boolean => !!role && PLACEMENT_ROLES.includes(role);

/** Placement records a regional manager creates and edits in its region (only admins delete). */
const PLACEMENT_RESOURCES = ['CohesionCenter', 'Session', 'MeetingPoint', 'TransportLine'];

function isUnauthenticated(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'UNAUTHENTICATED';
  return (error as { status?: number } | null)?.status === 401;
}

export const authProvider: AuthProvider = {
  /** E-mail and password; with the second factor, the login page then sends the e-mailed `code`; an invitation's link sets the first password. */
  async login(params: { username: string; password: string } | { code: string; trustBrowser: boolean } | { invitation: string; password: string }) {
    current = null;
    if ('invitation' in params) {
      const { acceptInvitation } = await gql<{ acceptInvitation: Me }>(`mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ${ME_FIELDS} } }`, {
        token: params.invitation,
        password: params.password,
      });
      current = Promise.resolve(acceptInvitation);
      return;
    }
    if ('code' in params) {
      const { confirmLogin } = await gql<{ confirmLogin: Me }>(`mutation($code: String!, $trust: Boolean) { confirmLogin(code: $code, trustBrowser: $trust) { ${ME_FIELDS} } }`, {
        code: params.code.trim(),
        trust: params.trustBrowser,
      });
      current = Promise.resolve(confirmLogin);
      return;
    }
    const { login } = await gql<{ login: Me }>(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${ME_FIELDS} } }`, {
      email: params.username.trim(),
      password: params.password,
    });
    current = Promise.resolve(login);
  },
  async logout() {
    current = null;
    // Without a session the server answers UNAUTHENTICATED: nothing more to end.
    await gql('mutation { logout }').catch(() => undefined);
  },
  async checkAuth() {
    await fetchMe();
  },
  /** UNAUTHENTICATED signs the user out (back to the login page); FORBIDDEN and others stay on the page. */
  async checkError(error: unknown) {
    if (isUnauthenticated(error)) {
      current = null;
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity(): Promise<Identity> {
    const me = await fetchMe();
    return { ...me, fullName: `${me.firstName} ${me.lastName}` };
  },
  async getPermissions() {
    return (await fetchMe()).role;
  },
  /** Menus and buttons follow the role: ADMIN everything; others read their resources; regional managers create and edit placement records; only reviewers act on volunteers. */
  async canAccess({ resource, action }) {
    const me = await fetchMe().catch(() => null);
    if (!me) return false;
    if (me.role === 'ADMIN') return true;
    if (!resource) return true;
    if (action === 'list' || action === 'show') return canRead(me.role, resource);
    // Staff accounts: managers invite and edit within what they may grant (the server decides).
    if (resource === 'User') return isReviewer(me.role) && (action === 'create' || action === 'edit');
    if (PLACEMENT_RESOURCES.includes(resource)) return isPlacementManager(me.role) && (action === 'create' || action === 'edit');
    return isReviewer(me.role) && resource === 'Volunteer' && action !== 'delete';
  },
};
