import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { now, nowMs } from '../kernel/clock';
import type { CurrentUser } from '../kernel/current-user';
import { UserSession } from '../modules/user/user-session.entity';
import { principalOfSession } from '../scope/territory';

export const SESSION_COOKIE = 'snu_session';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sign(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

/** Cookie value = token + "." + HMAC(token): forged cookies are rejected without touching the database. */
export function readSignedToken(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const dot = cookieValue.lastIndexOf('.');
  if (dot <= 0) return null;
  const token = cookieValue.slice(0, dot);
  const expected = Buffer.from(sign(token, secret));
  const given = Buffer.from(cookieValue.slice(dot + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return token;
}

/** Creates a session row and returns the cookie value. Only the token's hash is stored. */
export async function createSession(
  em: EntityManager,
  userId: string,
  options: { ttlHours: number; secret: string; impersonatorId?: string | null },
): Promise<{ token: string; cookieValue: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(nowMs() + options.ttlHours * 3600_000);
  // UserSession is not scoped (read before anyone is signed in).
  await em.insert(UserSession, { id: randomUUID(), tokenHash: sha256(token), user: userId, impersonator: options.impersonatorId ?? null, createdAt: now(), expiresAt });
  return { token, cookieValue: `${token}.${sign(token, options.secret)}`, expiresAt };
}

export async function deleteSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(UserSession, { id: sessionId });
}

/** The session's ACTIVE user and its territory (one statement), or null: the request is anonymous. */
export function resolveSession(em: EntityManager, token: string): Promise<CurrentUser | null> {
  return principalOfSession(em, sha256(token), now());
}
