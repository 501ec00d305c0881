import type { AuthChecker, ResolverData } from 'type-graphql';
import { requireRole } from '../kernel/permissions';
import type { RequestContext } from '../kernel/request-context';
import type { Role } from '../kernel/roles';

/**
 * `@Authorized()`: signed in. `@Authorized(roles)`: signed in with one of these roles. Throws
 * UNAUTHENTICATED or FORBIDDEN (with the contract's French messages) instead of answering false.
 */
// An arrow function: type-graphql would take a `function` (it has a prototype) for a checker class.
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }: ResolverData<RequestContext>, roles: readonly string[]): boolean => {
  requireRole(context, roles);
  return true;
};
