import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * CSV and XLSX exports of volunteers, centres, sessions and audit events through HTTP: the same rows
 * as the list for the same filter, sort and scope, each export in the audit trail, refusals in
 * French, memory that does not grow with the number of rows.
 */
describe('exports: CSV and XLSX of the lists', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let dept75: GraphQLClient;
  let visitor: GraphQLClient;

  async function download(client: GraphQLClient, file: string, params: Record<string, string> = {}) {
    const response = await fetch(`${app.url}/exports/${file}?${new URLSearchParams(params)}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  /** The rows of a file (header first), whatever its format. */
  async function rowsOf(file: string, bytes: Buffer): Promise<string[][]> {
    if (file.endsWith('.csv')) return parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  }

  beforeAll(async () => {
    app = await startTestApp();
    [admin, dept75, visitor] = await Promise.all(['admin@demo.snu.test', 'dept-75@demo.snu.test', 'visitor-11@demo.snu.test'].map((e) => loggedIn(app.url, e)));
  });
  afterAll(async () => app?.close());

  const LISTS: Array<{ file: string; list: string; filterType: string; filter: Record<string, unknown>; sortField: string; idColumn: number }> = [
    { file: 'volunteers', list: 'allVolunteers', filterType: 'VolunteerFilter', filter: { status: 'WAITING_VALIDATION' }, sortField: 'lastName', idColumn: 0 },
    { file: 'cohesion-centers', list: 'allCohesionCenters', filterType: 'CohesionCenterFilter', filter: {}, sortField: 'name', idColumn: 0 },
    { file: 'sessions', list: 'allSessions', filterType: 'SessionFilter', filter: { hasPlacesLeft: true }, sortField: 'placesLeft', idColumn: 0 },
    { file: 'audit-events', list: 'allAuditEvents', filterType: 'AuditEventFilter', filter: { recordType: 'Volunteer' }, sortField: 'createdAt', idColumn: -1 },
  ];

  for (const format of ['csv', 'xlsx'] as const) {
    for (const { file, list, filterType, filter, sortField, idColumn } of LISTS) {
      it(`${file}.${format}: the list’s rows in its order, for an admin and for the Paris referent, each export audited`, async () => {
        for (const client of [admin, dept75]) {
          const { response, bytes } = await download(client, `${file}.${format}`, { filter: JSON.stringify(filter), sortField, sortOrder: 'DESC' });
          expect(response.status, await Promise.resolve(bytes.toString('utf8').slice(0, 300))).toBe(200);
          expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="[a-z]+-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
          const [header, ...rows] = await rowsOf(`x.${format}`, bytes);
          const fields = idColumn === -1 ? 'recordId seq' : 'id';
          const answer = await client.ok<Record<string, Array<{ id: string; recordId?: string; seq?: string }>>>(
            `query($f: ${filterType}) { l: ${list}(filter: $f, perPage: 1000, sortField: "${sortField}", sortOrder: "DESC") { id ${fields} } }`,
            { f: filter },
          );
          const expected = answer.l!;
          expect(rows.length, file).toBe(expected.length);
          if (idColumn === -1) expect(rows.map((r) => r[0]), file).toEqual(expected.map((e) => e.seq));
          else expect(rows.map((r) => r[idColumn]), file).toEqual(expected.map((e) => e.id));
          expect(header![0]).toMatch(/^(Identifiant|Rang)$/);
          const [event] = await app.sql<{ changes: { resource: { new: string }; format: { new: string }; rows: { new: number }; filter: { new: unknown } } }>(
            `select e.changes from audit_event e join staff_user u on u.id = e.actor_id where e.action = 'EXPORT' and u.email = $1 order by e.seq desc limit 1`,
            [client === admin ? 'admin@demo.snu.test' : 'dept-75@demo.snu.test'],
          );
          expect(event!.changes.resource.new).toBe(file);
          expect(event!.changes.format.new).toBe(format);
          expect(event!.changes.rows.new).toBe(rows.length);
          expect(event!.changes.filter.new).toEqual(filter);
        }
      });
    }
  }

  it('refuses in French with the API’s codes, writing no event: an unknown filter field, an unknown list, a visitor’s volunteers', async () => {
    const [{ n: before }] = await app.sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    const cases: Array<[GraphQLClient, string, Record<string, string>, number, string, RegExp]> = [
      [admin, 'sessions.xlsx', { filter: JSON.stringify({ colour: 'bleu' }) }, 400, 'BAD_USER_INPUT', /Filtre invalide/],
      [admin, 'audit-events.csv', { sortField: 'hash' }, 400, 'BAD_USER_INPUT', /Tri impossible sur « hash »/],
      [admin, 'staff.xlsx', {}, 404, 'NOT_FOUND', /introuvable/],
      [admin, 'volunteers.pdf', {}, 404, 'NOT_FOUND', /introuvable/],
      [visitor, 'volunteers.xlsx', {}, 403, 'FORBIDDEN', /Votre rôle ne permet pas/],
      [visitor, 'audit-events.csv', {}, 403, 'FORBIDDEN', /Votre rôle ne permet pas/],
    ];
    for (const [client, file, params, status, code, message] of cases) {
      const { response, bytes } = await download(client, file, params);
      const body = JSON.parse(bytes.toString('utf8')) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(response.status, file).toBe(status);
      expect(body.errors[0]!.extensions.code, file).toBe(code);
      expect(body.errors[0]!.message, file).toMatch(message);
    }
    expect(await app.sql(`select count(*)::int as n from audit_event where action = 'EXPORT'`)).toEqual([{ n: before }]);
  });

  it('a 200,000-row XLSX export: memory growth does not scale with the rows', async () => {
    // Growth while exporting, sampled: the process's resident memory above its level just before.
    async function growthMb(): Promise<{ rows: number; mb: number }> {
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      let file: Awaited<ReturnType<typeof download>>;
      try {
        file = await download(admin, 'audit-events.xlsx', { filter: JSON.stringify({ action: 'BULK_EXPORT_PROBE' }) });
      } finally {
        clearInterval(timer);
      }
      expect(file.response.status).toBe(200);
      return { rows: (await rowsOf('x.xlsx', file.bytes)).length - 1, mb: (peak - base) / 2 ** 20 };
    }
    const add = (n: number) =>
      app.sql(
        `insert into audit_event (id, action, record_type, record_id, changes, created_at)
         select gen_random_uuid(), 'BULK_EXPORT_PROBE', 'Volunteer', gen_random_uuid(), jsonb_build_object('status', jsonb_build_object('old', 'WAITING_VALIDATION', 'new', 'VALIDATED')), now() from generate_series(1, $1::int)`,
        [n],
      );
    await add(20_000);
    const small = await growthMb();
    await add(180_000);
    const large = await growthMb();
    expect(small.rows).toBe(20_000);
    expect(large.rows).toBe(200_000);
    // Ten times the rows: well under twice the growth (plus some slack for the allocator).
    expect(large.mb, JSON.stringify({ small, large })).toBeLessThan(2 * small.mb + 64);
  }, 240_000);
});
