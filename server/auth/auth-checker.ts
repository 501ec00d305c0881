import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from './context';
import type { Role } from './roles';

/** `@Authorized()`: signed in. `@Authorized(roles)`: signed in with one of these roles. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.user.role)) throw forbidden();
  return true;
};
