import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Cross-scope references: a Paris volunteer placed in a centre of Hauts-de-Seine. */
describe('nested relations across scopes', () => {
  let app: TestApp;
  let dept75: GraphQLClient;
  let dept92: GraphQLClient;
  let placed: { volunteer_id: string; session_id: string; center_id: string; center_name: string; center_department_id: string };

  beforeAll(async () => {
    app = await startTestApp();
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    dept92 = await loggedIn(app.url, 'dept-92@demo.snu.test');
    [placed] = await app.sql(
      `select v.id as volunteer_id, s.id as session_id, c.id as center_id, c.name as center_name, c.department_id as center_department_id
       from volunteer v
       join department vd on vd.id = v.department_id and vd.code = '75'
       join session s on s.id = v.session_id
       join cohesion_center c on c.id = s.center_id
       join department cd on cd.id = c.department_id and cd.code = '92'
       limit 1`,
    );
    expect(placed, 'the demo data places a volunteer of 75 in a centre of 92').toBeDefined();
  });
  afterAll(async () => app?.close());

  it('the home referent sees where its volunteer goes, even in another department', async () => {
    const { Volunteer } = await dept75.ok<{ Volunteer: { id: string; session: { id: string; center: { name: string; department: { code: string } } } } }>(
      `query($id: ID!) { Volunteer(id: $id) { id session { id center { name department { code } } } } }`,
      { id: placed.volunteer_id },
    );
    expect(Volunteer.session.id).toBe(placed.session_id);
    expect(Volunteer.session.center).toEqual({ name: placed.center_name, department: { code: '92' } });
  });

  it('…and it appears in its lists with the nested session (no inner join drops it)', async () => {
    const { allVolunteers } = await dept75.ok<{ allVolunteers: { id: string; session: { center: { name: string } } | null }[] }>(
      `query($id: ID!) { allVolunteers(filter: { sessionId: $id }, perPage: 1000) { id session { center { name } } } }`,
      { id: placed.session_id },
    );
    expect(allVolunteers.map((v) => v.id)).toContain(placed.volunteer_id);
    expect(allVolunteers.every((v) => v.session?.center.name === placed.center_name)).toBe(true);
  });

  it('but the 92 centre and session stay out of the 75 referent’s own lists and direct reads', async () => {
    const result = await dept75.ok<{ Session: unknown; CohesionCenter: unknown; allCohesionCenters: { id: string }[] }>(
      `query($s: ID!, $c: ID!) { Session(id: $s) { id } CohesionCenter(id: $c) { id } allCohesionCenters(perPage: 1000) { id } }`,
      { s: placed.session_id, c: placed.center_id },
    );
    expect(result.Session).toBeNull();
    expect(result.CohesionCenter).toBeNull();
    expect(result.allCohesionCenters.map((c) => c.id)).not.toContain(placed.center_id);
  });

  it('the 92 referent sees its session but not the Paris volunteer inside it', async () => {
    const { Session } = await dept92.ok<{ Session: { id: string; volunteers: { id: string; department: { code: string } }[] } }>(
      `query($id: ID!) { Session(id: $id) { id volunteers { id department { code } } } }`,
      { id: placed.session_id },
    );
    expect(Session.id).toBe(placed.session_id);
    expect(Session.volunteers.map((v) => v.id)).not.toContain(placed.volunteer_id);
    expect(Session.volunteers.every((v) => v.department.code === '92')).toBe(true);
    const direct = await dept92.ok<{ Volunteer: unknown }>(`query($id: ID!) { Volunteer(id: $id) { id } }`, { id: placed.volunteer_id });
    expect(direct.Volunteer).toBeNull();
  });

  it('a department’s centres, read through another department, follow the centres’ own scope', async () => {
    const [{ id: dept92Id }] = await app.sql<{ id: string }>(`select id from department where code = '92'`);
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from cohesion_center where department_id = $1', [dept92Id]);
    expect(n).toBeGreaterThan(0);
    const query = `query($id: ID!) { Department(id: $id) { code centers { id } } }`;
    const seenBy75 = await dept75.ok<{ Department: { code: string; centers: unknown[] } }>(query, { id: dept92Id });
    const seenBy92 = await dept92.ok<{ Department: { code: string; centers: unknown[] } }>(query, { id: dept92Id });
    expect(seenBy75.Department).toEqual({ code: '92', centers: [] });
    expect(seenBy92.Department.centers).toHaveLength(n);
  });

  it('the head of centre sees the volunteers of its session only', async () => {
    const head = await loggedIn(app.url, 'head-center@demo.snu.test');
    const expected = await app.sql<{ id: string }>(
      `select v.id from volunteer v join session s on s.id = v.session_id join staff_user u on u.id = s.head_center_id
       where u.email = 'head-center@demo.snu.test' order by v.id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const { allVolunteers } = await head.ok<{ allVolunteers: { id: string; sessionId: string }[] }>('{ allVolunteers(perPage: 1000) { id sessionId } }');
    expect(allVolunteers.map((v) => v.id).sort()).toEqual(expected.map((v) => v.id));
  });
});
