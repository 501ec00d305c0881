import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../server/kernel/clock';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { openCohortId } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The cohort dashboard through HTTP, per scope: every figure equals the same count written
 * independently in SQL over the tables (national by region and by department, a region, a
 * department, a visitor), decisions made through the API show on their Paris day, and bad input
 * or a role without a dashboard gets the contract's code.
 */
describe('cohort dashboard: figures per scope', () => {
  let app: TestApp;
  let cohortId: string;
  let restoreClock: () => void;
  /** The product's clock, fixed for the file so that the age buckets are exact. */
  const at = new Date();
  const clients: Record<string, GraphQLClient> = {};

  const DASHBOARD = `query($c: ID!, $level: DashboardLevel, $days: Int!) { d: cohortDashboard(cohortId: $c, level: $level) {
    cohortId level
    statusByTerritory { territory { code } total counts { status count } }
    goals { department { code } max validated rate }
    sessions { sessionId placesTotal placesTaken fillRate department { code } }
    backlog { territory { code } lessThan3Days from3To7Days moreThan7Days total }
    decisions(days: $days) { day territory { code } validated refused waitingList correctionRequested total }
  } }`;

  interface Dashboard {
    level: string;
    statusByTerritory: Array<{ territory: { code: string }; total: number; counts: Array<{ status: string; count: number }> }>;
    goals: Array<{ department: { code: string }; max: number; validated: number; rate: number }>;
    sessions: Array<{ sessionId: string; placesTotal: number; placesTaken: number; fillRate: number; department: { code: string } }>;
    backlog: Array<{ territory: { code: string }; lessThan3Days: number; from3To7Days: number; moreThan7Days: number; total: number }>;
    decisions: Array<{ day: string; territory: { code: string }; validated: number; refused: number; waitingList: number; correctionRequested: number; total: number }>;
  }

  const dashboard = async (who: string, level?: string, days = 14) => (await clients[who]!.ok<{ d: Dashboard }>(DASHBOARD, { c: cohortId, level, days })).d;

  /** The departments a demo account's scope covers, as a SQL condition on `d` (department). */
  const scopeSql: Record<string, string> = {
    admin: 'true',
    'region-11': `d.region_id = (select region_id from staff_user where email = 'region-11@demo.snu.test')`,
    'visitor-11': `d.region_id = (select region_id from staff_user where email = 'visitor-11@demo.snu.test')`,
    'dept-75': `d.id in (select unnest(department_ids) from staff_user where email = 'dept-75@demo.snu.test')`,
  };
  /** The row label of a department `d` at a level: its region's code, or its own. */
  const labelSql = (level: string) => (level === 'REGION' ? '(select r.code from region r where r.id = d.region_id)' : 'd.code');

  async function expectedStatus(who: string, level: string): Promise<Record<string, number>> {
    const rows = await app.sql<{ label: string; status: string; n: number }>(
      `select ${labelSql(level)} as label, v.status::text as status, count(*)::int as n
       from volunteer v join department d on d.id = v.department_id
       where v.cohort_id = $1 and ${scopeSql[who]} group by 1, 2`,
      [cohortId],
    );
    return Object.fromEntries(rows.map((r) => [`${r.label}|${r.status}`, r.n]));
  }

  beforeAll(async () => {
    restoreClock = setClock({ now: () => at });
    app = await startTestApp();
    cohortId = await openCohortId(app);
    for (const who of ['admin', 'region-11', 'visitor-11', 'dept-75', 'head-center']) clients[who] = await loggedIn(app.url, `${who}@demo.snu.test`);
  });
  afterAll(async () => {
    await app?.close();
    restoreClock?.();
  });

  it('volunteers per status per territory equal a grouped count, for each scope and level', async () => {
    for (const [who, level] of [['admin', 'REGION'], ['admin', 'DEPARTMENT'], ['region-11', 'DEPARTMENT'], ['visitor-11', 'DEPARTMENT'], ['dept-75', 'DEPARTMENT']] as const) {
      const d = await dashboard(who, level);
      expect(d.level).toBe(level);
      const got: Record<string, number> = {};
      for (const row of d.statusByTerritory) {
        expect(row.total).toBe(row.counts.reduce((s, c) => s + c.count, 0));
        for (const c of row.counts) if (c.count) got[`${row.territory.code}|${c.status}`] = c.count;
      }
      const expected = await expectedStatus(who, level);
      expect(Object.keys(expected).length, `${who} ${level}`).toBeGreaterThan(0);
      expect(got, `${who} ${level}`).toEqual(expected);
    }
  });

  it('defaults: national staff get one row per region, the others one per department of their scope', async () => {
    const national = await dashboard('admin');
    const regions = await app.sql<{ code: string }>(`select code from region order by code`);
    expect(national.level).toBe('REGION');
    expect(national.statusByTerritory.map((r) => r.territory.code).sort()).toEqual(regions.map((r) => r.code).sort());
    const referent = await dashboard('dept-75');
    expect(referent.level).toBe('DEPARTMENT');
    expect(referent.statusByTerritory.map((r) => r.territory.code)).toEqual(['75']);
    const region = await dashboard('region-11');
    const inRegion = await app.sql<{ code: string }>(`select d.code from department d where ${scopeSql['region-11']}`);
    expect(region.statusByTerritory.map((r) => r.territory.code).sort()).toEqual(inRegion.map((r) => r.code).sort());
  });

  it('goal completion: each departmental goal in scope with its validated files', async () => {
    const [dep75] = await app.sql<{ id: string }>(`select id from department where code = '75'`);
    await clients.admin!.ok(`mutation($c: ID!, $g: [InscriptionGoalInput!]!) { setInscriptionGoals(cohortId: $c, goals: $g) { max } }`, { c: cohortId, g: [{ departmentId: dep75!.id, max: 5000 }] });
    for (const who of ['admin', 'region-11', 'dept-75']) {
      const expected = await app.sql<{ code: string; max: number; validated: number }>(
        `select d.code, g.max, (select count(*)::int from volunteer v where v.cohort_id = g.cohort_id and v.department_id = g.department_id and v.status = 'VALIDATED') as validated
         from inscription_goal g join department d on d.id = g.department_id where g.cohort_id = $1 and ${scopeSql[who]} order by d.code`,
        [cohortId],
      );
      const goals = (await dashboard(who, 'DEPARTMENT')).goals;
      expect(goals.map(({ department, max, validated }) => ({ code: department.code, max, validated })).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
        expected.sort((a, b) => a.code.localeCompare(b.code)),
      );
      expect(goals.find((g) => g.department.code === '75')).toMatchObject({ max: 5000 });
      for (const g of goals) expect(g.rate).toBeCloseTo(g.validated / g.max, 10);
    }
  });

  it('session fill rates: every session of the cohort in scope, places taken = assigned volunteers', async () => {
    for (const who of ['admin', 'region-11', 'dept-75', 'visitor-11']) {
      const expected = await app.sql<{ sessionId: string; placesTotal: number; placesTaken: number; code: string }>(
        `select s.id as "sessionId", s.places_total as "placesTotal",
            (select count(*)::int from volunteer v where v.session_id = s.id) as "placesTaken", d.code
         from session s join cohesion_center c on c.id = s.center_id join department d on d.id = c.department_id
         where s.cohort_id = $1 and ${scopeSql[who]}`,
        [cohortId],
      );
      const sessions = (await dashboard(who, 'DEPARTMENT')).sessions;
      expect(sessions.length, who).toBe(expected.length);
      expect(new Set(sessions.map((s) => `${s.sessionId}|${s.placesTotal}|${s.placesTaken}|${s.department.code}`))).toEqual(
        new Set(expected.map((s) => `${s.sessionId}|${s.placesTotal}|${s.placesTaken}|${s.code}`)),
      );
      for (const s of sessions) expect(s.fillRate).toBeCloseTo(s.placesTotal ? s.placesTaken / s.placesTotal : 0, 10);
    }
    expect((await dashboard('admin')).sessions.some((s) => s.placesTaken > 0)).toBe(true);
  });

  it('review backlog by age: files waiting for validation, changed under 3 Paris calendar days ago, 3 to 7, over 7 (by the product’s clock)', async () => {
    for (const [who, level] of [['admin', 'REGION'], ['region-11', 'DEPARTMENT'], ['dept-75', 'DEPARTMENT']] as const) {
      const rows = await app.sql<{ label: string; bucket: string; n: number }>(
        `select ${labelSql(level)} as label,
            case when (v.status_changed_at at time zone 'Europe/Paris')::date > ($2::timestamptz at time zone 'Europe/Paris')::date - 3 then 'lessThan3Days'
                 when (v.status_changed_at at time zone 'Europe/Paris')::date >= ($2::timestamptz at time zone 'Europe/Paris')::date - 7 then 'from3To7Days'
                 else 'moreThan7Days' end as bucket,
            count(*)::int as n
         from volunteer v join department d on d.id = v.department_id
         where v.cohort_id = $1 and v.status = 'WAITING_VALIDATION' and ${scopeSql[who]} group by 1, 2`,
        [cohortId, at],
      );
      const expected = Object.fromEntries(rows.map((r) => [`${r.label}|${r.bucket}`, r.n]));
      const got: Record<string, number> = {};
      for (const row of (await dashboard(who, level)).backlog) {
        expect(row.total).toBe(row.lessThan3Days + row.from3To7Days + row.moreThan7Days);
        for (const bucket of ['lessThan3Days', 'from3To7Days', 'moreThan7Days'] as const) if (row[bucket]) got[`${row.territory.code}|${bucket}`] = row[bucket];
      }
      expect(got, who).toEqual(expected);
    }
    // « > 7 j » opens the list filtered by the same calendar day: the same number of files.
    const d75 = (await dashboard('dept-75')).backlog[0]!;
    const [dep75] = await app.sql<{ id: string }>(`select id from department where code = '75'`);
    const day = new Date(Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at)}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const listed = await clients['dept-75']!.ok<{ m: { count: number } }>(`query($f: VolunteerFilter) { m: _allVolunteersMeta(filter: $f) { count } }`, {
      f: { cohortId, departmentId: dep75!.id, status: 'WAITING_VALIDATION', statusChangedBeforeDay: day },
    });
    expect(d75.moreThan7Days).toBeGreaterThan(0);
    expect(listed.m.count).toBe(d75.moreThan7Days);
    const wrong = await clients['dept-75']!.request(`query { _allVolunteersMeta(filter: { statusChangedBeforeDay: "2026-02-30" }) { count } }`);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toMatch(/AAAA-MM-JJ/);
    // The demo's waiting files span a month: all three buckets are met nationally.
    const national = (await dashboard('admin')).backlog;
    for (const bucket of ['lessThan3Days', 'from3To7Days', 'moreThan7Days'] as const) expect(national.some((r) => r[bucket] > 0), bucket).toBe(true);
  });

  it('decisions per day: today’s validation and refusal by dept-75 counted on today’s Paris day, the whole window equal to the trail', async () => {
    const waiting = await app.sql<{ id: string }>(
      `select v.id from volunteer v join department d on d.id = v.department_id where d.code = '75' and v.cohort_id = $1 and v.status = 'WAITING_VALIDATION' order by v.id limit 3`,
      [cohortId],
    );
    expect(waiting.length).toBe(3);
    const beforeDashboard = await dashboard('dept-75');
    const before = beforeDashboard.decisions;
    const validatedBefore = beforeDashboard.statusByTerritory[0]!.counts.find((c) => c.status === 'VALIDATED')!.count;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
    const todayRow = (rows: Dashboard['decisions']) => rows.find((r) => r.day === today && r.territory.code === '75');
    // A goal far from reached, so that the validations are not refused.
    const [dep75] = await app.sql<{ id: string }>(`select id from department where code = '75'`);
    await clients.admin!.ok(`mutation($c: ID!, $g: [InscriptionGoalInput!]!) { setInscriptionGoals(cohortId: $c, goals: $g) { max } }`, { c: cohortId, g: [{ departmentId: dep75!.id, max: 5000 }] });
    const dept75 = clients['dept-75']!;
    await dept75.ok(`mutation($id: ID!) { validateVolunteer(id: $id) { status } }`, { id: waiting[0]!.id });
    await dept75.ok(`mutation($id: ID!) { validateVolunteer(id: $id) { status } }`, { id: waiting[1]!.id });
    await dept75.ok(`mutation($id: ID!) { refuseVolunteer(id: $id, reason: OTHER, message: "Dossier incomplet après relance.") { status } }`, { id: waiting[2]!.id });
    const validatedIn75 = async () => (await dashboard('dept-75')).statusByTerritory[0]!.counts.find((c) => c.status === 'VALIDATED')!.count;
    const after = (await dashboard('dept-75')).decisions;
    expect(await validatedIn75()).toBe(validatedBefore + 2);
    expect(todayRow(after)?.validated).toBe((todayRow(before)?.validated ?? 0) + 2);
    expect(todayRow(after)?.refused).toBe((todayRow(before)?.refused ?? 0) + 1);

    for (const [who, level, days] of [['dept-75', 'DEPARTMENT', 14], ['admin', 'REGION', 14], ['region-11', 'DEPARTMENT', 31], ['visitor-11', 'DEPARTMENT', 7]] as const) {
      const rows = await app.sql<{ day: string; label: string; action: string; n: number }>(
        `select to_char(e.created_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day, ${labelSql(level)} as label, e.action, count(*)::int as n
         from audit_event e join volunteer v on v.id = e.record_id join department d on d.id = e.department_id
         where v.cohort_id = $1 and e.record_type = 'Volunteer' and ${scopeSql[who]}
           and e.action in ('VOLUNTEER_VALIDATE', 'VOLUNTEER_REFUSE', 'VOLUNTEER_WAITING_LIST', 'VOLUNTEER_REQUEST_CORRECTION')
           and (e.created_at at time zone 'Europe/Paris')::date between ($2::timestamptz at time zone 'Europe/Paris')::date - ($3::int - 1) and ($2::timestamptz at time zone 'Europe/Paris')::date
         group by 1, 2, 3`,
        [cohortId, at, days],
      );
      const field = { VOLUNTEER_VALIDATE: 'validated', VOLUNTEER_REFUSE: 'refused', VOLUNTEER_WAITING_LIST: 'waitingList', VOLUNTEER_REQUEST_CORRECTION: 'correctionRequested' } as const;
      const expected = Object.fromEntries(rows.map((r) => [`${r.day}|${r.label}|${field[r.action as keyof typeof field]}`, r.n]));
      const decisions = (await dashboard(who, level, days)).decisions;
      const got: Record<string, number> = {};
      for (const row of decisions) {
        expect(row.total).toBe(row.validated + row.refused + row.waitingList + row.correctionRequested);
        for (const kind of Object.values(field)) if (row[kind]) got[`${row.day}|${row.territory.code}|${kind}`] = row[kind];
      }
      expect(Object.keys(expected).length, `${who} ${days} days`).toBeGreaterThan(0);
      expect(got, `${who} ${days} days`).toEqual(expected);
      expect(decisions.map((r) => r.day)).toEqual([...decisions.map((r) => r.day)].sort());
    }
  });

  it('the tallies PostgreSQL keeps equal a recount of the files and of the trail, through inserts, updates, deletes and compaction', async () => {
    const recount = () =>
      app.sql<{ key: string; n: number }>(
        `select kind || '|' || cohort_id || '|' || department_id || '|' || key || '|' || day as key, n from (
           select 'status' as kind, cohort_id, department_id, status::text as key, (status_changed_at at time zone 'Europe/Paris')::date as day, count(*)::int as n
           from volunteer group by 1, 2, 3, 4, 5
           union all
           select 'decision', v.cohort_id, e.department_id, e.action, (e.created_at at time zone 'Europe/Paris')::date, count(*)::int
           from audit_event e join volunteer v on v.id = e.record_id
           where e.record_type = 'Volunteer' and e.department_id is not null
             and e.action in ('VOLUNTEER_VALIDATE', 'VOLUNTEER_REFUSE', 'VOLUNTEER_WAITING_LIST', 'VOLUNTEER_REQUEST_CORRECTION')
           group by 1, 2, 3, 4, 5) x order by 1`,
      );
    const tallies = () =>
      app.sql<{ key: string; n: number }>(
        `select kind || '|' || cohort_id || '|' || department_id || '|' || key || '|' || day as key, sum(n)::int as n
         from dashboard_count group by 1 having sum(n) <> 0 order by 1`,
      );
    // Writes of every kind, straight in SQL: a new file, a bulk status change, a moved file, a deletion.
    const [{ id: created }] = await app.sql<{ id: string }>(
      `insert into volunteer (id, first_name, last_name, birth_date, gender, email, address, zip, city, department_id, school_situation,
          guardian1_first_name, guardian1_last_name, guardian1_relationship, guardian1_email, cohort_id, status, version)
       select gen_random_uuid(), 'Lou', 'Comptage', '2010-01-01', 'FEMALE', 'lou.comptage@exemple.fr', '1 rue Haute', '69001', 'Lyon', d.id, 'GENERAL_SCHOOL',
          'Sam', 'Comptage', 'FATHER', 'sam.comptage@exemple.fr', $1, 'WAITING_VALIDATION', 1 from department d where d.code = '69' returning id`,
      [cohortId],
    );
    await app.sql(`update volunteer set status = 'WAITING_LIST', status_changed_at = $2 where cohort_id = $1 and status = 'WAITING_CORRECTION' and department_id = (select id from department where code = '92')`, [cohortId, at]);
    await app.sql(`update volunteer set department_id = (select id from department where code = '93') where id = $1`, [created]);
    const [{ id: removed }] = await app.sql<{ id: string }>(`select id from volunteer where status = 'ABANDONED' order by id limit 1`);
    await app.sql(`delete from email_message where volunteer_id = $1`, [removed]);
    await app.sql(`delete from note where volunteer_id = $1`, [removed]);
    await app.sql(`delete from correction_request where volunteer_id = $1`, [removed]);
    await app.sql(`delete from volunteer where id = $1`, [removed]);
    const expected = await recount();
    expect(expected.length).toBeGreaterThan(100);
    expect(await tallies()).toEqual(expected);
    const [{ rows: before }] = await app.sql<{ rows: number }>(`select count(*)::int as rows from dashboard_count`);
    const [{ removed: folded }] = await app.sql<{ removed: number }>(`select dashboard_count_compact() as removed`);
    const [{ rows: afterRows }] = await app.sql<{ rows: number }>(`select count(*)::int as rows from dashboard_count`);
    expect(folded).toBeGreaterThan(0);
    expect(afterRows).toBe(before - folded);
    expect(await tallies()).toEqual(expected);
    // Folded: one row per group left.
    expect(await app.sql(`select 1 from dashboard_count group by kind, cohort_id, department_id, key, day having count(*) > 1`)).toEqual([]);
  });

  it('refused: a head of centre (FORBIDDEN), an unknown cohort (NOT_FOUND), a malformed id or a window of 0 or 100 days (BAD_USER_INPUT)', async () => {
    expect(errorCode(await clients['head-center']!.request(DASHBOARD, { c: cohortId, days: 14 }))).toBe('FORBIDDEN');
    expect(errorCode(await clients.admin!.request(DASHBOARD, { c: '00000000-0000-4000-8000-000000000000', days: 14 }))).toBe('NOT_FOUND');
    expect(errorCode(await clients.admin!.request(DASHBOARD, { c: 'pas-un-id', days: 14 }))).toBe('BAD_USER_INPUT');
    for (const days of [0, 100]) {
      const result = await clients.admin!.request(`query($c: ID!, $days: Int!) { cohortDashboard(cohortId: $c) { decisions(days: $days) { day } } }`, { c: cohortId, days });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/entre 1 et 62/);
    }
    const anonymous = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DASHBOARD, variables: { c: cohortId, days: 14 } }) });
    expect(((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
