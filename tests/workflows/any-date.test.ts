import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCohorts } from '../../server/database/seeds/demo.seed';
import { now, nowMs, setClock, shiftedClock, todayInParis } from '../../server/kernel/clock';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';

const DAY = 86_400_000;
const YEAR_AHEAD = 365 * DAY;

const VOLUNTEER = 'id status version statusChangedAt';
const MUTATIONS = {
  validate: `mutation($id: ID!, $version: Int) { r: validateVolunteer(id: $id, version: $version) { ${VOLUNTEER} } }`,
  refuse: `mutation($id: ID!, $version: Int) { r: refuseVolunteer(id: $id, reason: TOO_OLD, message: "Vous aurez 18 ans avant le séjour.", version: $version) { ${VOLUNTEER} } }`,
  waitingList: `mutation($id: ID!, $version: Int) { r: putVolunteerOnWaitingList(id: $id, version: $version) { ${VOLUNTEER} } }`,
  correction: `mutation($id: ID!, $version: Int) { r: requestVolunteerCorrections(id: $id, version: $version, requests: [{ field: "identityDocument", reason: UNREADABLE }]) { ${VOLUNTEER} } }`,
};
const EXPECTED = {
  validate: { status: 'VALIDATED', action: 'VOLUNTEER_VALIDATE' },
  refuse: { status: 'REFUSED', action: 'VOLUNTEER_REFUSE' },
  waitingList: { status: 'WAITING_LIST', action: 'VOLUNTEER_WAITING_LIST' },
  correction: { status: 'WAITING_CORRECTION', action: 'VOLUNTEER_REQUEST_CORRECTION' },
};
type Step = keyof typeof MUTATIONS;

/**
 * The product on a date other than today: the clock is a year ahead and the demo data is
 * seeded on the clock's day. The review workflow must behave exactly as on the day of a
 * fresh demo, and every date it writes or compares must be the clock's.
 */
describe('a year ahead: demo seeded on the clock’s day, review workflow over HTTP', () => {
  let restoreClock: (() => void) | undefined;
  let app: TestApp;
  let dept75: GraphQLClient;
  let region11: GraphQLClient;
  let cohortId: string;
  let paris: string;
  const files = {} as Record<Step, string>;

  /** An instant the clock (not the system) calls "now": within minutes of it, on its day. */
  function expectOnClocksDay(iso: string | null | undefined, label: string): void {
    expect(iso, label).toBeTruthy();
    const at = new Date(iso!);
    expect(todayInParis(at), `${label}: ${iso} is on the clock’s day, not today’s`).toBe(todayInParis());
    expect(Math.abs(at.getTime() - nowMs()), `${label}: ${iso} is the clock’s now`).toBeLessThan(10 * 60_000);
  }

  beforeAll(async () => {
    restoreClock = setClock(shiftedClock(YEAR_AHEAD));
    app = await startTestApp({ seed: { at: now() } });
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    region11 = await loggedIn(app.url, 'region-11@demo.snu.test');
    cohortId = await openCohortId(app);
    [{ id: paris }] = await app.sql<{ id: string }>(`select id from department where code = '75'`);
  });
  afterAll(async () => {
    await app?.close();
    restoreClock?.();
  });

  it('the open cohort is open on the clock’s day (a year from today) and its stay is after it', async () => {
    const { Cohort: cohort } = await dept75.ok<{ Cohort: { name: string; registrationStartDate: string; registrationEndDate: string; instructionEndDate: string; startDate: string } }>(
      'query($id: ID!) { Cohort(id: $id) { name registrationStartDate registrationEndDate instructionEndDate startDate } }',
      { id: cohortId },
    );
    const day = todayInParis();
    expect(cohort.name).toBe(demoCohorts(now()).open.name);
    expect(cohort.registrationStartDate <= day && day <= cohort.registrationEndDate, `registration open on ${day}`).toBe(true);
    expect(day <= cohort.instructionEndDate, `instruction open on ${day}`).toBe(true);
    expect(cohort.startDate > cohort.instructionEndDate).toBe(true);
    // The data really is a year ahead: today (by the system) is long before this registration.
    expect(todayInParis(new Date()) < cohort.registrationStartDate).toBe(true);
    // « The open cohort » as the dashboard asks it: decided on the server's (the clock's) day.
    const { open, closed } = await dept75.ok<{ open: { id: string }[]; closed: { id: string }[] }>(
      '{ open: allCohorts(filter: { status: PUBLISHED, instructionOpen: true }, sortField: "startDate", sortOrder: "ASC") { id } closed: allCohorts(filter: { instructionOpen: false }) { id } }',
    );
    expect(open[0]?.id).toBe(cohortId);
    expect(closed.map((c) => c.id)).not.toContain(cohortId);
    expect(closed.length).toBeGreaterThan(0);
  });

  it('dept-75 validates, refuses, puts on the waiting list and asks for a correction on waiting files', async () => {
    const { allVolunteers } = await dept75.ok<{ allVolunteers: { id: string; version: number }[] }>(
      `query($f: VolunteerFilter) { allVolunteers(perPage: 4, sortField: "lastName", sortOrder: "ASC", filter: $f) { id version } }`,
      { f: { status: 'WAITING_VALIDATION', cohortId, departmentId: paris } },
    );
    expect(allVolunteers).toHaveLength(4);
    const steps = Object.keys(MUTATIONS) as Step[];
    for (const [i, step] of steps.entries()) {
      const { id, version } = allVolunteers[i];
      const result = await dept75.request<{ r: { status: string; version: number } }>(MUTATIONS[step], { id, version });
      expect(result.errors, step).toBeUndefined();
      expect(result.data?.r, step).toMatchObject({ status: EXPECTED[step].status, version: version + 1 });
      files[step] = id;
    }
    const rows = await app.sql<{ id: string; status: string }>('select id, status::text from volunteer where id = any($1)', [Object.values(files)]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(Object.fromEntries(steps.map((s) => [files[s], EXPECTED[s].status])));
  });

  it('the audit events of those decisions are dated by the clock (its day, not today’s)', async () => {
    for (const step of Object.keys(files) as Step[]) {
      const { allAuditEvents } = await dept75.ok<{ allAuditEvents: { action: string; createdAt: string; actor: { email: string } }[] }>(
        'query($id: ID!) { allAuditEvents(filter: { recordId: $id }) { action createdAt actor { email } } }',
        { id: files[step] },
      );
      expect(allAuditEvents.map((e) => e.action), step).toEqual([EXPECTED[step].action]);
      expect(allAuditEvents[0].actor.email).toBe('dept-75@demo.snu.test');
      expectOnClocksDay(allAuditEvents[0].createdAt, `audit event of ${step}`);
    }
  });

  it('the status changes and the correction request are dated by the clock too', async () => {
    for (const step of Object.keys(files) as Step[]) {
      const { Volunteer: v } = await dept75.ok<{ Volunteer: { statusChangedAt: string; correctionRequests: { sentAt: string | null }[] } }>(
        'query($id: ID!) { Volunteer(id: $id) { statusChangedAt correctionRequests { sentAt } } }',
        { id: files[step] },
      );
      expectOnClocksDay(v.statusChangedAt, `status change of ${step}`);
      if (step === 'correction') {
        expect(v.correctionRequests).toHaveLength(1);
        expectOnClocksDay(v.correctionRequests[0].sentAt, 'correction request sent');
      }
    }
  });

  it('waitingForMoreThanDays counts from the clock’s now', async () => {
    const [{ total }] = await app.sql<{ total: number }>(
      `select count(*)::int as total from volunteer where department_id = $1 and status = 'WAITING_VALIDATION'`,
      [paris],
    );
    const expectedCounts: number[] = [];
    for (const days of [3, 7, 15, 25]) {
      const [{ expected }] = await app.sql<{ expected: number }>(
        `select count(*)::int as expected from volunteer where department_id = $1 and status = 'WAITING_VALIDATION' and status_changed_at < $2`,
        [paris, new Date(nowMs() - days * DAY)],
      );
      const { meta } = await dept75.ok<{ meta: { count: number } }>(
        'query($f: VolunteerFilter) { meta: _allVolunteersMeta(filter: $f) { count } }',
        { f: { status: 'WAITING_VALIDATION', departmentId: paris, waitingForMoreThanDays: days } },
      );
      expect(meta.count, `waiting for more than ${days} days, by the clock`).toBe(expected);
      expectedCounts.push(expected);
    }
    // Some files but not all have waited that long: the counts tell the clock from the system's date.
    expect(Math.max(...expectedCounts)).toBeGreaterThan(0);
    expect(Math.min(...expectedCounts)).toBeLessThan(total);
  });

  it('after an instruction end that the clock has passed, a department referent gets WINDOW_CLOSED; a regional manager still validates', async () => {
    const iso = (offsetDays: number) => new Date(nowMs() + offsetDays * DAY).toISOString().slice(0, 10);
    const instructionEnd = iso(-10);
    const [cohort] = await app.sql<{ id: string }>(
      `insert into cohort (id, name, start_date, end_date, registration_start_date, registration_end_date, instruction_end_date, status)
       values (gen_random_uuid(), 'Séjour clos (test)', $1, $2, $3, $4, $5, 'PUBLISHED') returning id`,
      [iso(20), iso(32), iso(-100), iso(-20), instructionEnd],
    );
    const a = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const b = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const closed = await dept75.request(MUTATIONS.validate, { id: a });
    expect(errorCode(closed), 'validation by dept-75 ten days after the instruction end (by the clock)').toBe('WINDOW_CLOSED');
    expect(closed.errors?.[0].message).toContain(instructionEnd.split('-').reverse().join('/'));
    const [{ status }] = await app.sql<{ status: string }>('select status::text from volunteer where id = $1', [a]);
    expect(status).toBe('WAITING_VALIDATION');
    expect((await region11.ok<{ r: { status: string } }>(MUTATIONS.validate, { id: b })).r.status).toBe('VALIDATED');
  });
});
