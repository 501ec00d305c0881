import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const PAGE_QUERY = `query($page: Int, $perPage: Int, $filter: VolunteerFilter) {
  allVolunteers(page: $page, perPage: $perPage, sortField: "createdAt", sortOrder: "DESC", filter: $filter) {
    id firstName lastName status
    department { id code name region { id code name } }
    cohort { id name }
    session { id center { id name } }
  }
  _allVolunteersMeta(filter: $filter) { count }
}`;

describe('read API', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let dept75: GraphQLClient;
  const statements: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loggedIn(app.url, 'admin@demo.snu.test');
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    app.orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
  });
  afterAll(async () => app?.close());

  async function countStatements(run: () => Promise<unknown>): Promise<number> {
    statements.length = 0;
    await run();
    return statements.length;
  }

  it('loads a 50-row page with its nested relations in a few statements that do not grow with the page size', async () => {
    await admin.ok(PAGE_QUERY, { perPage: 5 }); // loads the process-wide reference tables once
    // Placed volunteers, so that every page has sessions and centres to load.
    const filter = { phase1Status: 'ASSIGNED' };
    const at10 = await countStatements(() => admin.ok(PAGE_QUERY, { perPage: 10, filter }));
    const at50 = await countStatements(() => admin.ok(PAGE_QUERY, { perPage: 50, filter }));
    const at200 = await countStatements(() => admin.ok(PAGE_QUERY, { perPage: 200, filter }));
    // session lookup + list + count + one batch per loaded relation (cohort, session, centre);
    // departments and regions come from the reference tables.
    expect(at50).toBeLessThanOrEqual(6);
    expect(at10).toBe(at50);
    expect(at200).toBe(at50);
  });

  it('paginates (0-based) and sorts with a stable order; totals match the filter', async () => {
    const page0 = await dept75.ok<{ allVolunteers: { id: string }[]; _allVolunteersMeta: { count: number } }>(PAGE_QUERY, { page: 0, perPage: 5 });
    const page1 = await dept75.ok<{ allVolunteers: { id: string }[] }>(PAGE_QUERY, { page: 1, perPage: 5 });
    expect(page0.allVolunteers).toHaveLength(5);
    expect(page1.allVolunteers).toHaveLength(5);
    expect(page0.allVolunteers.map((v) => v.id)).not.toContain(page1.allVolunteers[0].id);
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75'`);
    expect(page0._allVolunteersMeta.count).toBe(n);
  });

  it('filters volunteers by status, cohort, department, free text', async () => {
    const [target] = await app.sql<{ id: string; last_name: string; cohort_id: string; department_id: string; status: string }>(
      `select v.id, v.last_name, v.cohort_id, v.department_id, v.status from volunteer v join department d on d.id = v.department_id
       where d.code = '75' and v.status = 'WAITING_VALIDATION' limit 1`,
    );
    const query = `query($filter: VolunteerFilter) { allVolunteers(filter: $filter, perPage: 1000) { id status lastName cohortId departmentId } _allVolunteersMeta(filter: $filter) { count } }`;
    const filter = { status: 'WAITING_VALIDATION', cohortId: target.cohort_id, departmentId: target.department_id, q: target.last_name.toUpperCase().slice(0, 4) };
    const result = await dept75.ok<{ allVolunteers: { id: string; status: string; lastName: string; cohortId: string; departmentId: string }[]; _allVolunteersMeta: { count: number } }>(query, { filter });
    expect(result.allVolunteers.map((v) => v.id)).toContain(target.id);
    expect(result._allVolunteersMeta.count).toBe(result.allVolunteers.length);
    for (const v of result.allVolunteers) {
      expect(v.status).toBe('WAITING_VALIDATION');
      expect(v.cohortId).toBe(target.cohort_id);
      expect(v.departmentId).toBe(target.department_id);
      expect(v.lastName.toLowerCase()).toContain(filter.q.toLowerCase());
    }
    const inList = await dept75.ok<{ _allVolunteersMeta: { count: number } }>(query, { filter: { status_in: ['VALIDATED', 'REFUSED'] } });
    const [{ n }] = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75' and v.status in ('VALIDATED', 'REFUSED')`,
    );
    expect(inList._allVolunteersMeta.count).toBe(n);
  });

  it('filters volunteers that have (or not) a pending correction request, and sorts by waiting time', async () => {
    const query = `query($filter: VolunteerFilter) { allVolunteers(filter: $filter, perPage: 1000, sortField: "statusChangedAt", sortOrder: "ASC") { id statusChangedAt } _allVolunteersMeta(filter: $filter) { count } }`;
    const pending = await dept75.ok<{ allVolunteers: { id: string; statusChangedAt: string }[]; _allVolunteersMeta: { count: number } }>(query, { filter: { hasPendingCorrections: true } });
    const expected = await app.sql<{ id: string }>(
      `select distinct v.id from volunteer v join department d on d.id = v.department_id join correction_request c on c.volunteer_id = v.id
       where d.code = '75' and c.status in ('PENDING', 'SENT', 'REMINDED')`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(pending.allVolunteers.map((v) => v.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(pending._allVolunteersMeta.count).toBe(expected.length);
    const times = pending.allVolunteers.map((v) => v.statusChangedAt);
    expect([...times].sort()).toEqual(times);
    const without = await dept75.ok<{ _allVolunteersMeta: { count: number } }>(query, { filter: { hasPendingCorrections: false } });
    const all = await dept75.ok<{ _allVolunteersMeta: { count: number } }>(query, {});
    expect(without._allVolunteersMeta.count).toBe(all._allVolunteersMeta.count - expected.length);
  });

  it('exposes INSEE codes on departments and regions, and the 101 departments', async () => {
    const result = await dept75.ok<{ allDepartments: { code: string; region: { code: string } }[]; _allRegionsMeta: { count: number } }>(
      '{ allDepartments(perPage: 200) { code region { code } } _allRegionsMeta { count } }',
    );
    expect(result.allDepartments).toHaveLength(101);
    expect(result._allRegionsMeta.count).toBe(18);
    const codes = Object.fromEntries(result.allDepartments.map((d) => [d.code, d.region.code]));
    expect(codes).toMatchObject({ '75': '11', '92': '11', '69': '84', '13': '93', '2A': '94', '971': '01', '976': '06' });
  });

  it('gives allowedTransitions per role and status', async () => {
    const query = `{ allVolunteers(filter: { status: WAITING_VALIDATION }, perPage: 1) { allowedTransitions } }`;
    const { allVolunteers } = await dept75.ok<{ allVolunteers: { allowedTransitions: string[] }[] }>(query);
    expect(allVolunteers[0].allowedTransitions).toEqual(expect.arrayContaining(['VALIDATE', 'REFUSE', 'WAITING_LIST', 'REQUEST_CORRECTION']));
    const head = await loggedIn(app.url, 'head-center@demo.snu.test');
    const seen = await head.ok<{ allVolunteers: { allowedTransitions: string[] }[] }>('{ allVolunteers(perPage: 5) { allowedTransitions } }');
    expect(seen.allVolunteers.every((v) => v.allowedTransitions.length === 0)).toBe(true);
  });

  describe('bad input gets a clear French error with a contract code, never a 500', () => {
    const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
      ['unknown sort field', '{ allVolunteers(sortField: "password") { id } }', {}, /Tri impossible/],
      ['bad sort order', '{ allVolunteers(sortOrder: "SIDEWAYS") { id } }', {}, /ASC ou DESC/],
      ['perPage above the cap', '{ allVolunteers(perPage: 5000) { id } }', {}, /perPage/],
      ['negative page', '{ allVolunteers(page: -1) { id } }', {}, /page/],
      ['malformed id', '{ Volunteer(id: "1; drop table volunteer") { id } }', {}, /identifiant/i],
      ['malformed id in a filter', '{ allVolunteers(filter: { cohortId: "abc" }) { id } }', {}, /identifiant/i],
      ['unknown enum value', '{ allVolunteers(filter: { status: MAYBE }) { id } }', {}, /MAYBE/],
      ['unknown enum value in variables', 'query($f: VolunteerFilter) { allVolunteers(filter: $f) { id } }', { f: { status: 'MAYBE' } }, /MAYBE/],
      ['unknown field', '{ allVolunteers { passwordHash } }', {}, /n’existe pas/],
      ['syntax error', '{ allVolunteers { id ', {}, /mal formée/],
    ];
    for (const [label, query, variables, message] of cases) {
      it(label, async () => {
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: admin.cookie! },
          body: JSON.stringify({ query, variables }),
        });
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(body.errors[0].message).toMatch(message);
        expect(JSON.stringify(body)).not.toMatch(/stacktrace|select |node_modules|at .*\.ts:/i);
      });
    }

    it('a role without access gets FORBIDDEN, not an empty list', async () => {
      const visitor = await loggedIn(app.url, 'visitor-11@demo.snu.test');
      const result = await visitor.request('{ allVolunteers { id } }');
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toMatch(/rôle/);
    });
  });
});
