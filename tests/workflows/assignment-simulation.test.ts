import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCohortId } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const SIMULATE = 'mutation($input: AssignmentSimulationInput!) { m: simulateAssignment(input: $input) { id status progress } }';
const READ = `query($id: ID!) { s: AssignmentSimulation(id: $id) {
  id status progress candidates placed unplaced applied skipped
  proposal { placed balance meanDistance method } baseline { placed balance meanDistance method }
  sessions { sessionId placesLeftBefore placed placesLeftAfter baselinePlaced }
  unplacedVolunteers { volunteerId reason } skippedVolunteers { volunteerId code message }
} }`;
const APPLY = 'mutation($id: ID!) { m: applyAssignmentSimulation(id: $id) { id status applied skipped } }';

interface Figures { placed: number; balance: number; meanDistance: number; method: string }
interface Simulation {
  id: string;
  status: string;
  progress: number;
  candidates: number;
  placed: number;
  unplaced: number;
  applied: number;
  skipped: number;
  proposal: Figures | null;
  baseline: Figures | null;
  sessions: Array<{ sessionId: string; placesLeftBefore: number; placed: number; placesLeftAfter: number; baselinePlaced: number }>;
  unplacedVolunteers: Array<{ volunteerId: string; reason: string }>;
  skippedVolunteers: Array<{ volunteerId: string; code: string; message: string }>;
}

/** Automatic assignment end to end: the job computes a report (nothing else written), applying re-checks everything. */
describe('automatic assignment: simulate in the background, then apply', () => {
  let app: TestApp;
  let region11: GraphQLClient;
  let cohortId: string;
  let regionId: string;
  let departments: string[];

  async function until(client: GraphQLClient, id: string, done: (s: Simulation) => boolean): Promise<Simulation> {
    for (let i = 0; i < 240; i++) {
      const { s } = await client.ok<{ s: Simulation }>(READ, { id });
      if (done(s)) return s;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the simulation did not finish in time');
  }

  const placedCount = async () => (await app.sql<{ n: number }>('select count(*)::int as n from volunteer where session_id is not null'))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ jobs: {} });
    region11 = await loggedIn(app.url, 'region-11@demo.snu.test');
    cohortId = await openCohortId(app);
    [{ id: regionId }] = await app.sql<{ id: string }>(`select id from region where code = '11'`);
    departments = (await app.sql<{ id: string }>(`select id from department where code in ('75', '92') order by code`)).map((d) => d.id);
  });
  afterAll(async () => app?.close());

  it('simulates for 75 and 92, better than the former random search, writes only its report, then applies what is still valid', async () => {
    const before = await placedCount();
    const { m } = await region11.ok<{ m: { id: string; status: string } }>(SIMULATE, { input: { cohortId, regionId, departmentIds: departments } });
    expect(m.status).toBe('RUNNING');
    const ready = await until(region11, m.id, (s) => s.status !== 'RUNNING');
    expect(ready.status).toBe('READY');
    expect(ready.progress).toBe(100);
    const [{ candidates, places }] = await app.sql<{ candidates: number; places: number }>(
      `select (select count(*)::int from volunteer where cohort_id = $1 and department_id = any($2::uuid[]) and status = 'VALIDATED' and phase1_status = 'WAITING_ASSIGNMENT' and session_id is null) as candidates,
              (select coalesce(sum(s.places_left), 0)::int from session s join cohesion_center c on c.id = s.center_id join department d on d.id = c.department_id where s.cohort_id = $1 and d.region_id = $3) as places`,
      [cohortId, departments, regionId],
    );
    expect(ready.candidates).toBe(candidates);
    expect(candidates).toBeGreaterThan(0);
    expect(ready.placed).toBe(Math.min(candidates, places));
    expect(ready.placed + ready.unplaced).toBe(candidates);
    // The optimiser against the former platform’s method, on the same input.
    expect(ready.proposal!.placed).toBeGreaterThanOrEqual(ready.baseline!.placed);
    expect(ready.proposal!.balance).toBeLessThanOrEqual(ready.baseline!.balance);
    expect(ready.proposal!.meanDistance).toBeLessThanOrEqual(ready.baseline!.meanDistance);
    expect(ready.sessions.every((s) => s.placed <= s.placesLeftBefore && s.placesLeftAfter === s.placesLeftBefore - s.placed)).toBe(true);
    expect(ready.sessions.reduce((n, s) => n + s.placed, 0)).toBe(ready.placed);
    // Nothing but the report is written by a simulation.
    expect(await placedCount()).toBe(before);

    // The report as a workbook, for its region's manager only.
    const download = await fetch(`${app.url}/exports/assignment-simulations/${m.id}.xlsx`, { headers: { cookie: region11.cookie ?? '' } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Sessions', 'Centres', 'Non placés']);
    const placedRow = workbook.getWorksheet('Synthèse')!.getRows(1, 10)!.find((r) => r.getCell(1).value === 'Placés')!;
    expect([placedRow.getCell(2).value, placedRow.getCell(3).value]).toEqual([ready.proposal!.placed, ready.baseline!.placed]);
    expect(workbook.getWorksheet('Sessions')!.rowCount - 1).toBe(ready.sessions.length);
    expect(workbook.getWorksheet('Non placés')!.rowCount - 1).toBe(ready.unplaced);

    // Something changes meanwhile: a proposed volunteer withdraws; it is skipped at apply time.
    const [proposed] = await app.sql<{ id: string }>(
      `select v.id from volunteer v where v.cohort_id = $1 and v.department_id = any($2::uuid[]) and v.status = 'VALIDATED' and v.session_id is null
         and v.id not in (select (u->>'volunteerId')::uuid from assignment_simulation s, jsonb_array_elements(s.report->'unplaced') u where s.id = $3)
       order by v.id limit 1`,
      [cohortId, departments, m.id],
    );
    await region11.ok('mutation($id: ID!) { withdrawVolunteer(id: $id, reason: "Raisons familiales") { id } }', { id: proposed.id });

    const applied = (await region11.ok<{ m: { status: string; applied: number; skipped: number } }>(APPLY, { id: m.id })).m;
    expect(applied).toMatchObject({ status: 'APPLIED', applied: ready.placed - 1, skipped: 1 });
    const after = await until(region11, m.id, () => true);
    expect(after.skippedVolunteers).toEqual([expect.objectContaining({ volunteerId: proposed.id, code: 'INVALID_TRANSITION' })]);
    expect(await placedCount()).toBe(before + ready.placed - 1);
    const [check] = await app.sql<{ wrong_places: number; wrong_seats: number; reduced_mobility_off: number; audited: number }>(
      `select (select count(*)::int from session s where s.places_left <> s.places_total - (select count(*) from volunteer v where v.session_id = s.id)) as wrong_places,
              (select count(*)::int from transport_line l where l.seats_left <> l.seats_total - (select count(*) from volunteer v where v.transport_line_id = l.id)) as wrong_seats,
              (select count(*)::int from volunteer v join session s on s.id = v.session_id join cohesion_center c on c.id = s.center_id
                 where v.reduced_mobility and not c.accessible_reduced_mobility and v.cohort_id = $1 and v.department_id = any($2::uuid[])
                   and exists (select 1 from audit_event e where e.record_id = v.id and e.action = 'VOLUNTEER_ASSIGNED')) as reduced_mobility_off,
              (select count(*)::int from audit_event where action = 'VOLUNTEER_ASSIGNED') as audited`,
      [cohortId, departments],
    );
    expect(check).toEqual({ wrong_places: 0, wrong_seats: 0, reduced_mobility_off: 0, audited: ready.placed - 1 });

    // Twice: refused, nothing more written.
    const again = await region11.request(APPLY, { id: m.id });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/déjà été appliquée/);
    expect(await placedCount()).toBe(before + ready.placed - 1);

    // Another region's manager: the simulation does not exist for it.
    const region84 = await loggedIn(app.url, 'region-84@demo.snu.test');
    expect((await region84.ok<{ s: unknown }>(READ, { id: m.id })).s).toBeNull();
    expect(errorCode(await region84.request(APPLY, { id: m.id }))).toBe('NOT_FOUND');
    const hidden = await fetch(`${app.url}/exports/assignment-simulations/${m.id}.xlsx`, { headers: { cookie: region84.cookie ?? '' } });
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses precisely: another region, a department outside the region, an unknown simulation, a department referent', async () => {
    const [{ id: region84 }] = await app.sql<{ id: string }>(`select id from region where code = '84'`);
    expect(errorCode(await region11.request(SIMULATE, { input: { cohortId, regionId: region84 } }))).toBe('NOT_FOUND');
    const [{ id: lyon }] = await app.sql<{ id: string }>(`select id from department where code = '69'`);
    expect(errorCode(await region11.request(SIMULATE, { input: { cohortId, regionId, departmentIds: [lyon] } }))).toBe('NOT_FOUND');
    expect(errorCode(await region11.request(APPLY, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    expect(errorCode(await dept75.request(SIMULATE, { input: { cohortId, regionId } }))).toBe('FORBIDDEN');
  });
});
