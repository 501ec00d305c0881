import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** The dashboards' grouped counts agree with the list's own counts, for any filter. */
describe('volunteerCounts', () => {
  let app: TestApp;
  let region: GraphQLClient;
  let cohortId: string;
  let regionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    region = await loggedIn(app.url, 'region-11@demo.snu.test');
    [{ id: cohortId }] = await app.sql<{ id: string }>('select cohort_id as id from volunteer group by cohort_id order by count(*) desc limit 1');
    [{ id: regionId }] = await app.sql<{ id: string }>(`select id from region where code = '11'`);
  });
  afterAll(async () => app?.close());

  it('per status, equals one _allVolunteersMeta count per status (zero groups absent)', async () => {
    const filter = { cohortId, regionId };
    const { volunteerCounts } = await region.ok<{ volunteerCounts: { status: string; count: number }[] }>(
      'query($f: VolunteerFilter) { volunteerCounts(groupBy: [STATUS], filter: $f) { status count } }',
      { f: filter },
    );
    expect(volunteerCounts.length).toBeGreaterThan(3);
    for (const { status, count } of volunteerCounts) {
      const { m } = await region.ok<{ m: { count: number } }>('query($f: VolunteerFilter) { m: _allVolunteersMeta(filter: $f) { count } }', { f: { ...filter, status } });
      expect(count, status).toBe(m.count);
      expect(count).toBeGreaterThan(0);
    }
    const { total } = await region.ok<{ total: { count: number } }>('query($f: VolunteerFilter) { total: _allVolunteersMeta(filter: $f) { count } }', { f: filter });
    expect(volunteerCounts.reduce((sum, c) => sum + c.count, 0)).toBe(total.count);
  });

  it('honours the list filters (here: waiting more than 7 days) and groups by cohort', async () => {
    const { a, b } = await region.ok<{ a: { cohortId: string; count: number }[]; b: { count: number } }>(
      `{ a: volunteerCounts(groupBy: [COHORT], filter: { status: WAITING_VALIDATION, waitingForMoreThanDays: 7 }) { cohortId count }
         b: _allVolunteersMeta(filter: { status: WAITING_VALIDATION, waitingForMoreThanDays: 7 }) { count } }`,
    );
    expect(a.reduce((sum, c) => sum + c.count, 0)).toBe(b.count);
    expect(new Set(a.map((c) => c.cohortId)).size).toBe(a.length);
  });

  it('« waiting more than N days » without a status means waiting for validation; a negative N is refused by its name', async () => {
    const query = 'query($f: VolunteerFilter) { m: _allVolunteersMeta(filter: $f) { count } }';
    const alone = await region.ok<{ m: { count: number } }>(query, { f: { waitingForMoreThanDays: 3 } });
    const waiting = await region.ok<{ m: { count: number } }>(query, { f: { waitingForMoreThanDays: 3, status: 'WAITING_VALIDATION' } });
    const validated = await region.ok<{ m: { count: number } }>(query, { f: { waitingForMoreThanDays: 3, status: 'VALIDATED' } });
    expect(alone.m.count).toBe(waiting.m.count);
    // Validated files exist that long ago: they are not counted as waiting.
    expect(validated.m.count).toBeGreaterThan(0);
    const negative = await region.request(query, { f: { waitingForMoreThanDays: -1 } });
    expect(errorCode(negative)).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0].message).toMatch(/^« En attente depuis plus de N jours »/);
  });

  it('refuses an empty grouping and a malformed id with BAD_USER_INPUT', async () => {
    expect(errorCode(await region.request('{ volunteerCounts(groupBy: []) { count } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await region.request('{ volunteerCounts(groupBy: [STATUS], filter: { departmentId: "nope" }) { count } }'))).toBe('BAD_USER_INPUT');
  });

  it('answers a visitor with its region’s counts, and refuses the filters that single a person out', async () => {
    const visitor = await loggedIn(app.url, 'visitor-11@demo.snu.test');
    const query = 'query($f: VolunteerFilter) { volunteerCounts(groupBy: [DEPARTMENT], filter: $f) { departmentId count } }';
    const { volunteerCounts } = await visitor.ok<{ volunteerCounts: { departmentId: string; count: number }[] }>(query, { f: { cohortId } });
    const expected = await app.sql<{ departmentId: string; count: number }>(
      `select v.department_id as "departmentId", count(*)::int as count from volunteer v join department d on d.id = v.department_id
       where d.region_id = $1 and v.cohort_id = $2 group by v.department_id order by v.department_id`,
      [regionId, cohortId],
    );
    expect(volunteerCounts).toEqual(expected);
    const [{ last_name: name }] = await app.sql<{ last_name: string }>(`select v.last_name from volunteer v join department d on d.id = v.department_id where d.region_id = $1 limit 1`, [regionId]);
    const [{ id }] = await app.sql<{ id: string }>('select id from volunteer limit 1');
    for (const f of [{ q: name }, { ids: [id] }, { hasPendingCorrections: true }]) {
      const refused = await visitor.request(query, { f });
      expect(errorCode(refused), JSON.stringify(f)).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    // Still no personal record.
    expect(errorCode(await visitor.request('{ allVolunteers(perPage: 1) { id } }'))).toBe('FORBIDDEN');
  });
});
