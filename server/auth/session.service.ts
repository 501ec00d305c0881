import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from './roles';
import type { CurrentUser } from './current-user';

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
  const expiresAt = new Date(Date.now() + options.ttlHours * 3600_000);
  await em.getConnection().execute(
    'insert into user_session (id, token_hash, user_id, impersonator_id, expires_at) values (gen_random_uuid(), ?, ?, ?, ?)',
    [sha256(token), userId, options.impersonatorId ?? null, expiresAt],
  );
  return { token, cookieValue: `${token}.${sign(token, options.secret)}`, expiresAt };
}

export async function deleteSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.getConnection().execute('delete from user_session where id = ?', [sessionId]);
}

interface SessionRow {
  session_id: string;
  id: string;
  email: string;
  role: Role;
  region_id: string | null;
  impersonator_id: string | null;
  scope_department_ids: string[];
  session_ids: string[];
  center_ids: string[];
}

/**
 * One round trip: the session, its ACTIVE user, and everything the scope filter needs.
 * A disabled user, an expired or deleted session: no row, so the request is anonymous.
 */
export async function resolveSession(em: EntityManager, token: string): Promise<CurrentUser | null> {
  const rows: SessionRow[] = await em.getConnection().execute(
    `select s.id as session_id, u.id, u.email, u.role, u.region_id, s.impersonator_id,
       case when u.role in ('REFERENT_REGION', 'VISITOR')
            then array(select d.id from department d where d.region_id = u.region_id)
            else u.department_ids end as scope_department_ids,
       array(select se.id from session se where se.head_center_id = u.id) as session_ids,
       array(select distinct se.center_id from session se where se.head_center_id = u.id) as center_ids
     from user_session s join staff_user u on u.id = s.user_id
     where s.token_hash = ? and s.expires_at > now() and u.status = 'ACTIVE'`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    impersonatorId: row.impersonator_id,
    sessionId: row.session_id,
    scope: {
      id: row.id,
      role: row.role,
      regionId: row.region_id,
      departmentIds: row.scope_department_ids ?? [],
      sessionIds: row.session_ids ?? [],
      centerIds: row.center_ids ?? [],
    },
  };
}
