import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../kernel/errors';
import type { RequestContext } from '../kernel/request-context';
import { User } from '../modules/user/user.entity';
import { signIn } from './context';
import { login } from './auth.service';
import { deleteSession, SESSION_COOKIE } from './session.service';

@Resolver()
export class AuthResolver {
  /** The one public field: everything else requires a session. */
  @Mutation(() => User, { description: 'Connexion : ouvre une session (cookie httpOnly)' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext): Promise<User> {
    const result = await login(ctx, ctx.config, email, password);
    ctx.res.cookie(SESSION_COOKIE, result.cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    // The answer's fields are read as the newly signed-in user.
    await signIn(ctx, result.token);
    return result.user;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Déconnexion : la session est supprimée côté serveur' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.user) throw unauthenticated();
    await deleteSession(ctx.em, ctx.user.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Authorized()
  @Query(() => User, { description: 'L’utilisateur connecté' })
  async me(@Ctx() ctx: RequestContext): Promise<User> {
    if (!ctx.user) throw unauthenticated();
    const user = await ctx.loaders.load(User, ctx.user.id);
    if (!user) throw unauthenticated();
    return user;
  }
}
