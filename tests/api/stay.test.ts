import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMs, setClock, shiftedClock } from '../../server/kernel/clock';
import { createVolunteer } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const DAY = 86_400_000;
const ARRIVAL = 'mutation($id: ID!) { m: recordVolunteerArrival(id: $id) { id arrivedAt phase1Status } }';
const END = 'mutation($id: ID!, $completed: Boolean!) { m: recordVolunteerStayEnd(id: $id, completed: $completed) { id phase1Status } }';

/** The head of centre during the stay: arrivals, then completed or not, only for its session's volunteers. */
describe('head of centre: arrival and end of the stay', () => {
  let app: TestApp;
  let head: GraphQLClient;
  let session: string;
  let otherSession: string;

  const iso = (offsetDays: number) => new Date(nowMs() + offsetDays * DAY).toISOString().slice(0, 10);

  async function placed(sessionId: string): Promise<string> {
    const id = await createVolunteer(app, '75', 'VALIDATED', { cohortId: (await app.sql<{ cohort_id: string }>('select cohort_id from session where id = $1', [sessionId]))[0].cohort_id });
    await app.sql(`update volunteer set session_id = $1, phase1_status = 'ASSIGNED' where id = $2`, [sessionId, id]);
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    // A stay under way: started two days ago, ends in ten, in a centre of 75, headed by the demo head of centre.
    const [cohort] = await app.sql<{ id: string }>(
      `insert into cohort (id, name, start_date, end_date, registration_start_date, registration_end_date, instruction_end_date, status, manual_assignment_open_for_region)
       values (gen_random_uuid(), 'Séjour en cours (test)', $1, $2, $3, $4, $5, 'PUBLISHED', true) returning id`,
      [iso(-2), iso(10), iso(-120), iso(-60), iso(-30)],
    );
    const [{ id: center }] = await app.sql<{ id: string }>(`select c.id from cohesion_center c join department d on d.id = c.department_id where d.code = '75' limit 1`);
    const [{ id: other }] = await app.sql<{ id: string }>(`select c.id from cohesion_center c join department d on d.id = c.department_id where d.code = '92' limit 1`);
    [{ id: session }] = await app.sql<{ id: string }>(
      `insert into session (id, cohort_id, center_id, places_total, places_left, head_center_id) select gen_random_uuid(), $1, $2, 50, 50, id from staff_user where email = 'head-center@demo.snu.test' returning id`,
      [cohort.id, center],
    );
    [{ id: otherSession }] = await app.sql<{ id: string }>(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 50, 50) returning id`, [cohort.id, other]);
    head = await loggedIn(app.url, 'head-center@demo.snu.test');
  });
  afterAll(async () => app?.close());

  it('records an arrival once, then a completed stay only from its last day, audited', async () => {
    const v = await placed(session);
    // Its special needs and its guardian's phone are visible to it (emergencies).
    const { Volunteer: file } = await head.ok<{ Volunteer: { specialNeedsDetails: string | null; guardian1: { phone: string | null } } }>('query($id: ID!) { Volunteer(id: $id) { specialNeedsDetails guardian1 { phone } } }', { id: v });
    expect(file).toHaveProperty('guardian1');
    const arrived = (await head.ok<{ m: { arrivedAt: string; phase1Status: string } }>(ARRIVAL, { id: v })).m;
    expect(Math.abs(Date.parse(arrived.arrivedAt) - nowMs())).toBeLessThan(60_000);
    expect(errorCode(await head.request(ARRIVAL, { id: v }))).toBe('INVALID_TRANSITION');
    const early = await head.request(END, { id: v, completed: true });
    expect(errorCode(early)).toBe('WINDOW_CLOSED');
    expect(early.errors?.[0].message).toMatch(/se termine le/);
    // Eleven days later (by the clock), the stay is over: completed.
    const restore = setClock(shiftedClock(11 * DAY));
    try {
      // The session opened eleven days earlier has expired by then (12 hours): sign in again.
      expect(errorCode(await head.request(END, { id: v, completed: true }))).toBe('UNAUTHENTICATED');
      const later = await loggedIn(app.url, 'head-center@demo.snu.test');
      expect((await later.ok<{ m: { phase1Status: string } }>(END, { id: v, completed: true })).m.phase1Status).toBe('DONE');
    } finally {
      restore();
    }
    const actions = (await app.sql<{ action: string }>('select action from audit_event where record_id = $1 order by created_at', [v])).map((e) => e.action);
    expect(actions).toEqual(['VOLUNTEER_ARRIVED', 'VOLUNTEER_STAY_DONE']);
  });

  it('a volunteer who never came or left early: not completed; never completed without an arrival', async () => {
    const v = await placed(session);
    expect(errorCode(await head.request(END, { id: v, completed: true }))).toBe('INVALID_TRANSITION');
    expect((await head.ok<{ m: { phase1Status: string } }>(END, { id: v, completed: false })).m.phase1Status).toBe('NOT_DONE');
    expect(errorCode(await head.request(END, { id: v, completed: false }))).toBe('INVALID_TRANSITION');
  });

  it('another session’s volunteer is not found for it; referents may not record the stay', async () => {
    const elsewhere = await placed(otherSession);
    const missing = await head.request(ARRIVAL, { id: '00000000-0000-4000-8000-000000000000' });
    const refused = await head.request(ARRIVAL, { id: elsewhere });
    expect(errorCode(refused)).toBe('NOT_FOUND');
    expect(refused.errors?.[0].message).toBe(missing.errors?.[0].message);
    const dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    expect(errorCode(await dept75.request(ARRIVAL, { id: elsewhere }))).toBe('FORBIDDEN');
    const [{ arrived_at }] = await app.sql<{ arrived_at: string | null }>('select arrived_at from volunteer where id = $1', [elsewhere]);
    expect(arrived_at).toBeNull();
  });
});
