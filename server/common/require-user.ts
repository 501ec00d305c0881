import type { RequestContext } from '../auth/context';
import type { CurrentUser } from '../auth/current-user';
import { unauthenticated } from './errors';

export function requireUser(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}
