import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { now, nowMs } from '../kernel/clock';
import type { CurrentUser } from '../kernel/current-user';
import { UserSession } from '../modules/user/user-session.entity';
import { principalOfSession } from '../scope/territory';
import { sameSignature, signature } from './signature';

export const SESSION_COOKIE = 'snu_session';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}


/** Cookie value = token + "." + HMAC(token): forged cookies are rejected without touching the database. */
export function readSignedToken(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const dot = cookieValue.lastIndexOf('.');
  if (dot <= 0) return null;
  const token = cookieValue.slice(0, dot);
  return sameSignature(cookieValue.slice(dot + 1), signature(secret, token)) ? token : null;
}

/** Creates a session row and returns the cookie value. Only the token's hash is stored. */
export async function createSession(
  em: EntityManager,
  userId: string,
  options: { ttlHours: number; secret: string; impersonatorId?: string | null; parentSessionId?: string | null },
): Promise<{ token: string; cookieValue: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(nowMs() + options.ttlHours * 3600_000);
  // UserSession is not scoped (read before anyone is signed in).
  await em.insert(UserSession, { id: randomUUID(), tokenHash: sha256(token), user: userId, impersonator: options.impersonatorId ?? null, parentSession: options.parentSessionId ?? null, createdAt: now(), lastSeenAt: now(), expiresAt });
  return { token, cookieValue: `${token}.${signature(options.secret, token)}`, expiresAt };
}

export async function deleteSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(UserSession, { id: sessionId });
}

/** How stale `last_seen_at` may get before a request refreshes it: one write per session per minute, not per request. */
const SEEN_PRECISION_MS = 60_000;

/**
 * The session's ACTIVE user and its territory (one statement), or null: the request is
 * anonymous. A session unused for `idleMinutes` has ended; a used one is marked seen.
 */
export async function resolveSession(em: EntityManager, token: string, idleMinutes: number, options: { touch: boolean } = { touch: true }): Promise<CurrentUser | null> {
  const at = now();
  const found = await principalOfSession(em, sha256(token), at, new Date(at.getTime() - idleMinutes * 60_000));
  if (!found) return null;
  if (options.touch && at.getTime() - found.lastSeenAt.getTime() > SEEN_PRECISION_MS) {
    // An impersonation keeps its admin's own session alive too (it resumes after « Arrêter »).
    await em.nativeUpdate(UserSession, { id: { $in: [found.user.sessionId, ...(found.parentSessionId ? [found.parentSessionId] : [])] } }, { lastSeenAt: at });
  }
  return found.user;
}

/** Ends every session of `userId` (logout everywhere, password change), but `except` when given. */
export async function deleteSessionsOf(em: EntityManager, userId: string, except?: string): Promise<number> {
  return em.nativeDelete(UserSession, except ? { user: userId, id: { $ne: except } } : { user: userId });
}
