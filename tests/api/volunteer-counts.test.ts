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

  it('refuses an empty grouping and a malformed id with BAD_USER_INPUT', async () => {
    expect(errorCode(await region.request('{ volunteerCounts(groupBy: []) { count } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await region.request('{ volunteerCounts(groupBy: [STATUS], filter: { departmentId: "nope" }) { count } }'))).toBe('BAD_USER_INPUT');
  });
});
