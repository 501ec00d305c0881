import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const ASSIGN = `mutation($id: ID!, $session: ID!, $point: ID, $version: Int) {
  m: assignVolunteer(id: $id, sessionId: $session, meetingPointId: $point, version: $version) { id phase1Status sessionId meetingPointId transportLineId version session { placesLeft } transportLine { seatsLeft code } }
}`;
const UNASSIGN = `mutation($id: ID!) { m: unassignVolunteer(id: $id) { id phase1Status sessionId meetingPointId transportLineId } }`;
const BULK = `mutation($a: [AssignmentInput!]!) { m: assignVolunteers(assignments: $a) { succeeded failed { id code message } } }`;

/** Manual assignment through HTTP: rules, capacities held by PostgreSQL under races, audit and convocation e-mails. */
describe('manual assignment', () => {
  let app: TestApp;
  let second: TestApp;
  let region11: GraphQLClient;
  let admin: GraphQLClient;
  let cohortId: string;
  const dep: Record<string, string> = {};

  /** A fresh centre and session of the open cohort in `code`, with a line stopping at a fresh meeting point. */
  async function freshSession(code: string, places: number, seats = places) {
    const [{ id: center }] = await app.sql<{ id: string }>(
      `insert into cohesion_center (id, name, address, zip, city, department_id, capacity, accessible_reduced_mobility)
       values (gen_random_uuid(), $1, '10 rue du Centre', '92000', 'Nanterre', $2, 500, true) returning id`,
      [`Centre d’essai ${randomUUID().slice(0, 6)}`, dep[code]],
    );
    const [{ id: session }] = await app.sql<{ id: string }>(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, $3, $3) returning id`, [cohortId, center, places]);
    const [{ id: point }] = await app.sql<{ id: string }>(
      `insert into meeting_point (id, name, address, zip, city, department_id) values (gen_random_uuid(), 'Gare d’essai', '1 place de la Gare', '75010', 'Paris', $1) returning id`,
      [dep['75']],
    );
    const [{ start }] = await app.sql<{ start: string }>(`select start_date::text as start from cohort where id = $1`, [cohortId]);
    const [{ id: line }] = await app.sql<{ id: string }>(`insert into transport_line (id, code, session_id, seats_total, seats_left) values (gen_random_uuid(), 'E-1', $1, $2, $2) returning id`, [session, seats]);
    await app.sql(`insert into transport_line_stop (id, line_id, meeting_point_id, position, departure_at) values (gen_random_uuid(), $1, $2, 0, $3)`, [line, point, `${start}T06:30:00Z`]);
    return { center, session, point, line };
  }

  const counters = async (session: string, line: string) =>
    (await app.sql<{ places: number; seats: number; taken: number; riders: number }>(
      `select (select places_left from session where id = $1) as places, (select seats_left from transport_line where id = $2) as seats,
              (select count(*)::int from volunteer where session_id = $1) as taken, (select count(*)::int from volunteer where transport_line_id = $2) as riders`,
      [session, line],
    ))[0];

  beforeAll(async () => {
    app = await startTestApp();
    second = await startTestApp({ shareDatabaseOf: app });
    [region11, admin] = await Promise.all(['region-11@demo.snu.test', 'admin@demo.snu.test'].map((e) => loggedIn(app.url, e)));
    for (const d of await app.sql<{ id: string; code: string }>(`select id, code from department where code in ('75', '92', '69')`)) dep[d.code] = d.id;
    cohortId = await openCohortId(app);
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  it('a regional manager assigns a Paris volunteer to a session in 92 from a meeting point: place and seat taken, audited, convocation e-mailed to the volunteer and guardian', async () => {
    const { session, point, line } = await freshSession('92', 10, 5);
    const v = await createVolunteer(app, '75', 'VALIDATED');
    const m = (await region11.ok<{ m: Record<string, unknown> }>(ASSIGN, { id: v, session, point, version: 1 })).m;
    expect(m).toMatchObject({ phase1Status: 'ASSIGNED', sessionId: session, meetingPointId: point, transportLineId: line, version: 2, session: { placesLeft: 9 }, transportLine: { seatsLeft: 4, code: 'E-1' } });
    expect(await counters(session, line)).toEqual({ places: 9, seats: 4, taken: 1, riders: 1 });
    const [event] = await app.sql<{ action: string; changes: Record<string, { new: unknown }> }>(`select action, changes from audit_event where record_id = $1`, [v]);
    expect(event.action).toBe('VOLUNTEER_ASSIGNED');
    expect(event.changes.session.new).toBe(session);
    const emails = await app.sql<{ recipient_kind: string; subject: string; body: string }>(`select recipient_kind, subject, body from email_message where volunteer_id = $1 order by recipient_kind`, [v]);
    expect(emails.map((e) => e.recipient_kind)).toEqual(['GUARDIAN', 'VOLUNTEER']);
    expect(emails[1].subject).toMatch(/Votre affectation au séjour SNU/);
    expect(emails[1].body).toMatch(/Centre : Centre d’essai/);
    expect(emails[1].body).toMatch(/Point de rassemblement : Gare d’essai/);
    // 06:30 UTC on the stay's first day, in Paris time (07:30 in winter, 08:30 in summer: any date).
    const [{ start }] = await app.sql<{ start: string }>(`select start_date::text as start from cohort where id = $1`, [cohortId]);
    const paris = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(`${start}T06:30:00Z`));
    expect(emails[1].body).toContain(`${paris} (ligne E-1)`);
    // A stale version, then unassignment: the place and the seat come back.
    expect(errorCode(await region11.request(ASSIGN, { id: v, session, version: 1 }))).toBe('CONFLICT');
    const back = (await region11.ok<{ m: Record<string, unknown> }>(UNASSIGN, { id: v })).m;
    expect(back).toMatchObject({ phase1Status: 'WAITING_ASSIGNMENT', sessionId: null, meetingPointId: null, transportLineId: null });
    expect(await counters(session, line)).toEqual({ places: 10, seats: 5, taken: 0, riders: 0 });
  });

  it('refuses with the contract’s codes and writes nothing: not validated, another cohort, closed window, a meeting point off the lines, full session or line, out of territory', async () => {
    const { session, point, line } = await freshSession('92', 1, 1);
    const other = await freshSession('92', 5, 0);
    const cases: Array<[string, GraphQLClient, Record<string, unknown>, string]> = [];
    const waiting = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    cases.push(['not validated', region11, { id: waiting, session }, 'INVALID_TRANSITION']);
    const [archived] = await app.sql<{ id: string }>(`select id from cohort where status = 'ARCHIVED' limit 1`);
    const elsewhere = await createVolunteer(app, '75', 'VALIDATED', { cohortId: archived.id });
    cases.push(['another cohort', region11, { id: elsewhere, session }, 'BAD_USER_INPUT']);
    const v69 = await createVolunteer(app, '69', 'VALIDATED');
    cases.push(['a volunteer of 69', region11, { id: v69, session }, 'NOT_FOUND']);
    const [session84] = await app.sql<{ id: string }>(`select s.id from session s join cohesion_center c on c.id = s.center_id where c.department_id = $1 and s.cohort_id = $2 limit 1`, [dep['69'], cohortId]);
    const v = await createVolunteer(app, '75', 'VALIDATED');
    cases.push(['a session of 84', region11, { id: v, session: session84.id }, 'NOT_FOUND']);
    const [point69] = await app.sql<{ id: string }>(`select id from meeting_point where department_id = $1 limit 1`, [dep['69']]);
    cases.push(['a meeting point of 69', region11, { id: v, session, point: point69.id }, 'NOT_FOUND']);
    cases.push(['a meeting point none of its lines serves', region11, { id: v, session, point: other.point }, 'BAD_USER_INPUT']);
    cases.push(['a full line', region11, { id: v, session: other.session, point: other.point }, 'LINE_FULL']);
    for (const [label, client, variables, code] of cases) {
      const response = await client.request(ASSIGN, variables);
      expect(errorCode(response), label).toBe(code);
      expect(response.errors?.[0].message, label).toMatch(/[a-zé]/);
    }
    // The only place goes to one volunteer; the next gets SESSION_FULL.
    expect((await region11.ok<{ m: { phase1Status: string } }>(ASSIGN, { id: v, session, point })).m.phase1Status).toBe('ASSIGNED');
    const next = await createVolunteer(app, '75', 'VALIDATED');
    expect(errorCode(await region11.request(ASSIGN, { id: next, session }))).toBe('SESSION_FULL');
    expect(await counters(session, line)).toEqual({ places: 0, seats: 0, taken: 1, riders: 1 });
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from volunteer where id = any($1::uuid[]) and session_id is not null`, [[waiting, elsewhere, v69, next]]);
    expect(n).toBe(0);
    // The window: closed for regional managers, still open to national staff.
    await app.sql('update cohort set manual_assignment_open_for_region = false where id = $1', [cohortId]);
    try {
      const { session: s2 } = await freshSession('92', 3);
      expect(errorCode(await region11.request(ASSIGN, { id: next, session: s2 }))).toBe('WINDOW_CLOSED');
      expect((await admin.ok<{ m: { phase1Status: string } }>(ASSIGN, { id: next, session: s2 })).m.phase1Status).toBe('ASSIGNED');
    } finally {
      await app.sql('update cohort set manual_assignment_open_for_region = true where id = $1', [cohortId]);
    }
  });

  it('bulk: each item checked alone, failures reported and left untouched, capacities exact', async () => {
    const { session, line, point } = await freshSession('92', 3, 2);
    const ids = await Promise.all([1, 2, 3, 4].map(() => createVolunteer(app, '75', 'VALIDATED')));
    const waiting = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const { m } = await region11.ok<{ m: { succeeded: string[]; failed: { id: string; code: string }[] } }>(BULK, {
      a: [...ids.map((id) => ({ volunteerId: id, sessionId: session, meetingPointId: point })), { volunteerId: waiting, sessionId: session }],
    });
    // Two seats on the line, three places: two succeed from the meeting point, then LINE_FULL, LINE_FULL, and the unvalidated file.
    expect(m.succeeded).toHaveLength(2);
    expect(m.failed.map((f) => f.code).sort()).toEqual(['INVALID_TRANSITION', 'LINE_FULL', 'LINE_FULL']);
    expect(await counters(session, line)).toEqual({ places: 1, seats: 0, taken: 2, riders: 2 });
    expect(errorCode(await region11.request(BULK, { a: [{ volunteerId: ids[0], sessionId: session }, { volunteerId: ids[0], sessionId: session }] }))).toBe('BAD_USER_INPUT');
  });

  it('200 concurrent assignments into a 50-place session, through two server instances, give exactly 50 successes; the same for a line’s 20 seats', async () => {
    const { session, line, point } = await freshSession('92', 50, 20);
    const ids = await Promise.all(Array.from({ length: 200 }, () => createVolunteer(app, '75', 'VALIDATED')));
    const [one, two] = await Promise.all([loggedIn(app.url, 'region-11@demo.snu.test'), loggedIn(second.url, 'region-11@demo.snu.test')]);
    const results = await Promise.all(ids.map((id, i) => (i % 2 ? one : two).request(ASSIGN, i < 100 ? { id, session, point } : { id, session })));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(50);
    expect(new Set(codes)).toEqual(new Set(['OK', 'SESSION_FULL', 'LINE_FULL']));
    const c = await counters(session, line);
    expect(c).toEqual({ places: 0, seats: 0, taken: 50, riders: 20 });
  });

  it('files moved between two sessions in opposite directions at once all move (no deadlock), places and seats exact', async () => {
    const a = await freshSession('92', 40, 40);
    const b = await freshSession('92', 40, 40);
    // Each session's line also stops at the other's meeting point, so a move can keep its seat kind.
    for (const [line, point] of [[a.line, b.point], [b.line, a.point]]) {
      await app.sql(`insert into transport_line_stop (id, line_id, meeting_point_id, position, departure_at) select gen_random_uuid(), $1, $2, 1, departure_at from transport_line_stop where line_id = $1 limit 1`, [line, point]);
    }
    const inA = await Promise.all(Array.from({ length: 12 }, () => createVolunteer(app, '75', 'VALIDATED')));
    const inB = await Promise.all(Array.from({ length: 12 }, () => createVolunteer(app, '75', 'VALIDATED')));
    for (const id of inA) expect(errorCode(await region11.request(ASSIGN, { id, session: a.session, point: a.point }))).toBeUndefined();
    for (const id of inB) expect(errorCode(await region11.request(ASSIGN, { id, session: b.session, point: b.point }))).toBeUndefined();
    const [one, two] = await Promise.all([loggedIn(app.url, 'region-11@demo.snu.test'), loggedIn(second.url, 'region-11@demo.snu.test')]);
    // Three rounds: A's files go to B while B's go to A, through both instances, all at once; then back.
    for (let round = 0; round < 3; round++) {
      const moves = [...inA.map((id) => ({ id, target: round % 2 ? a : b })), ...inB.map((id) => ({ id, target: round % 2 ? b : a }))];
      const results = await Promise.all(moves.map((m, i) => (i % 2 ? one : two).request(ASSIGN, { id: m.id, session: m.target.session, point: m.target.point })));
      expect(results.map((r) => errorCode(r) ?? 'OK')).toEqual(moves.map(() => 'OK'));
    }
    // After three rounds A's files are in B and B's in A.
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from volunteer where id = any($1::uuid[]) and session_id = $2', [inA, b.session]);
    expect(n).toBe(12);
    for (const s of [a, b]) expect(await counters(s.session, s.line)).toEqual({ places: 28, seats: 28, taken: 12, riders: 12 });
  });

  it('a withdrawal gives back the place and the seat', async () => {
    const { session, line, point } = await freshSession('92', 4, 4);
    const v = await createVolunteer(app, '75', 'VALIDATED');
    await region11.ok(ASSIGN, { id: v, session, point });
    await region11.ok(`mutation($id: ID!) { withdrawVolunteer(id: $id, reason: "Raisons familiales") { id } }`, { id: v });
    expect(await counters(session, line)).toEqual({ places: 4, seats: 4, taken: 0, riders: 0 });
  });
});
