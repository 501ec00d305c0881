import { createHash, randomInt } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import { now, nowMs } from '../kernel/clock';
import { AppError, badInput } from '../kernel/errors';
import type { JobQueue } from '../kernel/request-context';
import { LoginChallenge } from '../modules/user/login-challenge.entity';
import { sameSignature, signature as sign } from './signature';

export const CHALLENGE_COOKIE = 'snu_login_challenge';
export const TRUSTED_COOKIE = 'snu_trusted';
export const CODE_MINUTES = 10;
export const CODE_TRIES = 3;
export const TRUST_DAYS = 30;

/** Binds a trusted browser to the password it was trusted with: changing the password revokes it. */
const passwordFingerprint = (passwordHash: string | null) => createHash('sha256').update(passwordHash ?? '').digest('hex').slice(0, 16);

const trustSignature = (userId: string, expires: string, passwordHash: string | null, secret: string) =>
  sign(secret, `trusted|${userId}|${expires}|${passwordFingerprint(passwordHash)}`);

/** Whether this browser was trusted (« faire confiance à ce navigateur ») by this user, with this password, less than 30 days ago. */
export function trustedBrowser(req: Request, user: { id: string; passwordHash?: string | null }, secret: string): boolean {
  const value = parseCookies(req.headers.cookie ?? '')[TRUSTED_COOKIE];
  const [userId, expires, signature] = value?.split('.') ?? [];
  if (!userId || !expires || !signature || userId !== user.id || Number(expires) <= nowMs()) return false;
  return sameSignature(signature, trustSignature(userId, expires, user.passwordHash ?? null, secret));
}

function trustBrowser(res: Response, user: { id: string; passwordHash?: string | null }, config: AppConfig): void {
  const expires = nowMs() + TRUST_DAYS * 86_400_000;
  const value = `${user.id}.${expires}.${trustSignature(user.id, String(expires), user.passwordHash ?? null, config.sessionSecret)}`;
  res.cookie(TRUSTED_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: TRUST_DAYS * 86_400_000 });
}

/**
 * The password was right and the browser is not trusted: a 6-digit code goes to the user's
 * e-mail (through the job queue, not the e-mail table the console shows), the browser keeps a
 * signed reference to the challenge, and the login answers SECOND_FACTOR_REQUIRED.
 */
export async function startChallenge(em: EntityManager, jobs: JobQueue | null, res: Response, user: { id: string; email: string }, config: AppConfig): Promise<AppError> {
  // Fail closed: without the queue no code can be sent, so no login can complete.
  if (!jobs) throw new Error('the second factor needs the job queue (RUN_JOBS or an instance that enqueues)');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const challenge = em.create(LoginChallenge, { user: user.id, codeHash: '', createdAt: now(), expiresAt: new Date(nowMs() + CODE_MINUTES * 60_000) });
  challenge.codeHash = sign(config.sessionSecret, `code|${challenge.id}|${code}`);
  await em.persistAndFlush(challenge);
  await jobs.loginCodeQueued({ to: user.email, code, minutes: CODE_MINUTES });
  res.cookie(CHALLENGE_COOKIE, `${challenge.id}.${sign(config.sessionSecret, `challenge|${challenge.id}`)}`, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: CODE_MINUTES * 60_000,
  });
  return new AppError('SECOND_FACTOR_REQUIRED', `Un code de connexion à 6 chiffres vient d’être envoyé à votre adresse e-mail. Saisissez-le pour terminer la connexion (il est valable ${CODE_MINUTES} minutes).`);
}

const noChallenge = () => badInput('Aucune connexion en attente de code sur ce navigateur, ou le code a expiré : reconnectez-vous avec votre e-mail et votre mot de passe.');

/**
 * Checks a code against the browser's challenge: one try is counted atomically before the
 * comparison (3 tries in all), a challenge is used once. Answers the user id on success.
 */
export async function confirmChallenge(em: EntityManager, req: Request, res: Response, code: string, trust: boolean, config: AppConfig, passwordHashOf: (userId: string) => Promise<string | null>): Promise<string> {
  const value = parseCookies(req.headers.cookie ?? '')[CHALLENGE_COOKIE] ?? '';
  const [id, signature] = value.split('.');
  if (!id || !signature || !sameSignature(signature, sign(config.sessionSecret, `challenge|${id}`))) throw noChallenge();
  if (!/^\d{6}$/.test(code.trim())) throw badInput('Le code de connexion comporte 6 chiffres.', 'code');
  const challenge = await em.findOne(LoginChallenge, { id, usedAt: null, expiresAt: { $gt: now() } });
  if (!challenge || challenge.attempts >= CODE_TRIES) throw noChallenge();
  // Compare-and-set: two tries sent together cannot both be counted as the same one.
  const counted = await em.nativeUpdate(LoginChallenge, { id, attempts: challenge.attempts }, { attempts: challenge.attempts + 1 });
  if (!counted) throw badInput('Un autre essai de code est en cours : réessayez.', 'code');
  if (!sameSignature(challenge.codeHash, sign(config.sessionSecret, `code|${id}|${code.trim()}`))) {
    const left = CODE_TRIES - challenge.attempts - 1;
    throw badInput(left > 0 ? `Code incorrect. Il vous reste ${left} essai${left > 1 ? 's' : ''}.` : 'Code incorrect, et c’était le dernier essai : reconnectez-vous pour recevoir un nouveau code.', 'code');
  }
  const used = await em.nativeUpdate(LoginChallenge, { id, usedAt: null }, { usedAt: now() });
  if (!used) throw noChallenge();
  res.clearCookie(CHALLENGE_COOKIE, { path: '/' });
  const userId = challenge.user.id;
  if (trust) trustBrowser(res, { id: userId, passwordHash: await passwordHashOf(userId) }, config);
  return userId;
}
