import type { AuthChecker, ResolverData } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from './context';
import type { Role } from './roles';

/**
 * `@Authorized()`: signed in. `@Authorized(roles)`: signed in with one of these roles.
 * Synchronous on purpose: object fields are checked on every row (see synchronous-field-auth.ts).
 */
// An arrow function: type-graphql would take a `function` (it has a prototype) for a checker class.
export const checkRoles = ({ context }: ResolverData<RequestContext>, roles: readonly string[]): boolean => {
  if (!context.user) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.user.role)) throw forbidden();
  return true;
};

export const authChecker: AuthChecker<RequestContext, Role> = checkRoles;
