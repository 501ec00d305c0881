import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../../server/database/mikro-orm.config';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, demoCohorts, openDemoCohortQuery, seedDay, seedDemo } from '../../server/database/seeds/demo.seed';
import { now } from '../../server/kernel/clock';
import { createTestDatabase, dropTestDatabase, startTestApp, type TestApp } from '../setup/test-app';

const DAY = 86_400_000;
type Sql = <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

/** A copy of the empty migrated template, seeded with N volunteers at `at`; runs `check` on it, then drops it. */
async function withSeed<T>(volunteers: number, at: Date, check: (sql: Sql) => Promise<T>): Promise<T> {
  const url = await createTestDatabase('empty');
  const orm = await MikroORM.init(ormConfig(url, { poolMax: 2 }));
  const client = new pg.Client({ connectionString: url });
  try {
    await seedDemo(orm, { volunteers, at, log: () => undefined });
    await expect(seedDemo(orm, { volunteers, at, log: () => undefined })).rejects.toThrow(/base vide/);
    await client.connect();
    await client.query(`set timezone = 'UTC'`);
    return await check(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await client.end();
    await orm.close(true);
    await dropTestDatabase(url);
  }
}

/** A digest of the seeded rows and their dates (password hashes are salted, so left out). */
async function digest(sql: Sql): Promise<string> {
  const [row] = await sql<{ digest: string }>(
    `select md5(string_agg(x, ',' order by x)) as digest from (
       select concat_ws('|', 'v', v.id, v.first_name, v.last_name, v.birth_date, v.email, v.status, v.session_id, d.code, v.created_at, v.updated_at, v.status_changed_at) as x
         from volunteer v join department d on d.id = v.department_id
       union all select concat_ws('|', 'c', id, name, start_date, end_date, registration_start_date, registration_end_date, instruction_end_date, status, created_at) from cohort
       union all select concat_ws('|', 'u', id, email, created_at) from staff_user
       union all select concat_ws('|', 's', id, cohort_id, places_left, created_at) from session
       union all select concat_ws('|', 'g', id, max, created_at) from inscription_goal
       union all select concat_ws('|', 'a', id, action, record_id, created_at) from audit_event
       union all select concat_ws('|', 'e', id, subject, created_at, sent_at) from email_message
       union all select concat_ws('|', 'n', id, content, created_at) from note
       union all select concat_ws('|', 'r', id, field, created_at, sent_at) from correction_request
     ) t`,
  );
  return row.digest;
}

/**
 * The guarantees of API-CONTRACT.md's demo data ("Demo accounts", "Time") for a database
 * seeded at `at`, checked against that day, never against today's.
 */
async function expectDemoGuarantees(sql: Sql, at: Date): Promise<void> {
  const day = new Date(seedDay(at)).toISOString().slice(0, 10);
  const query = openDemoCohortQuery(at);
  const [open] = await sql<{ id: string }>(query.text, query.values);
  expect(open, 'the open cohort').toBeDefined();

  // Windows: the open cohort is open on the seeding day and its stay after it; the archived one is over.
  const cohorts = await sql<{ id: string; name: string; status: string; registration_open: boolean; instruction_open: boolean; stay_ahead: boolean; over: boolean }>(
    `select id, name, status::text,
            registration_start_date <= $1::date and $1::date <= registration_end_date as registration_open,
            registration_start_date <= $1::date and $1::date <= instruction_end_date as instruction_open,
            start_date > $1::date and start_date > instruction_end_date as stay_ahead,
            end_date < $1::date and instruction_end_date < $1::date and registration_end_date < $1::date as over
     from cohort order by start_date`,
    [day],
  );
  const plan = demoCohorts(at);
  expect(cohorts.map((c) => c.name)).toEqual([plan.archived.name, plan.open.name, plan.later.name]);
  const [archived, opened, later] = cohorts;
  expect(opened.id).toBe(open.id);
  expect(opened).toMatchObject({ status: 'PUBLISHED', registration_open: true, instruction_open: true, stay_ahead: true, over: false });
  expect(archived).toMatchObject({ status: 'ARCHIVED', registration_open: false, instruction_open: false, over: true });
  expect(later).toMatchObject({ status: 'PUBLISHED', registration_open: false, instruction_open: false, stay_ahead: true });

  // Every status and at least 20 files waiting, all in the open cohort, in each demo department.
  const rows = await sql<{ code: string; statuses: number; waiting: number; waiting_elsewhere: number }>(
    `select d.code, count(distinct v.status)::int as statuses,
            count(*) filter (where v.status = 'WAITING_VALIDATION' and v.cohort_id = $2)::int as waiting,
            count(*) filter (where v.status = 'WAITING_VALIDATION' and v.cohort_id <> $2)::int as waiting_elsewhere
     from volunteer v join department d on d.id = v.department_id
     where d.code = any($1) group by d.code order by d.code`,
    [DEMO_DEPARTMENTS, open.id],
  );
  expect(rows.map((r) => r.code).sort()).toEqual([...DEMO_DEPARTMENTS].sort());
  for (const r of rows) {
    expect(r.statuses, r.code).toBe(10);
    expect(r.waiting, r.code).toBeGreaterThanOrEqual(20);
    expect(r.waiting_elsewhere, r.code).toBe(0);
  }

  // Goals leave room for 50 more validations in every department of the open cohort.
  const goals = await sql<{ room: number }>(
    `select g.max - (select count(*) from volunteer v where v.department_id = g.department_id and v.cohort_id = g.cohort_id and v.status = 'VALIDATED')::int as room
     from inscription_goal g where g.cohort_id = $1 and g.department_id is not null`,
    [open.id],
  );
  expect(goals.length).toBeGreaterThanOrEqual(101);
  expect(Math.min(...goals.map((g) => g.room))).toBeGreaterThanOrEqual(50);

  // Placements in the open cohort: a Paris volunteer in a 92 session, and the head-center session.
  const [placed] = await sql<{ cross: number; head: number; overbooked: number }>(
    `select (select count(*) from volunteer v join department vd on vd.id = v.department_id join session s on s.id = v.session_id
              join cohesion_center c on c.id = s.center_id join department cd on cd.id = c.department_id
             where vd.code = '75' and cd.code = '92' and v.cohort_id = $1 and v.phase1_status = 'ASSIGNED')::int as cross,
            (select count(*) from volunteer v join session s on s.id = v.session_id join staff_user u on u.id = s.head_center_id
             where u.email = 'head-center@demo.snu.test' and s.cohort_id = $1)::int as head,
            (select count(*) from session s where s.places_left < 0
               or s.places_left <> s.places_total - (select count(*) from volunteer v where v.session_id = s.id))::int as overbooked`,
    [open.id],
  );
  expect(placed.cross).toBeGreaterThan(0);
  expect(placed.head).toBeGreaterThan(0);
  expect(placed.overbooked).toBe(0);

  // 15 to 17 years old on the first day of their stay.
  const [ages] = await sql<{ youngest: number; oldest: number }>(
    `select min(extract(year from age(c.start_date, v.birth_date)))::int as youngest, max(extract(year from age(c.start_date, v.birth_date)))::int as oldest
     from volunteer v join cohort c on c.id = v.cohort_id`,
  );
  expect(ages.youngest).toBeGreaterThanOrEqual(15);
  expect(ages.oldest).toBeLessThanOrEqual(17);

  // Nothing dated after the seeding instant; open and archived files created during their cohort's registration.
  const [dates] = await sql<{ latest: Date; outside_registration: number }>(
    `select greatest((select max(greatest(created_at, updated_at, status_changed_at)) from volunteer),
                     (select max(created_at) from audit_event), (select max(greatest(created_at, updated_at, sent_at)) from email_message),
                     (select max(greatest(created_at, updated_at)) from note), (select max(greatest(created_at, updated_at, sent_at)) from correction_request),
                     (select max(greatest(created_at, updated_at)) from cohort), (select max(created_at) from staff_user),
                     (select max(created_at) from session), (select max(created_at) from inscription_goal)) as latest,
            (select count(*) from volunteer v join cohort c on c.id = v.cohort_id
             where c.id <> all($1) and ((v.created_at at time zone 'UTC')::date not between c.registration_start_date and c.registration_end_date
                                        or v.status_changed_at < v.created_at))::int as outside_registration`,
    [[later.id]],
  );
  expect(dates.latest.getTime()).toBeLessThanOrEqual(at.getTime());
  expect(dates.outside_registration).toBe(0);
  const [history] = await sql<{ audits: number; recent: number }>(
    `select count(*)::int as audits, count(*) filter (where created_at >= $1::timestamptz)::int as recent from audit_event`,
    [new Date(seedDay(at) - 31 * DAY)],
  );
  // The decisions the demo history records were taken in the month before the seeding day.
  expect(history.audits).toBeGreaterThan(0);
  expect(history.recent).toBe(history.audits);
}

describe('demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('is deterministic: the same N on the same day gives the same rows, whatever the hour', async () => {
    const day = seedDay(now());
    const [a, b] = [await withSeed(400, new Date(day + 60_000), digest), await withSeed(400, new Date(day + DAY - 60_000), digest)];
    expect(a).toBe(b);
    expect(await withSeed(401, new Date(day + 60_000), digest)).not.toBe(a);
  });

  it('keeps every guarantee of the contract on the day it was seeded, and creates the demo accounts', async () => {
    await expectDemoGuarantees(app.sql, app.seededAt);
    const accounts = await app.sql<{ email: string; role: string }>('select email, role from staff_user order by email');
    expect(accounts).toEqual(DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })).sort((x, y) => x.email.localeCompare(y.email)));
  });

  for (const [label, at] of [
    ['a year from now', new Date(now().getTime() + 365 * DAY)],
    ['on 2031-03-15', new Date('2031-03-15T14:30:00Z')],
    ['in the past, on 2025-06-30', new Date('2025-06-30T08:00:00Z')],
  ] as const) {
    it(`seeded ${label}: the open cohort is open that day, its stay after it, the archived cohort before it`, async () => {
      await withSeed(300, at, (sql) => expectDemoGuarantees(sql, at));
    });
  }

  it('the default demo (5,000 volunteers) has placement work: ≥ 100 validated files awaiting assignment in regions 11 and 84, more places left than that, a line per session', async () => {
    await withSeed(5000, now(), async (sql) => {
      const regions = await sql<{ code: string; waiting: number; places: number }>(
        `with open as (select id from cohort where status = 'PUBLISHED' and registration_start_date <= current_date order by start_date desc limit 1)
         select r.code,
           (select count(*)::int from volunteer v join department d on d.id = v.department_id
             where d.region_id = r.id and v.cohort_id = (select id from open) and v.status = 'VALIDATED' and v.phase1_status = 'WAITING_ASSIGNMENT' and v.session_id is null) as waiting,
           (select coalesce(sum(s.places_left), 0)::int from session s join cohesion_center c on c.id = s.center_id join department d on d.id = c.department_id
             where d.region_id = r.id and s.cohort_id = (select id from open)) as places
         from region r where r.code in ('11', '84') order by r.code`,
      );
      for (const r of regions) {
        expect(r.waiting, r.code).toBeGreaterThanOrEqual(100);
        expect(r.places, r.code).toBeGreaterThan(r.waiting);
      }
      const [lines] = await sql<{ without: number; riders_off_route: number; seats_wrong: number }>(
        `select (select count(*)::int from session s join cohort c on c.id = s.cohort_id where c.status = 'PUBLISHED' and c.start_date > current_date
                   and not exists (select 1 from transport_line l where l.session_id = s.id)) as without,
                (select count(*)::int from volunteer v where v.transport_line_id is not null
                   and not exists (select 1 from transport_line_stop st where st.line_id = v.transport_line_id and st.meeting_point_id = v.meeting_point_id)) as riders_off_route,
                (select count(*)::int from transport_line l where l.seats_left <> l.seats_total - (select count(*) from volunteer v where v.transport_line_id = l.id)) as seats_wrong`,
      );
      expect(lines).toEqual({ without: 0, riders_off_route: 0, seats_wrong: 0 });
    });
  });

  it('places the cohorts relative to any day, named after the month of their stay', () => {
    const months = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];
    const nameOf = (date: string) => `${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
    for (let ms = Date.UTC(2024, 0, 1); ms <= Date.UTC(2034, 11, 31); ms += DAY) {
      const day = new Date(ms).toISOString().slice(0, 10);
      const { archived, open, later } = demoCohorts(new Date(ms + 13 * 3_600_000));
      const label = `seeded on ${day}`;
      for (const c of [archived, open, later]) {
        expect(c.name, label).toBe(nameOf(c.startDate));
        expect(new Date(`${c.startDate}T00:00:00Z`).getUTCDay(), label).toBe(1);
        expect(c.registrationStartDate <= c.registrationEndDate && c.registrationEndDate <= c.instructionEndDate && c.instructionEndDate < c.startDate && c.startDate < c.endDate, label).toBe(true);
      }
      expect(archived.endDate < day, label).toBe(true);
      expect(open.registrationStartDate <= day && day <= open.registrationEndDate && open.instructionEndDate > day, label).toBe(true);
      expect(later.registrationStartDate > open.registrationEndDate && later.startDate > open.endDate, label).toBe(true);
      expect(new Set([archived.name, open.name, later.name]).size, label).toBe(3);
    }
  });
});
