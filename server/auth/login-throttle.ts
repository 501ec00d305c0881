import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { AppConfig } from '../config';
import { loginLimiters } from '../database/login-limits';
import { AppError } from '../kernel/errors';
import { sameSignature, signature } from './signature';

/** A browser that has signed in to an account before (OWASP's "device cookie"). */
export const DEVICE_COOKIE = 'snu_device';
const DEVICE_DAYS = 180;

const deviceSignature = (nonce: string, email: string, secret: string) => signature(secret, `device|${nonce}|${email}`);

/** The trusted-browser key for `email`, when the request's device cookie was issued for that account. */
function trustedDevice(req: Request, email: string, secret: string): string | null {
  const value = parseCookies(req.headers.cookie ?? '')[DEVICE_COOKIE];
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot <= 0) return null;
  const nonce = value.slice(0, dot);
  return sameSignature(value.slice(dot + 1), deviceSignature(nonce, email, secret)) ? `${email}:${nonce}` : null;
}

/** After a successful login: this browser is now known for this account. */
export function rememberDevice(res: Response, email: string, config: AppConfig): void {
  const nonce = randomBytes(16).toString('base64url');
  res.cookie(DEVICE_COOKIE, `${nonce}.${deviceSignature(nonce, email, config.sessionSecret)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: DEVICE_DAYS * 86_400_000,
  });
}

const minutes = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 60_000));

function limited(subject: 'account' | 'ip', res: RateLimiterRes): AppError {
  const where = subject === 'ip' ? 'depuis cette adresse' : 'pour ce compte';
  return new AppError('RATE_LIMITED', `Trop de tentatives de connexion ${where}. Réessayez dans ${minutes(res)} minute${minutes(res) > 1 ? 's' : ''}.`);
}

/** Consumes one attempt; a store failure (not a refusal) is rethrown, so login fails closed. */
async function consume(limiter: { consume(key: string): Promise<RateLimiterRes> }, key: string, subject: 'account' | 'ip'): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw limited(subject, error);
    throw error;
  }
}

// One password check per HTTP request: aliased `login` fields would otherwise test many.
const checked = new WeakSet<Request>();

/** RATE_LIMITED when this HTTP request already checked a password or a login code. */
export function oneCheckPerRequest(req: Request): void {
  if (checked.has(req)) throw new AppError('RATE_LIMITED', 'Une seule tentative de connexion par requête.');
  checked.add(req);
}

export interface LoginAttempt {
  /** The credentials were right: the account's (or browser's) counter starts again. */
  succeeded(): Promise<void>;
}

/**
 * Reserves one login attempt before the password is checked, so the limit holds under parallel
 * requests and across instances. From a browser that signed in to this account before, the
 * attempt counts against that browser only: whoever hammers the account from elsewhere locks
 * out only themselves. Otherwise it counts against the account and the client's address.
 */
export async function reserveLoginAttempt(em: EntityManager, req: Request, email: string, config: AppConfig): Promise<LoginAttempt> {
  oneCheckPerRequest(req);
  const limiters = loginLimiters(em);
  const device = trustedDevice(req, email, config.sessionSecret);
  if (device) {
    await consume(limiters.device, device, 'account');
    return { succeeded: async () => void (await limiters.device.delete(device)) };
  }
  const ip = req.ip ?? 'unknown';
  await consume(limiters.ip, ip, 'ip');
  await consume(limiters.account, email, 'account');
  return {
    succeeded: async () => {
      await limiters.account.delete(email);
      await limiters.ip.reward(ip, 1);
    },
  };
}
