import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../kernel/errors';
import type { RequestContext } from '../kernel/request-context';
import { User } from '../modules/user/user.entity';
import { signIn } from './context';
import { changePassword, logoutEverywhere } from './account.service';
import { confirmLogin, login } from './auth.service';
import { acceptInvitation } from './invitation.service';
import { endParentSession, startImpersonation, stopImpersonation } from './impersonation.service';
import { Role } from '../kernel/roles';
import { rememberDevice } from './login-throttle';
import { deleteSession, readSignedToken, SESSION_COOKIE } from './session.service';

/** Sets the session cookie and the trusted-browser cookie; the answer's fields are read as the newly signed-in user. */
async function signedIn(ctx: RequestContext, result: Awaited<ReturnType<typeof login>>): Promise<User> {
  ctx.res.cookie(SESSION_COOKIE, result.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    expires: result.expiresAt,
  });
  rememberDevice(ctx.res, result.user.email.toLowerCase(), ctx.config);
  await signIn(ctx, result.token);
  return result.user;
}

@Resolver()
export class AuthResolver {
  /** The one public field: everything else requires a session. */
  @Mutation(() => User, { description: 'Connexion : ouvre une session (cookie httpOnly) ; avec le second facteur, répond SECOND_FACTOR_REQUIRED et envoie un code par e-mail' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext): Promise<User> {
    return signedIn(ctx, await login(ctx, email, password));
  }

  /** Public like `login`: its second step, for the browser holding the challenge cookie. */
  @Mutation(() => User, { description: 'Second facteur : le code reçu par e-mail termine la connexion ; trustBrowser évite le code sur ce navigateur pendant 30 jours' })
  async confirmLogin(
    @Arg('code', () => String) code: string,
    @Arg('trustBrowser', () => Boolean, { nullable: true }) trustBrowser: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return signedIn(ctx, await confirmLogin(ctx, code, trustBrowser ?? false));
  }

  /** Public like `login`: the invitation's token is the credential. */
  @Mutation(() => User, { description: 'Accepter une invitation : choisir son mot de passe (au moins 12 caractères, minuscule, majuscule, chiffre, symbole) ; le compte devient actif et la session s’ouvre' })
  async acceptInvitation(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext): Promise<User> {
    return signedIn(ctx, await acceptInvitation(ctx, token, password));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Déconnexion : la session est supprimée côté serveur' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.user) throw unauthenticated();
    if (ctx.user.impersonatorId) await endParentSession(ctx, ctx.res, ctx.user.sessionId);
    await deleteSession(ctx.em, ctx.user.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Agir en tant qu’un autre utilisateur (jamais un administrateur) : chaque action est enregistrée avec les deux comptes' })
  async startImpersonation(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<User> {
    const opened = await startImpersonation(ctx, userId);
    const acting = await signIn(ctx, opened.token);
    const user = acting ? await ctx.loaders.load(User, acting.id) : null;
    if (!user) throw unauthenticated();
    return user;
  }

  /** Allowed to the impersonated identity (whatever its role): it is the admin who stops. */
  @Authorized()
  @Mutation(() => User, { description: 'Arrêter d’agir en tant qu’un autre utilisateur : retour à son propre compte' })
  async stopImpersonation(@Ctx() ctx: RequestContext): Promise<User> {
    const adminCookie = await stopImpersonation(ctx);
    const token = readSignedToken(adminCookie, ctx.config.sessionSecret);
    const admin = token ? await signIn(ctx, token) : null;
    if (!admin) throw unauthenticated();
    const user = await ctx.loaders.load(User, admin.id);
    if (!user) throw unauthenticated();
    return user;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Déconnecter toutes ses sessions, celle-ci comprise ; renvoie leur nombre' })
  async logoutEverywhere(@Ctx() ctx: RequestContext): Promise<number> {
    const ended = await logoutEverywhere(ctx);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return ended;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changer son mot de passe : ses autres sessions sont fermées' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await changePassword(ctx, currentPassword, newPassword);
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
