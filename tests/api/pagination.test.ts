import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Deep pages are read differently from the first one (ids first, then rows): whatever the sort,
 * consecutive pages must be exactly the consecutive slices of the whole ordering.
 */
describe('pagination', () => {
  let app: TestApp;
  let region: GraphQLClient;
  beforeAll(async () => {
    app = await startTestApp();
    region = await loggedIn(app.url, 'region-11@demo.snu.test');
  });
  afterAll(async () => app?.close());

  const query = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: VolunteerFilter) {
    allVolunteers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { id }
  }`;

  for (const [sortField, sortOrder] of [['createdAt', 'DESC'], ['lastName', 'ASC'], ['department', 'ASC'], ['cohort', 'DESC'], ['status', 'ASC']]) {
    it(`pages of 7 sorted by ${sortField} ${sortOrder} are slices of one page of 35`, async () => {
      const variables = { sortField, sortOrder, filter: { status_in: ['WAITING_VALIDATION', 'VALIDATED'] } };
      const whole = (await region.ok<{ allVolunteers: { id: string }[] }>(query, { ...variables, page: 0, perPage: 35 })).allVolunteers.map((v) => v.id);
      expect(whole).toHaveLength(35);
      const pages: string[] = [];
      for (let page = 0; page < 5; page += 1) {
        pages.push(...(await region.ok<{ allVolunteers: { id: string }[] }>(query, { ...variables, page, perPage: 7 })).allVolunteers.map((v) => v.id));
      }
      expect(pages).toEqual(whole);
    });
  }

  it('a page past the end is empty, and a deep page keeps the scope', async () => {
    const [{ n }] = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id join region r on r.id = d.region_id where r.code = '11'`,
    );
    const last = await region.ok<{ allVolunteers: { id: string }[] }>(query, { page: Math.floor(n / 10), perPage: 10 });
    expect(last.allVolunteers).toHaveLength(n % 10);
    const outsideIds = new Set(
      (await app.sql<{ id: string }>(`select v.id from volunteer v join department d on d.id = v.department_id join region r on r.id = d.region_id where r.code <> '11'`)).map((r) => r.id),
    );
    expect(last.allVolunteers.filter((v) => outsideIds.has(v.id))).toEqual([]);
    expect((await region.ok<{ allVolunteers: unknown[] }>(query, { page: Math.floor(n / 10) + 1, perPage: 10 })).allVolunteers).toEqual([]);
  });
});
