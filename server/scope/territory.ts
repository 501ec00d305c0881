import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrentUser, Territory } from '../kernel/current-user';
import { Role } from '../kernel/roles';

/**
 * `territoryOf(user)`, the one place where a staff member's territory is computed, as SQL over
 * `staff_user u` so that the session lookup gets the user and its territory in one round trip:
 * regional managers and visitors reach every department of their region, department referents
 * their own departments, heads of centre the sessions they head (and those sessions' centres).
 * A user without a region or departments gets an empty territory: it sees nothing.
 */
const TERRITORY_COLUMNS = `
  case when u.role in ('REFERENT_REGION', 'VISITOR')
       then array(select d.id from department d where d.region_id = u.region_id)
       when u.role = 'REFERENT_DEPARTMENT' then u.department_ids
       else '{}'::uuid[] end as territory_department_ids,
  case when u.role = 'HEAD_CENTER' then array(select se.id from session se where se.head_center_id = u.id order by se.id)
       else '{}'::uuid[] end as territory_session_ids,
  case when u.role = 'HEAD_CENTER' then array(select distinct se.center_id from session se where se.head_center_id = u.id)
       else '{}'::uuid[] end as territory_center_ids`;

interface TerritoryRow {
  role: Role;
  region_id: string | null;
  territory_department_ids: string[] | null;
  territory_session_ids: string[] | null;
  territory_center_ids: string[] | null;
}

function territoryFromRow(row: TerritoryRow): Territory {
  const national = row.role === Role.ADMIN;
  return {
    national,
    regionId: row.role === Role.REFERENT_REGION || row.role === Role.VISITOR ? row.region_id : null,
    departmentIds: national ? [] : (row.territory_department_ids ?? []),
    sessionIds: row.territory_session_ids ?? [],
    centerIds: row.territory_center_ids ?? [],
  };
}

/** The territory of one staff account, read now (after a change of role, region or departments). */
export async function territoryOf(em: EntityManager, userId: string): Promise<Territory | null> {
  const rows: TerritoryRow[] = await em.getConnection().execute(`select u.role, u.region_id, ${TERRITORY_COLUMNS} from staff_user u where u.id = ?`, [userId]);
  return rows[0] ? territoryFromRow(rows[0]) : null;
}

interface SessionRow extends TerritoryRow {
  session_id: string;
  id: string;
  email: string;
  impersonator_id: string | null;
  parent_session_id: string | null;
  last_seen_at: Date;
}

/**
 * The signed-in user behind a session token's hash, with its territory, in one statement, and
 * when the session was last used. A disabled user, an expired, idle (unused since `idleSince`)
 * or deleted session: null (the request is anonymous).
 */
export async function principalOfSession(em: EntityManager, tokenHash: string, at: Date, idleSince: Date): Promise<{ user: CurrentUser; lastSeenAt: Date; parentSessionId: string | null } | null> {
  const rows: SessionRow[] = await em.getConnection().execute(
    `select s.id as session_id, u.id, u.email, u.role, u.region_id, s.impersonator_id, s.parent_session_id, s.last_seen_at, ${TERRITORY_COLUMNS}
     from user_session s join staff_user u on u.id = s.user_id
     where s.token_hash = ? and s.expires_at > ? and s.last_seen_at > ? and u.status = 'ACTIVE'
       -- An impersonation lives only while its admin's own session does, and the admin is still an active admin.
       and (s.parent_session_id is null or exists (
         select 1 from user_session p join staff_user a on a.id = p.user_id
         where p.id = s.parent_session_id and p.expires_at > ? and a.status = 'ACTIVE' and a.role = 'ADMIN'))`,
    [tokenHash, at, idleSince, at],
  );
  const row = rows[0];
  if (!row) return null;
  const user: CurrentUser = { id: row.id, email: row.email, role: row.role, impersonatorId: row.impersonator_id, sessionId: row.session_id, territory: territoryFromRow(row) };
  return { user, lastSeenAt: new Date(row.last_seen_at), parentSessionId: row.parent_session_id };
}

/** The departments a user acts on, or null for national staff (every department). */
export function territoryDepartmentIds(user: Pick<CurrentUser, 'territory'>): readonly string[] | null {
  return user.territory.national ? null : user.territory.departmentIds;
}
