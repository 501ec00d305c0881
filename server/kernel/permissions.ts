import type { CurrentUser } from './current-user';
import { forbidden, unauthenticated } from './errors';
import type { Role } from './roles';

/** The signed-in user, or UNAUTHENTICATED. */
export function requireUser(context: { user: CurrentUser | null }): CurrentUser {
  if (!context.user) throw unauthenticated();
  return context.user;
}

/** Signed in (no roles), or signed in with one of `roles`; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(context: { user: CurrentUser | null }, roles: readonly (Role | string)[]): CurrentUser {
  const user = requireUser(context);
  if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
  return user;
}
