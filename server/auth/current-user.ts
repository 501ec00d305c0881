import type { Role } from './roles';
import type { ScopeUser } from '../scope/scope';

/** The signed-in staff member as the request sees it. */
export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  /** The admin acting as this user, when impersonating. */
  impersonatorId: string | null;
  sessionId: string;
  scope: ScopeUser;
}
