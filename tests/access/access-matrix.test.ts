import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import pluralize from 'pluralize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The access matrix: every demo role × every type × {list, count, one, ids filter}.
 * Expected visibility is computed here in plain SQL from the user's territory, independently
 * of the ORM's scope filter, so a leak (or an over-restriction) in the filter fails a cell.
 */

type Who = { email: string; id: string; role: string; regionId: string | null; departmentIds: string[]; sessionIds: string[] };
type Expectation = { forbidden: true } | { sql: string; params: (who: Who) => unknown[] };

const ALL: Expectation = { sql: 'select id from %TABLE%', params: () => [] };
const FORBIDDEN: Expectation = { forbidden: true };
const byDepartment = (column: string): Expectation => ({ sql: `select id from %TABLE% where ${column} = any($1::uuid[])`, params: (w) => [w.departmentIds] });
const NONE: Expectation = { sql: 'select id from %TABLE% where false', params: () => [] };

const TYPES: Record<string, string> = {
  Region: 'region',
  Department: 'department',
  Cohort: 'cohort',
  CohesionCenter: 'cohesion_center',
  Session: 'session',
  MeetingPoint: 'meeting_point',
  Volunteer: 'volunteer',
  InscriptionGoal: 'inscription_goal',
  CorrectionRequest: 'correction_request',
  Note: 'note',
  User: 'staff_user',
  AuditEvent: 'audit_event',
  EmailMessage: 'email_message',
};

function expectation(type: string, who: Who): Expectation {
  if (['Region', 'Department', 'Cohort'].includes(type)) return ALL;
  if (who.role === 'ADMIN') return ALL;
  const territorial = who.role === 'REFERENT_REGION' || who.role === 'REFERENT_DEPARTMENT';
  const head = who.role === 'HEAD_CENTER';
  const visitor = who.role === 'VISITOR';
  switch (type) {
    case 'Volunteer':
      if (visitor) return FORBIDDEN;
      if (head) return { sql: 'select id from volunteer where session_id = any($1::uuid[])', params: (w) => [w.sessionIds] };
      return byDepartment('department_id');
    case 'CohesionCenter':
      if (head) return { sql: 'select center_id as id from session where id = any($1::uuid[])', params: (w) => [w.sessionIds] };
      return byDepartment('department_id');
    case 'Session':
      if (head) return { sql: 'select id from session where id = any($1::uuid[])', params: (w) => [w.sessionIds] };
      return { sql: 'select s.id from session s join cohesion_center c on c.id = s.center_id where c.department_id = any($1::uuid[])', params: (w) => [w.departmentIds] };
    case 'MeetingPoint':
      return head ? NONE : byDepartment('department_id');
    case 'InscriptionGoal':
      if (head) return FORBIDDEN;
      if (who.role === 'REFERENT_DEPARTMENT') return byDepartment('department_id');
      return { sql: 'select id from inscription_goal where department_id = any($1::uuid[]) or region_id = $2', params: (w) => [w.departmentIds, w.regionId] };
    case 'CorrectionRequest':
    case 'EmailMessage':
    case 'Note': {
      const table = TYPES[type];
      if (visitor) return FORBIDDEN;
      if (head) return { sql: `select x.id from ${table} x join volunteer v on v.id = x.volunteer_id where v.session_id = any($1::uuid[])`, params: (w) => [w.sessionIds] };
      return { sql: `select x.id from ${table} x join volunteer v on v.id = x.volunteer_id where v.department_id = any($1::uuid[])`, params: (w) => [w.departmentIds] };
    }
    case 'User':
      if (who.role === 'REFERENT_REGION') {
        return { sql: 'select id from staff_user where id = $1 or region_id = $2 or department_ids && $3::uuid[]', params: (w) => [w.id, w.regionId, w.departmentIds] };
      }
      if (who.role === 'REFERENT_DEPARTMENT') {
        return { sql: 'select id from staff_user where id = $1 or department_ids && $2::uuid[]', params: (w) => [w.id, w.departmentIds] };
      }
      return { sql: 'select id from staff_user where id = $1', params: (w) => [w.id] };
    case 'AuditEvent':
      return territorial ? byDepartment('department_id') : FORBIDDEN;
  }
  throw new Error(`no expectation for ${type}`);
}

const ACCOUNTS = [
  'admin@demo.snu.test',
  'region-11@demo.snu.test',
  'region-84@demo.snu.test',
  'dept-75@demo.snu.test',
  'dept-92@demo.snu.test',
  'dept-69@demo.snu.test',
  'visitor-11@demo.snu.test',
  'head-center@demo.snu.test',
];

describe('access matrix: role × type × operation', () => {
  let app: TestApp;
  const clients = new Map<string, GraphQLClient>();
  const people = new Map<string, Who>();

  beforeAll(async () => {
    app = await startTestApp();
    for (const email of ACCOUNTS) {
      clients.set(email, await loggedIn(app.url, email));
      const [row] = await app.sql<{ id: string; role: string; region_id: string | null; department_ids: string[] }>(
        'select id, role, region_id, department_ids from staff_user where email = $1',
        [email],
      );
      const departmentIds = row.region_id
        ? (await app.sql<{ id: string }>('select id from department where region_id = $1', [row.region_id])).map((d) => d.id)
        : row.department_ids;
      const sessionIds = (await app.sql<{ id: string }>('select id from session where head_center_id = $1', [row.id])).map((s) => s.id);
      people.set(email, { email, id: row.id, role: row.role, regionId: row.region_id, departmentIds, sessionIds });
    }
  });
  afterAll(async () => app?.close());

  for (const email of ACCOUNTS) {
    for (const type of Object.keys(TYPES)) {
      it(`${email} · ${type}`, async () => {
        const who = people.get(email)!;
        const client = clients.get(email)!;
        const plural = pluralize(type);
        const rule = expectation(type, who);
        const listQuery = `query($filter: ${type}Filter) { items: all${plural}(perPage: 1000, filter: $filter) { id } total: _all${plural}Meta(filter: $filter) { count } }`;
        const oneQuery = `query($id: ID!) { item: ${type}(id: $id) { id } }`;
        const anyRow = (await app.sql<{ id: string }>(`select id from ${TYPES[type]} limit 1`))[0];

        if ('forbidden' in rule) {
          const list = await client.request(listQuery);
          expect(errorCode(list)).toBe('FORBIDDEN');
          expect(list.data).toBeNull();
          expect(errorCode(await client.request(oneQuery, { id: anyRow.id }))).toBe('FORBIDDEN');
          return;
        }

        const expected = new Set((await app.sql<{ id: string }>(rule.sql.replace('%TABLE%', TYPES[type]), rule.params(who))).map((r) => r.id));
        const all = (await app.sql<{ id: string }>(`select id from ${TYPES[type]}`)).map((r) => r.id);
        const outside = all.filter((id) => !expected.has(id));

        // list and count
        const list = await client.ok<{ items: { id: string }[]; total: { count: number } }>(listQuery);
        expect(list.total.count).toBe(expected.size);
        expect(list.items.length).toBe(Math.min(expected.size, 1000));
        const leaked = list.items.filter((item) => !expected.has(item.id));
        expect(leaked).toEqual([]);

        // one: in scope → the record; out of scope → exactly like a random id
        if (expected.size > 0) {
          const inside = [...expected][0];
          expect((await client.ok<{ item: { id: string } | null }>(oneQuery, { id: inside })).item?.id).toBe(inside);
        }
        const random = await client.request<{ item: unknown }>(oneQuery, { id: randomUUID() });
        expect(random.errors).toBeUndefined();
        expect(random.data?.item).toBeNull();
        if (outside.length > 0) {
          const hidden = await client.request<{ item: unknown }>(oneQuery, { id: outside[0] });
          expect(hidden).toEqual(random);

          // naming out-of-scope ids in a filter finds nothing and counts nothing
          const byIds = await client.ok<{ items: { id: string }[]; total: { count: number } }>(listQuery, { filter: { ids: outside.slice(0, 50) } });
          expect(byIds).toEqual({ items: [], total: { count: 0 } });
        }
      });
    }
  }

  // Grouped counts (dashboards) follow the same scope as the list: per account, the groups equal
  // a plain-SQL count over the volunteers the account may see.
  for (const email of ACCOUNTS) {
    it(`${email} · volunteerCounts`, async () => {
      const who = people.get(email)!;
      const client = clients.get(email)!;
      // Visitors count the volunteers of their region (they may read none of them).
      const rule = who.role === 'VISITOR' ? byDepartment('department_id') : expectation('Volunteer', who);
      const query = `query($filter: VolunteerFilter) { volunteerCounts(groupBy: [DEPARTMENT, STATUS], filter: $filter) { departmentId status cohortId count } }`;
      if ('forbidden' in rule) throw new Error('every role may count');
      const visible = (await app.sql<{ id: string }>(rule.sql.replace('%TABLE%', 'volunteer'), rule.params(who))).map((r) => r.id);
      const expected = await app.sql<{ departmentId: string; status: string; count: number }>(
        `select department_id as "departmentId", status::text as status, count(*)::int as count from volunteer
         where id = any($1::uuid[]) group by department_id, status order by department_id, status`,
        [visible],
      );
      const { volunteerCounts } = await client.ok<{ volunteerCounts: { departmentId: string; status: string; cohortId: null; count: number }[] }>(query);
      const sortKey = (c: { departmentId: string; status: string }) => `${c.departmentId}/${c.status}`;
      expect(volunteerCounts.map((c) => ({ departmentId: c.departmentId, status: c.status, count: c.count })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))))
        .toEqual([...expected].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      expect(volunteerCounts.every((c) => c.cohortId === null)).toBe(true);
      // Asking for a department outside the scope counts nothing.
      const [outside] = await app.sql<{ id: string }>('select id from department where id <> all($1::uuid[]) limit 1', [who.departmentIds]);
      if (who.role !== 'ADMIN' && outside) {
        expect((await client.ok<{ volunteerCounts: unknown[] }>(query, { filter: { departmentId: outside.id } })).volunteerCounts).toEqual([]);
      }
    });
  }

  // The CSV export follows the same scope: exactly the volunteers the account may list.
  for (const email of ACCOUNTS) {
    it(`${email} · Volunteer export`, async () => {
      const who = people.get(email)!;
      const client = clients.get(email)!;
      const rule = expectation('Volunteer', who);
      const response = await fetch(`${app.url}/exports/volunteers.csv`, { headers: { cookie: client.cookie ?? '' } });
      if ('forbidden' in rule) {
        expect(response.status).toBe(403);
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
        return;
      }
      expect(response.status).toBe(200);
      const exported = (parse(await response.text(), { delimiter: ';', bom: true }) as string[][]).slice(1).map((row) => row[0]);
      const expected = (await app.sql<{ id: string }>(rule.sql.replace('%TABLE%', 'volunteer'), rule.params(who))).map((r) => r.id);
      expect(exported.length).toBe(expected.length);
      expect(new Set(exported)).toEqual(new Set(expected));
    });
  }

  it('the matrix is not vacuous: each territorial role sees some and misses some volunteers', async () => {
    for (const email of ['region-11@demo.snu.test', 'dept-75@demo.snu.test', 'dept-92@demo.snu.test', 'head-center@demo.snu.test']) {
      const count = (await clients.get(email)!.ok<{ total: { count: number } }>('{ total: _allVolunteersMeta { count } }')).total.count;
      const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from volunteer');
      expect(count, email).toBeGreaterThan(0);
      expect(count, email).toBeLessThan(n);
    }
  });
});
