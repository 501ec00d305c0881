import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Centres, sessions, meeting points and transport lines written by regional managers within their
 * region (admins everywhere), through HTTP: territory, capacities, versions, audit, bad input.
 */
describe('placement records: centres, sessions, meeting points, lines', () => {
  let app: TestApp;
  let region11: GraphQLClient;
  let admin: GraphQLClient;
  let dept75: GraphQLClient;
  const dep: Record<string, string> = {};
  let cohortId: string;

  const CENTER = `mutation($input: CohesionCenterInput!) { m: createCohesionCenter(input: $input) { id name capacity version department { code } } }`;
  const SESSION = `mutation($input: SessionInput!) { m: createSession(input: $input) { id placesTotal placesLeft version center { id } headCenter { email } } }`;
  const UPDATE_SESSION = `mutation($id: ID!, $input: SessionInput!, $version: Int) { m: updateSession(id: $id, input: $input, version: $version) { id placesTotal placesLeft version } }`;
  const POINT = `mutation($input: MeetingPointInput!) { m: createMeetingPoint(input: $input) { id version } }`;
  const LINE = `mutation($input: TransportLineInput!) { m: createTransportLine(input: $input) { id code seatsTotal seatsLeft version meetingPointIds stops { position departureAt meetingPoint { id } } session { id } } }`;
  const UPDATE_LINE = `mutation($id: ID!, $input: TransportLineInput!, $version: Int) { m: updateTransportLine(id: $id, input: $input, version: $version) { id seatsTotal seatsLeft meetingPointIds version } }`;
  const center = (code: string, extra: Record<string, unknown> = {}) => ({ name: `Centre de test ${randomUUID().slice(0, 6)}`, address: '1 avenue de la République', zip: '75011', city: 'Paris', departmentId: dep[code], capacity: 100, ...extra });
  const point = (code: string) => ({ name: `Point ${randomUUID().slice(0, 6)}`, address: '2 place de la Gare', zip: '75010', city: 'Paris', departmentId: dep[code] });

  beforeAll(async () => {
    app = await startTestApp();
    [region11, admin, dept75] = await Promise.all(['region-11@demo.snu.test', 'admin@demo.snu.test', 'dept-75@demo.snu.test'].map((e) => loggedIn(app.url, e)));
    for (const d of await app.sql<{ id: string; code: string }>(`select id, code from department where code in ('75', '92', '93', '69', '13')`)) dep[d.code] = d.id;
    cohortId = await openCohortId(app);
  });
  afterAll(async () => app?.close());

  it('a regional manager creates a centre, a session, a meeting point and a line in its region, each audited', async () => {
    const c = (await region11.ok<{ m: { id: string; capacity: number; version: number; department: { code: string } } }>(CENTER, { input: center('92') })).m;
    expect(c).toMatchObject({ capacity: 100, version: 1, department: { code: '92' } });
    const [head] = await app.sql<{ id: string }>(`select id from staff_user where email = 'head-center@demo.snu.test'`);
    const s = (await region11.ok<{ m: { id: string; placesTotal: number; placesLeft: number; headCenter: { email: string } } }>(SESSION, {
      input: { cohortId, centerId: c.id, placesTotal: 80, headCenterId: head.id },
    })).m;
    expect(s).toMatchObject({ placesTotal: 80, placesLeft: 80, headCenter: { email: 'head-center@demo.snu.test' } });
    const [p1, p2] = await Promise.all([point('92'), point('75')].map(async (input) => (await region11.ok<{ m: { id: string } }>(POINT, { input })).m.id));
    const [{ start }] = await app.sql<{ start: string }>(`select to_char(start_date, 'YYYY-MM-DD') as start from cohort where id = $1`, [cohortId]);
    const line = (await region11.ok<{ m: { seatsLeft: number; meetingPointIds: string[]; stops: { position: number; departureAt: string }[] } }>(LINE, {
      input: { sessionId: s.id, code: 'T-1', seatsTotal: 50, stops: [{ meetingPointId: p1, departureAt: `${start}T06:00:00.000Z` }, { meetingPointId: p2, departureAt: `${start}T06:30:00.000Z` }] },
    })).m;
    expect(line.seatsLeft).toBe(50);
    expect(line.meetingPointIds).toEqual([p1, p2]);
    expect(line.stops.map((x) => x.position)).toEqual([0, 1]);
    const events = await app.sql<{ action: string; department: string }>(
      `select e.action, d.code as department from audit_event e join department d on d.id = e.department_id where e.record_id = any($1::uuid[]) order by e.created_at`,
      [[c.id, s.id, p1, p2]],
    );
    expect(events.map((e) => e.action).sort()).toEqual(['COHESION_CENTER_CREATED', 'MEETING_POINT_CREATED', 'MEETING_POINT_CREATED', 'SESSION_CREATED']);
    expect(events.filter((e) => e.action !== 'MEETING_POINT_CREATED').every((e) => e.department === '92')).toBe(true);
  });

  it('region 11 cannot create in 84, move a session to a centre of 84, or use a meeting point of 69: not found, nothing written', async () => {
    const before = await app.sql<{ n: number }>('select (select count(*) from cohesion_center)::int + (select count(*) from session)::int + (select count(*) from transport_line)::int as n');
    const created = await region11.request(CENTER, { input: center('69') });
    expect(errorCode(created)).toBe('NOT_FOUND');
    expect(created.errors?.[0].message).toBe((await region11.request(CENTER, { input: { ...center('69'), departmentId: randomUUID() } })).errors?.[0].message);
    const [centre84] = await app.sql<{ id: string }>(`select c.id from cohesion_center c where c.department_id = $1 limit 1`, [dep['69']]);
    const [session11] = await app.sql<{ id: string; center_id: string; places_total: number; version: number }>(
      `select s.id, s.center_id, s.places_total, s.version from session s join cohesion_center c on c.id = s.center_id where c.department_id = $1 and s.cohort_id = $2 limit 1`,
      [dep['75'], cohortId],
    );
    const moved = await region11.request(UPDATE_SESSION, { id: session11.id, input: { cohortId, centerId: centre84.id, placesTotal: session11.places_total } });
    expect(errorCode(moved)).toBe('NOT_FOUND');
    const [point69] = await app.sql<{ id: string }>(`select id from meeting_point where department_id = $1 limit 1`, [dep['69']]);
    expect(errorCode(await region11.request(LINE, { input: { sessionId: session11.id, code: 'X-69', seatsTotal: 10, meetingPointIds: [point69.id] } }))).toBe('NOT_FOUND');
    const [session84] = await app.sql<{ id: string }>(`select s.id from session s where s.center_id = $1 limit 1`, [centre84.id]);
    const [point75] = await app.sql<{ id: string }>(`select id from meeting_point where department_id = $1 limit 1`, [dep['75']]);
    expect(errorCode(await region11.request(LINE, { input: { sessionId: session84.id, code: 'X-84', seatsTotal: 10, meetingPointIds: [point75.id] } }))).toBe('NOT_FOUND');
    const after = await app.sql<{ n: number }>('select (select count(*) from cohesion_center)::int + (select count(*) from session)::int + (select count(*) from transport_line)::int as n');
    expect(after).toEqual(before);
    const [still] = await app.sql<{ center_id: string; version: number }>('select center_id, version from session where id = $1', [session11.id]);
    expect(still).toEqual({ center_id: session11.center_id, version: session11.version });
  });

  it('department referents and other roles may not write placement records; only admins delete', async () => {
    expect(errorCode(await dept75.request(CENTER, { input: center('75') }))).toBe('FORBIDDEN');
    const c = (await region11.ok<{ m: { id: string } }>(CENTER, { input: center('93') })).m;
    expect(errorCode(await region11.request('mutation($id: ID!) { deleteCohesionCenter(id: $id) }', { id: c.id }))).toBe('FORBIDDEN');
    expect(await admin.ok('mutation($id: ID!) { deleteCohesionCenter(id: $id) }', { id: c.id })).toEqual({ deleteCohesionCenter: true });
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from cohesion_center where id = $1', [c.id]);
    expect(n).toBe(0);
  });

  it('capacity never drops below the places taken; placesLeft follows the volunteers assigned; a stale version is a CONFLICT', async () => {
    const c = (await region11.ok<{ m: { id: string } }>(CENTER, { input: center('75') })).m;
    const s = (await region11.ok<{ m: { id: string; version: number } }>(SESSION, { input: { cohortId, centerId: c.id, placesTotal: 10 } })).m;
    for (let i = 0; i < 3; i++) {
      const v = await createVolunteer(app, '75', 'VALIDATED');
      await app.sql(`update volunteer set session_id = $1, phase1_status = 'ASSIGNED' where id = $2`, [s.id, v]);
    }
    await app.sql('update session set places_left = places_left - 3 where id = $1', [s.id]);
    const tooSmall = await region11.request(UPDATE_SESSION, { id: s.id, input: { cohortId, centerId: c.id, placesTotal: 2 } });
    expect(errorCode(tooSmall)).toBe('BAD_USER_INPUT');
    expect(tooSmall.errors?.[0].message).toMatch(/3 volontaires/);
    const resized = (await region11.ok<{ m: { placesTotal: number; placesLeft: number; version: number } }>(UPDATE_SESSION, { id: s.id, input: { cohortId, centerId: c.id, placesTotal: 5 }, version: s.version })).m;
    expect(resized).toMatchObject({ placesTotal: 5, placesLeft: 2, version: s.version + 1 });
    const stale = await region11.request(UPDATE_SESSION, { id: s.id, input: { cohortId, centerId: c.id, placesTotal: 6 }, version: s.version });
    expect(errorCode(stale)).toBe('CONFLICT');
    // Deleting a session with volunteers is refused, even for an admin.
    expect(errorCode(await admin.request('mutation($id: ID!) { deleteSession(id: $id) }', { id: s.id }))).toBe('BAD_USER_INPUT');
    const [{ places_left }] = await app.sql<{ places_left: number }>('select places_left from session where id = $1', [s.id]);
    expect(places_left).toBe(2);
  });

  it('bad input: a precise French error and nothing written', async () => {
    const c = (await region11.ok<{ m: { id: string } }>(CENTER, { input: center('92') })).m;
    const p = (await region11.ok<{ m: { id: string } }>(POINT, { input: point('92') })).m;
    const s = (await region11.ok<{ m: { id: string } }>(SESSION, { input: { cohortId, centerId: c.id, placesTotal: 20 } })).m;
    const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
      ['negative capacity', CENTER, { input: center('92', { capacity: -5 }) }, /capacité/],
      ['absurd capacity', CENTER, { input: center('92', { capacity: 1_000_000 }) }, /capacité/],
      ['bad postal code', CENTER, { input: center('92', { zip: 'abc' }) }, /code postal/],
      ['empty name', CENTER, { input: center('92', { name: '  ' }) }, /nom du centre est obligatoire/],
      ['places above the centre’s capacity', SESSION, { input: { cohortId: (await openCohortId(app)), centerId: c.id, placesTotal: 500 } }, /capacité du centre/],
      ['a second session of the same centre and cohort', SESSION, { input: { cohortId, centerId: c.id, placesTotal: 10 } }, /déjà une session/],
      ['no seats', LINE, { input: { sessionId: s.id, code: 'B-1', seatsTotal: 0, meetingPointIds: [p.id] } }, /places du car/],
      ['no stop', LINE, { input: { sessionId: s.id, code: 'B-1', seatsTotal: 10, meetingPointIds: [] } }, /au moins un point/],
      ['a stop twice', LINE, { input: { sessionId: s.id, code: 'B-1', seatsTotal: 10, meetingPointIds: [p.id, p.id] } }, /deux fois/],
      ['a departure a year away', LINE, { input: { sessionId: s.id, code: 'B-1', seatsTotal: 10, stops: [{ meetingPointId: p.id, departureAt: '2040-01-01T08:00:00.000Z' }] } }, /premier jour du séjour/],
    ];
    const count = async () => (await app.sql<{ n: number }>('select (select count(*) from cohesion_center)::int + (select count(*) from session)::int + (select count(*) from transport_line)::int as n'))[0].n;
    const before = await count();
    for (const [label, document, variables, message] of cases) {
      const response = await region11.request(document, variables);
      expect(errorCode(response), label).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message, label).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('a line’s seats never drop below the volunteers on board, and a stop they leave from stays', async () => {
    const c = (await region11.ok<{ m: { id: string } }>(CENTER, { input: center('93') })).m;
    const s = (await region11.ok<{ m: { id: string } }>(SESSION, { input: { cohortId, centerId: c.id, placesTotal: 20 } })).m;
    const [p1, p2] = await Promise.all([point('93'), point('93')].map(async (input) => (await region11.ok<{ m: { id: string } }>(POINT, { input })).m.id));
    const line = (await region11.ok<{ m: { id: string; version: number } }>(LINE, { input: { sessionId: s.id, code: 'L-1', seatsTotal: 10, meetingPointIds: [p1, p2] } })).m;
    const v = await createVolunteer(app, '93', 'VALIDATED');
    await app.sql(`update volunteer set session_id = $1, meeting_point_id = $2, transport_line_id = $3, phase1_status = 'ASSIGNED' where id = $4`, [s.id, p2, line.id, v]);
    await app.sql('update transport_line set seats_left = seats_left - 1 where id = $1', [line.id]);
    await app.sql('update session set places_left = places_left - 1 where id = $1', [s.id]);
    const input = { sessionId: s.id, code: 'L-1', seatsTotal: 10, meetingPointIds: [p1] };
    const dropped = await region11.request(UPDATE_LINE, { id: line.id, input });
    expect(errorCode(dropped)).toBe('BAD_USER_INPUT');
    expect(dropped.errors?.[0].message).toMatch(/arrêt que vous retirez/);
    const shrunk = (await region11.ok<{ m: { seatsTotal: number; seatsLeft: number; meetingPointIds: string[] } }>(UPDATE_LINE, { id: line.id, input: { ...input, seatsTotal: 4, meetingPointIds: [p2, p1] }, version: line.version })).m;
    expect(shrunk).toEqual({ id: line.id, seatsTotal: 4, seatsLeft: 3, meetingPointIds: [p2, p1], version: line.version + 1 });
  });
});
