import type pg from 'pg';

/**
 * The scope oracle of the access tests: which rows each account may see, written in plain SQL over
 * the account's territory, independently of the server's scope rules (server/scope/ and the
 * entities' @Scoped rules), so that a leak or an over-restriction there disagrees with it.
 * Shared by tests/access/schema-matrix.test.ts and tests/access/scope-oracle.property.test.ts.
 */

/** Runs SQL on the test file's database copy. */
export type Sql = <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

export type Role = 'ADMIN' | 'REFERENT_REGION' | 'REFERENT_DEPARTMENT' | 'HEAD_CENTER' | 'VISITOR';
export const ALL_ROLES: readonly Role[] = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'HEAD_CENTER', 'VISITOR'];
/** May read volunteers' personal data (within their scope). */
export const STAFF: readonly Role[] = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'HEAD_CENTER'];
/** May review registrations. */
export const REVIEWERS: readonly Role[] = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'];

// ---------------------------------------------------------------------------------------------
// The oracle: who sees which rows, in plain SQL over the account's territory.
// Every condition reads the row as `x` and the account as `me(deps, sessions, uid, region)`:
// deps = the departments of its region (REFERENT_REGION, VISITOR) or its own (REFERENT_DEPARTMENT),
// sessions = the sessions it heads. Admins see every row.
// ---------------------------------------------------------------------------------------------

export interface TypeRule {
  table: string;
  /** Roles that may use `T(id)`, `allTs` and `_allTsMeta`. */
  roles: readonly Role[];
  /** Which rows a non-admin account sees, per role (`default` for the others). */
  where: Partial<Record<Role, string>> & { default: string };
  /** In-scope samples are taken first among the rows matching this (the interesting ones). */
  prefer?: string;
  /** Read only as a nested field of another type (no `T(id)`, `allTs`, `_allTsMeta`). */
  nestedOnly?: true;
  /** What `T(id)` selects for an in-scope row, and the expected answer as SQL (json `value`, $1 = id). */
  one?: { select: string; expected: string };
}

const DEPARTMENT = 'x.department_id = any(me.deps)';
const VIA_VOLUNTEER = {
  HEAD_CENTER: 'x.volunteer_id in (select v.id from volunteer v where v.session_id = any(me.sessions))',
  default: 'x.volunteer_id in (select v.id from volunteer v where v.department_id = any(me.deps))',
};

export const TYPES: Record<string, TypeRule> = {
  Region: { table: 'region', roles: ALL_ROLES, where: { default: 'true' } },
  Department: { table: 'department', roles: ALL_ROLES, where: { default: 'true' } },
  Cohort: { table: 'cohort', roles: ALL_ROLES, where: { default: 'true' } },
  CohesionCenter: {
    table: 'cohesion_center',
    roles: ALL_ROLES,
    where: { HEAD_CENTER: 'x.id in (select s.center_id from session s where s.id = any(me.sessions))', default: DEPARTMENT },
  },
  Session: {
    table: 'session',
    roles: ALL_ROLES,
    where: { HEAD_CENTER: 'x.id = any(me.sessions)', default: 'x.center_id in (select c.id from cohesion_center c where c.department_id = any(me.deps))' },
  },
  MeetingPoint: { table: 'meeting_point', roles: ALL_ROLES, where: { HEAD_CENTER: 'false', default: DEPARTMENT } },
  TransportLine: {
    table: 'transport_line',
    roles: ALL_ROLES,
    where: {
      HEAD_CENTER: 'x.session_id = any(me.sessions)',
      default: 'x.session_id in (select s.id from session s join cohesion_center c on c.id = s.center_id where c.department_id = any(me.deps))',
    },
  },
  AssignmentSimulation: { table: 'assignment_simulation', roles: ['ADMIN', 'REFERENT_REGION'], where: { REFERENT_REGION: 'x.region_id = me.region', default: 'false' } },
  /** Read only through its line (`TransportLine.stops`). */
  TransportLineStop: {
    table: 'transport_line_stop',
    roles: ALL_ROLES,
    nestedOnly: true,
    where: {
      HEAD_CENTER: 'x.line_id in (select l.id from transport_line l where l.session_id = any(me.sessions))',
      default: 'x.line_id in (select l.id from transport_line l join session s on s.id = l.session_id join cohesion_center c on c.id = s.center_id where c.department_id = any(me.deps))',
    },
  },
  Volunteer: {
    table: 'volunteer',
    roles: STAFF,
    where: { HEAD_CENTER: 'x.session_id = any(me.sessions)', default: DEPARTMENT },
    // A volunteer placed in a centre outside the account's departments: its session stays readable.
    prefer: 'x.session_id in (select s.id from session s join cohesion_center c on c.id = s.center_id where not (c.department_id = any(me.deps)))',
    one: {
      select: 'id session { id center { id } }',
      expected: `select json_build_object('id', x.id, 'session', case when s.id is null then null else json_build_object('id', s.id, 'center', json_build_object('id', s.center_id)) end) as value
                 from volunteer x left join session s on s.id = x.session_id where x.id = $1`,
    },
  },
  InscriptionGoal: {
    table: 'inscription_goal',
    roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'VISITOR'],
    where: { REFERENT_DEPARTMENT: DEPARTMENT, HEAD_CENTER: 'false', default: 'x.department_id = any(me.deps) or x.region_id = me.region' },
  },
  CorrectionRequest: { table: 'correction_request', roles: STAFF, where: VIA_VOLUNTEER },
  Note: { table: 'note', roles: STAFF, where: VIA_VOLUNTEER },
  EmailMessage: { table: 'email_message', roles: STAFF, where: VIA_VOLUNTEER },
  User: {
    table: 'staff_user',
    roles: ALL_ROLES,
    where: {
      REFERENT_REGION: 'x.id = me.uid or x.region_id = me.region or x.department_ids && me.deps',
      REFERENT_DEPARTMENT: 'x.id = me.uid or x.department_ids && me.deps',
      default: 'x.id = me.uid',
    },
  },
  AuditEvent: { table: 'audit_event', roles: REVIEWERS, where: { default: DEPARTMENT } },
};

/** The types with their own queries (`T(id)`, `allTs`, `_allTsMeta`). */
export const QUERIED_TYPES = Object.keys(TYPES).filter((type) => !TYPES[type].nestedOnly);

/** What the oracle needs of an account. */
export interface Territory {
  email: string;
  id: string;
  role: Role;
  regionId: string | null;
  /** Departments of its territory: its region's (REFERENT_REGION, VISITOR) or its own (REFERENT_DEPARTMENT). */
  deps: string[];
  /** Sessions it heads. */
  sessions: string[];
}

/** An account's territory, from its staff_user row. */
export async function territoryOf(sql: Sql, email: string): Promise<Territory> {
  const [row] = await sql<{ id: string; role: Role; region_id: string | null; deps: string[]; sessions: string[] }>(
    `select u.id, u.role, u.region_id,
       case when u.role in ('REFERENT_REGION', 'VISITOR') then array(select d.id from department d where d.region_id = u.region_id)
            when u.role = 'REFERENT_DEPARTMENT' then u.department_ids
            else '{}'::uuid[] end as deps,
       array(select s.id from session s where s.head_center_id = u.id order by s.id) as sessions
     from staff_user u where u.email = $1`,
    [email],
  );
  if (!row) throw new Error(`no staff account ${email}`);
  return { email, id: row.id, role: row.role, regionId: row.region_id, deps: row.deps, sessions: row.sessions };
}

/** Prefix of every oracle query: the account as `me`, from `meParams(account)` as $1…$4. */
export const ME = 'with me as (select $1::uuid[] as deps, $2::uuid[] as sessions, $3::uuid as uid, $4::uuid as region)';

export function meParams(t: Territory): unknown[] {
  return [t.deps, t.sessions, t.id, t.regionId];
}

/** The account's condition on a row `x` of `type` (never null), whether or not its role may use the type's queries. */
export function condition(type: string, t: Territory): string {
  if (t.role === 'ADMIN') return 'true';
  const rule = TYPES[type];
  if (!rule) throw new Error(`no scope rule for ${type} in tests/setup/scope-oracle.ts`);
  return `coalesce((${rule.where[t.role] ?? rule.where.default}), false)`;
}

export interface NewAccount {
  role: Role;
  regionCode: string | null;
  departmentCodes: string[];
}

/** An ACTIVE staff account created by SQL, signing in with the demo password (its hash is copied). */
export async function createStaffAccount(sql: Sql, email: string, account: NewAccount): Promise<void> {
  await sql(
    `insert into staff_user (id, email, first_name, last_name, role, region_id, department_ids, status, password_hash)
     select gen_random_uuid(), $1, 'Compte', 'De test', $2::role, (select id from region where code = $3),
            array(select id from department where code = any($4::text[])), 'ACTIVE', password_hash
     from staff_user where email = 'admin@demo.snu.test'`,
    [email, account.role, account.regionCode, account.departmentCodes],
  );
}

/** A READY assignment simulation in each demo region (none is seeded), so that reads of the type are not vacuous. */
export async function createDemoSimulations(sql: Sql): Promise<void> {
  await sql(
    `insert into assignment_simulation (id, cohort_id, region_id, department_ids, created_by_id, status, progress, report)
     select gen_random_uuid(), (select id from cohort where status = 'PUBLISHED' order by start_date limit 1), r.id, '{}', u.id, 'READY', 100,
            '{"assignments": [], "sessions": [], "unplaced": [], "centers": []}'::jsonb
     from region r cross join staff_user u where r.code in ('11', '84') and u.email = 'admin@demo.snu.test'`,
  );
}
