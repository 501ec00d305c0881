import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolunteer } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * National staff create, edit and archive cohorts and set their departmental goals, through HTTP:
 * date rules in French, the per-role windows, an archived cohort read-only for all but admins.
 */
describe('cohorts: create, edit, archive, goals', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let region11: GraphQLClient;
  let dept75: GraphQLClient;
  const dep: Record<string, string> = {};

  const FIELDS = 'id name status version startDate endDate instructionEndDate manualAssignmentOpenForRegion sessionEditingOpenForRegion';
  const CREATE = `mutation($input: CohortInput!) { m: createCohort(input: $input) { ${FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $input: CohortInput!, $version: Int) { m: updateCohort(id: $id, input: $input, version: $version) { ${FIELDS} } }`;
  const ARCHIVE = `mutation($id: ID!) { m: archiveCohort(id: $id) { ${FIELDS} } }`;
  const GOALS = `mutation($cohortId: ID!, $goals: [InscriptionGoalInput!]!) { m: setInscriptionGoals(cohortId: $cohortId, goals: $goals) { max department { code } } }`;
  const VALIDATE = `mutation($id: ID!) { m: validateVolunteer(id: $id) { status } }`;
  const SESSION = `mutation($input: SessionInput!) { m: createSession(input: $input) { id } }`;

  type CohortRow = { id: string; name: string; status: string; version: number; startDate: string; manualAssignmentOpenForRegion: boolean; sessionEditingOpenForRegion: boolean };

  /** A valid cohort whose stay is well ahead of any test date: dates relative to the seeding day. */
  const input = (extra: Record<string, unknown> = {}) => {
    const day = (offset: number) => new Date(app.seededAt.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    return {
      name: `Séjour de test ${randomUUID().slice(0, 8)}`,
      registrationStartDate: day(-10),
      registrationEndDate: day(30),
      instructionEndDate: day(40),
      startDate: day(60),
      endDate: day(72),
      ...extra,
    };
  };
  const create = async (extra: Record<string, unknown> = {}) => (await admin.ok<{ m: CohortRow }>(CREATE, { input: input(extra) })).m;
  const counts = async () => (await app.sql<{ cohorts: number; events: number }>(`select (select count(*)::int from cohort) as cohorts, (select count(*)::int from audit_event) as events`))[0];

  beforeAll(async () => {
    app = await startTestApp();
    [admin, region11, dept75] = await Promise.all(['admin@demo.snu.test', 'region-11@demo.snu.test', 'dept-75@demo.snu.test'].map((e) => loggedIn(app.url, e)));
    for (const d of await app.sql<{ id: string; code: string }>(`select id, code from department where code in ('75', '92', '69')`)) dep[d.code] = d.id;
  });
  afterAll(async () => app?.close());

  it('an admin creates a cohort, then edits its windows; both are audited with old → new', async () => {
    const cohort = await create();
    expect(cohort).toMatchObject({ status: 'PUBLISHED', version: 1, manualAssignmentOpenForRegion: false, sessionEditingOpenForRegion: true });
    const edited = (await admin.ok<{ m: CohortRow }>(UPDATE, { id: cohort.id, version: 1, input: { ...input({ name: cohort.name }), manualAssignmentOpenForRegion: true } })).m;
    expect(edited).toMatchObject({ version: 2, manualAssignmentOpenForRegion: true });
    const events = await app.sql<{ action: string; changes: Record<string, { old: unknown; new: unknown }>; actor: string }>(
      `select e.action, e.changes, u.email as actor from audit_event e join staff_user u on u.id = e.actor_id where e.record_id = $1 order by e.created_at`,
      [cohort.id],
    );
    expect(events.map((e) => e.action)).toEqual(['COHORT_CREATED', 'COHORT_UPDATED']);
    expect(events[0]!.changes.name).toEqual({ old: null, new: cohort.name });
    expect(events[1]!.changes).toEqual({ manualAssignmentOpenForRegion: { old: false, new: true } });
    expect(events.every((e) => e.actor === 'admin@demo.snu.test')).toBe(true);
    // A stale version is a conflict.
    const stale = await admin.request(UPDATE, { id: cohort.id, version: 1, input: input({ name: cohort.name }) });
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it('refuses bad dates, a taken name and other roles with precise French errors, writing nothing', async () => {
    const taken = await create();
    const before = await counts();
    const cases: Array<[string, GraphQLClient, Record<string, unknown>, string, RegExp]> = [
      ['a day that does not exist', admin, { startDate: '2031-02-30' }, 'BAD_USER_INPUT', /Le début du séjour doit être une date du calendrier/],
      ['not a date', admin, { endDate: 'demain' }, 'BAD_USER_INPUT', /La fin du séjour doit être une date/],
      ['a stay ending before it starts', admin, { endDate: input().startDate }, 'BAD_USER_INPUT', /La fin du séjour .* doit être après son début/],
      ['a stay of 40 days', admin, { endDate: new Date(Date.parse(input().startDate) + 40 * 86_400_000).toISOString().slice(0, 10) }, 'BAD_USER_INPUT', /au plus 31 jours/],
      ['instruction ending after the stay starts', admin, { instructionEndDate: input().endDate }, 'BAD_USER_INPUT', /La fin de l’instruction .* doit précéder le début du séjour/],
      ['registration closing after the stay starts', admin, { registrationEndDate: input().startDate }, 'BAD_USER_INPUT', /Les inscriptions doivent être closes avant le début du séjour/],
      ['registration closing before it opens', admin, { registrationEndDate: input().registrationStartDate, registrationStartDate: input().registrationEndDate }, 'BAD_USER_INPUT', /La clôture des inscriptions .* doit suivre leur ouverture/],
      ['an empty name', admin, { name: '  ' }, 'BAD_USER_INPUT', /Le nom du séjour est obligatoire/],
      ['a name already taken (any case)', admin, { name: taken.name.toUpperCase() }, 'BAD_USER_INPUT', /Un séjour s’appelle déjà/],
      ['a regional manager', region11, {}, 'FORBIDDEN', /Votre rôle ne permet pas/],
      ['a department referent', dept75, {}, 'FORBIDDEN', /Votre rôle ne permet pas/],
    ];
    for (const [label, client, extra, code, message] of cases) {
      const response = await client.request(CREATE, { input: input(extra) });
      expect(errorCode(response), label).toBe(code);
      expect(response.errors?.[0]?.message, label).toMatch(message);
    }
    const update = await admin.request(UPDATE, { id: taken.id, input: input({ name: taken.name, instructionEndDate: input().startDate }) });
    expect(errorCode(update)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect(await app.sql('select version, instruction_end_date::text as d from cohort where id = $1', [taken.id])).toEqual([{ version: 1, d: input().instructionEndDate }]);
  });

  it('the session-editing window closes sessions to regional managers, not to admins', async () => {
    const cohort = await create({ sessionEditingOpenForRegion: false });
    const [center] = await app.sql<{ id: string }>(`select id from cohesion_center where department_id = $1 limit 1`, [dep['92']]);
    const refused = await region11.request(SESSION, { input: { cohortId: cohort.id, centerId: center!.id, placesTotal: 10 } });
    expect(errorCode(refused)).toBe('WINDOW_CLOSED');
    expect(refused.errors?.[0]?.message).toMatch(/La modification des sessions du séjour .* est fermée aux référents régionaux/);
    await admin.ok(SESSION, { input: { cohortId: cohort.id, centerId: center!.id, placesTotal: 10 } });
  });

  it('archiving freezes the cohort for everyone but admins; archiving twice is refused', async () => {
    const cohort = await create();
    const first = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const second = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const [center] = await app.sql<{ id: string }>(`select id from cohesion_center where department_id = $1 limit 1`, [dep['92']]);
    expect(errorCode(await region11.request(ARCHIVE, { id: cohort.id }))).toBe('FORBIDDEN');
    const archived = (await admin.ok<{ m: CohortRow }>(ARCHIVE, { id: cohort.id })).m;
    expect(archived).toMatchObject({ status: 'ARCHIVED', version: 2 });
    const again = await admin.request(ARCHIVE, { id: cohort.id });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toBe(`Le séjour « ${cohort.name} » est déjà archivé.`);

    const refused = await dept75.request(VALIDATE, { id: first });
    expect(errorCode(refused)).toBe('WINDOW_CLOSED');
    expect(refused.errors?.[0]?.message).toMatch(/est archivé : ses dossiers ne peuvent plus être modifiés que par l’administration nationale/);
    expect(errorCode(await region11.request(SESSION, { input: { cohortId: cohort.id, centerId: center!.id, placesTotal: 10 } }))).toBe('WINDOW_CLOSED');
    const bulk = await region11.ok<{ m: { succeeded: string[]; failed: Array<{ id: string; code: string }> } }>(`mutation($ids: [ID!]!) { m: validateVolunteers(ids: $ids) { succeeded failed { id code } } }`, { ids: [second] });
    expect(bulk.m).toEqual({ succeeded: [], failed: [{ id: second, code: 'WINDOW_CLOSED' }] });
    expect(await app.sql('select status from volunteer where id = any($1::uuid[]) order by id', [[first, second]])).toEqual([{ status: 'WAITING_VALIDATION' }, { status: 'WAITING_VALIDATION' }]);
    // National staff still correct an archived cohort's records.
    expect((await admin.ok<{ m: { status: string } }>(VALIDATE, { id: first })).m.status).toBe('VALIDATED');
    const [event] = await app.sql<{ action: string; changes: unknown }>(`select action, changes from audit_event where record_id = $1 and action = 'COHORT_ARCHIVED'`, [cohort.id]);
    expect(event).toEqual({ action: 'COHORT_ARCHIVED', changes: { status: { old: 'PUBLISHED', new: 'ARCHIVED' } } });
  });

  it('an admin sets departmental goals; validations stop at the goal; an empty goal removes it', async () => {
    const cohort = await create();
    const set = await admin.ok<{ m: Array<{ max: number; department: { code: string } }> }>(GOALS, { cohortId: cohort.id, goals: [{ departmentId: dep['75'], max: 1 }, { departmentId: dep['92'], max: 50 }] });
    expect(set.m).toEqual([{ max: 1, department: { code: '75' } }, { max: 50, department: { code: '92' } }]);
    const [a, b] = [await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id }), await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id })];
    await dept75.ok(VALIDATE, { id: a });
    expect(errorCode(await dept75.request(VALIDATE, { id: b }))).toBe('GOAL_REACHED');
    const removed = await admin.ok<{ m: Array<{ department: { code: string } }> }>(GOALS, { cohortId: cohort.id, goals: [{ departmentId: dep['75'], max: null }] });
    expect(removed.m.map((g) => g.department.code)).toEqual(['92']);
    expect((await dept75.ok<{ m: { status: string } }>(VALIDATE, { id: b })).m.status).toBe('VALIDATED');
    const events = await app.sql<{ changes: unknown; code: string }>(
      `select e.changes, d.code from audit_event e join department d on d.id = e.department_id where e.record_id = $1 and e.action = 'INSCRIPTION_GOAL_SET' order by e.created_at, d.code`,
      [cohort.id],
    );
    expect(events).toEqual([
      { changes: { max: { old: null, new: 1 } }, code: '75' },
      { changes: { max: { old: null, new: 50 } }, code: '92' },
      { changes: { max: { old: 1, new: null } }, code: '75' },
    ]);

    const before = await app.sql('select department_id, max from inscription_goal where cohort_id = $1 order by department_id', [cohort.id]);
    const cases: Array<[string, GraphQLClient, Record<string, unknown>, string]> = [
      ['a regional manager', region11, { cohortId: cohort.id, goals: [{ departmentId: dep['92'], max: 5 }] }, 'FORBIDDEN'],
      ['a negative goal', admin, { cohortId: cohort.id, goals: [{ departmentId: dep['92'], max: -1 }] }, 'BAD_USER_INPUT'],
      ['a department twice', admin, { cohortId: cohort.id, goals: [{ departmentId: dep['92'], max: 5 }, { departmentId: dep['92'], max: 6 }] }, 'BAD_USER_INPUT'],
      ['a department that does not exist', admin, { cohortId: cohort.id, goals: [{ departmentId: dep['69'], max: 5 }, { departmentId: randomUUID(), max: 5 }] }, 'NOT_FOUND'],
      ['a cohort that does not exist', admin, { cohortId: randomUUID(), goals: [{ departmentId: dep['92'], max: 5 }] }, 'NOT_FOUND'],
    ];
    for (const [label, client, variables, code] of cases) {
      const response = await client.request(GOALS, variables);
      expect(errorCode(response), label).toBe(code);
      expect(response.errors?.[0]?.message, label).toMatch(/[a-zé]/);
    }
    expect(await app.sql('select department_id, max from inscription_goal where cohort_id = $1 order by department_id', [cohort.id])).toEqual(before);
  });
});
