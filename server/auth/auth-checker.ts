import type { AuthChecker, ResolverData } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from './context';
import type { Role } from './roles';

/** Signed in (no roles), or signed in with one of `roles`; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(context: Pick<RequestContext, 'user'>, roles: readonly string[]): void {
  if (!context.user) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.user.role)) throw forbidden();
}

/**
 * `@Authorized()`: signed in. `@Authorized(roles)`: signed in with one of these roles.
 * Synchronous on purpose: object fields are checked on every row (see synchronous-field-auth.ts).
 */
// An arrow function: type-graphql would take a `function` (it has a prototype) for a checker class.
export const checkRoles = ({ context }: ResolverData<RequestContext>, roles: readonly string[]): boolean => {
  requireRole(context, roles);
  return true;
};

export const authChecker: AuthChecker<RequestContext, Role> = checkRoles;
