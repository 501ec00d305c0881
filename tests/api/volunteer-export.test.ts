import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Downloads the CSV export with a signed-in client's cookie. */
async function download(app: TestApp, client: GraphQLClient | null, params: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/exports/volunteers.csv?${new URLSearchParams(params)}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, body: new TextDecoder().decode(bytes) };
}

const rowsOf = (body: string): string[][] => parse(body, { delimiter: ';', bom: true }) as string[][];

describe('CSV export of the volunteer list', () => {
  let app: TestApp;
  let dept75: GraphQLClient;
  beforeAll(async () => {
    app = await startTestApp();
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
  });
  afterAll(async () => app?.close());

  it('has the list’s rows, in the list’s order, with French headers and labels, opened by a French spreadsheet', async () => {
    const filter = { status: 'WAITING_VALIDATION' };
    const { response, body, bytes } = await download(app, dept75, { filter: JSON.stringify(filter), sortField: 'lastName', sortOrder: 'ASC' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="volontaires-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const [header, ...rows] = rowsOf(body);
    expect(header.slice(0, 3)).toEqual(['Identifiant', 'Nom', 'Prénom']);
    expect(header).toContain('Statut');
    const { allVolunteers, _allVolunteersMeta } = await dept75.ok<{ allVolunteers: { id: string }[]; _allVolunteersMeta: { count: number } }>(
      `query($f: VolunteerFilter) { allVolunteers(filter: $f, perPage: 1000, sortField: "lastName", sortOrder: "ASC") { id } _allVolunteersMeta(filter: $f) { count } }`,
      { f: filter },
    );
    expect(rows.length).toBe(_allVolunteersMeta.count);
    expect(rows.map((r) => r[0])).toEqual(allVolunteers.map((v) => v.id));
    const status = header.indexOf('Statut');
    expect(new Set(rows.map((r) => r[status]))).toEqual(new Set(['En attente de validation']));
  });

  it('stays in scope: only the referent’s department, and nothing for a department outside it', async () => {
    const { body } = await download(app, dept75);
    const ids = rowsOf(body).slice(1).map((r) => r[0]);
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75'`);
    expect(ids.length).toBe(n);
    const outside = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code <> '75' and v.id = any($1::uuid[])`,
      [ids],
    );
    expect(outside[0].n).toBe(0);
    const [{ id: dept92 }] = await app.sql<{ id: string }>(`select id from department where code = '92'`);
    const other = await download(app, dept75, { filter: JSON.stringify({ departmentId: dept92 }) });
    expect(rowsOf(other.body)).toHaveLength(1); // the header only
  });

  it('refuses with the API’s codes and French messages: not signed in, a visitor, a bad filter or sort', async () => {
    const cases: Array<[GraphQLClient | null, Record<string, string>, number, string, RegExp]> = [
      [null, {}, 401, 'UNAUTHENTICATED', /connecté/],
      [await loggedIn(app.url, 'visitor-11@demo.snu.test'), {}, 403, 'FORBIDDEN', /rôle/],
      [dept75, { filter: '{nope' }, 400, 'BAD_USER_INPUT', /JSON/],
      [dept75, { filter: JSON.stringify({ status: 'NOPE' }) }, 400, 'BAD_USER_INPUT', /n’existe pas/],
      [dept75, { filter: JSON.stringify({ departmentId: 'abc' }) }, 400, 'BAD_USER_INPUT', /departmentId/],
      [dept75, { sortField: 'password' }, 400, 'BAD_USER_INPUT', /Tri impossible/],
    ];
    for (const [client, params, status, code, message] of cases) {
      const { response, body } = await download(app, client, params);
      expect(response.status, JSON.stringify(params)).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const json = JSON.parse(body) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors[0].extensions.code).toBe(code);
      expect(json.errors[0].message).toMatch(message);
    }
  });
});
