import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/session.service';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';

const VALIDATE = 'mutation($id: ID!, $version: Int, $force: Boolean) { validateVolunteer(id: $id, version: $version, force: $force) { id status version phase1Status } }';
const BULK = 'mutation($ids: [ID!]!) { validateVolunteers(ids: $ids) { succeeded failed { id code message } } }';
const BULK_CODES = 'mutation($ids: [ID!]!) { validateVolunteers(ids: $ids) { succeeded failed { id code } } }';

describe('review rules: scope, windows, goals, concurrency, audit, bad input', () => {
  let app: TestApp;
  let dept75: GraphQLClient;
  let dept92: GraphQLClient;
  let region11: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp();
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
    dept92 = await loggedIn(app.url, 'dept-92@demo.snu.test');
    region11 = await loggedIn(app.url, 'region-11@demo.snu.test');
    admin = await loggedIn(app.url, 'admin@demo.snu.test');
  });
  afterAll(async () => app?.close());

  const statusOf = async (id: string) => (await app.sql<{ status: string; version: number }>('select status, version from volunteer where id = $1', [id]))[0];

  it('a 92 referent acting on a 75 file gets NOT_FOUND, exactly like a random id', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const outOfScope = await dept92.request(VALIDATE, { id });
    const random = await dept92.request(VALIDATE, { id: '6f1c2f4e-8a0b-4c5d-9e6f-7a8b9c0d1e2f' });
    expect(errorCode(outOfScope)).toBe('NOT_FOUND');
    expect(outOfScope.errors?.[0].message).toBe(random.errors?.[0].message);
    expect((await statusOf(id)).status).toBe('WAITING_VALIDATION');
  });

  it('bulk: out-of-scope ids fail as NOT_FOUND while the others succeed', async () => {
    const mine = [await createVolunteer(app, '92', 'WAITING_VALIDATION'), await createVolunteer(app, '92', 'WAITING_VALIDATION')];
    const notMine = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const alreadyValidated = await createVolunteer(app, '92', 'VALIDATED');
    const { validateVolunteers } = await dept92.ok<{ validateVolunteers: { succeeded: string[]; failed: { id: string; code: string; message: string }[] } }>(BULK, {
      ids: [mine[0], notMine, mine[1], alreadyValidated],
    });
    expect(validateVolunteers.succeeded.sort()).toEqual([...mine].sort());
    expect(validateVolunteers.failed).toEqual([
      { id: notMine, code: 'NOT_FOUND', message: expect.stringMatching(/introuvable/) },
      { id: alreadyValidated, code: 'INVALID_TRANSITION', message: expect.stringMatching(/Validé/) },
    ]);
    expect((await statusOf(notMine)).status).toBe('WAITING_VALIDATION');
    expect((await statusOf(mine[0])).status).toBe('VALIDATED');
  });

  it('after the instruction end date a department referent gets WINDOW_CLOSED; a regional manager still validates', async () => {
    const [cohort] = await app.sql<{ id: string }>(
      `insert into cohort (id, name, start_date, end_date, registration_start_date, registration_end_date, instruction_end_date, status)
       values (gen_random_uuid(), 'Séjour clos (test)', '2027-04-01', '2027-04-13', '2026-09-01', '2026-10-01', '2026-10-15', 'PUBLISHED') returning id`,
    );
    const a = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const b = await createVolunteer(app, '75', 'WAITING_VALIDATION', { cohortId: cohort.id });
    const closed = await dept75.request(VALIDATE, { id: a });
    expect(errorCode(closed)).toBe('WINDOW_CLOSED');
    expect(closed.errors?.[0].message).toMatch(/15\/10\/2026/);
    expect((await statusOf(a)).status).toBe('WAITING_VALIDATION');
    expect((await region11.ok<{ validateVolunteer: { status: string } }>(VALIDATE, { id: b })).validateVolunteer.status).toBe('VALIDATED');
  });

  it('with one place left in the goal, 20 concurrent validations produce exactly one success', async () => {
    const cohortId = await openCohortId(app);
    const [{ n }] = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '93' and v.cohort_id = $1 and v.status = 'VALIDATED'`,
      [cohortId],
    );
    await app.sql(`delete from inscription_goal where cohort_id = $1 and department_id = (select id from department where code = '93')`, [cohortId]);
    await app.sql(`insert into inscription_goal (id, cohort_id, department_id, max) select gen_random_uuid(), $1, id, $2 from department where code = '93'`, [cohortId, n + 1]);
    const ids = await Promise.all(Array.from({ length: 20 }, () => createVolunteer(app, '93', 'WAITING_VALIDATION')));
    // Signed in one after the other (20 logins racing on one account would be throttled), then racing.
    const clients: GraphQLClient[] = [];
    for (let i = 0; i < ids.length; i++) clients.push(await loggedIn(app.url, 'region-11@demo.snu.test'));
    const results = await Promise.all(ids.map((id, i) => clients[i].request(VALIDATE, { id })));
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'GOAL_REACHED')).toHaveLength(19);
    expect(results.find((r) => errorCode(r) === 'GOAL_REACHED')?.errors?.[0].message).toMatch(/liste complémentaire/);
    const [{ after }] = await app.sql<{ after: number }>(
      `select count(*)::int as after from volunteer v join department d on d.id = v.department_id where d.code = '93' and v.cohort_id = $1 and v.status = 'VALIDATED'`,
      [cohortId],
    );
    expect(after).toBe(n + 1);
    // Only an admin may force past the goal; a referent asking to force is refused.
    expect(errorCode(await region11.request(VALIDATE, { id: ids.find((_, i) => errorCode(results[i]) === 'GOAL_REACHED'), force: true }))).toBe('FORBIDDEN');
    const forced = await admin.request<{ validateVolunteer: { status: string } }>(VALIDATE, { id: ids.find((_, i) => errorCode(results[i]) === 'GOAL_REACHED'), force: true });
    expect(forced.data?.validateVolunteer.status).toBe('VALIDATED');
  });

  it('bulk validation respects each department’s goal: with 2 places left in 93, 2 of 5 pass; 92 files still pass', async () => {
    const cohortId = await openCohortId(app);
    const [{ n }] = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '93' and v.cohort_id = $1 and v.status = 'VALIDATED'`,
      [cohortId],
    );
    await app.sql(`update inscription_goal set max = $2 where cohort_id = $1 and department_id = (select id from department where code = '93')`, [cohortId, n + 2]);
    const in93 = await Promise.all(Array.from({ length: 5 }, () => createVolunteer(app, '93', 'WAITING_VALIDATION')));
    const in92 = await createVolunteer(app, '92', 'WAITING_VALIDATION');
    const { validateVolunteers } = await region11.ok<{ validateVolunteers: { succeeded: string[]; failed: { id: string; code: string }[] } }>(BULK_CODES, { ids: [...in93, in92] });
    expect(validateVolunteers.succeeded).toEqual([in93[0], in93[1], in92]);
    expect(validateVolunteers.failed).toEqual(in93.slice(2).map((id) => ({ id, code: 'GOAL_REACHED' })));
    const [{ after }] = await app.sql<{ after: number }>(
      `select count(*)::int as after from volunteer v join department d on d.id = v.department_id where d.code = '93' and v.cohort_id = $1 and v.status = 'VALIDATED'`,
      [cohortId],
    );
    expect(after).toBe(n + 2);
    const [{ audits }] = await app.sql<{ audits: number }>(`select count(*)::int as audits from audit_event where record_id = any($1)`, [[...in93, in92]]);
    expect(audits).toBe(3);
  });

  it('50 concurrent actions on one file: exactly one succeeds, version increments once', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const clients = await Promise.all(Array.from({ length: 5 }, () => loggedIn(app.url, 'dept-75@demo.snu.test')));
    const mutations = [
      VALIDATE,
      'mutation($id: ID!, $version: Int) { putVolunteerOnWaitingList(id: $id, version: $version) { id } }',
      'mutation($id: ID!, $version: Int) { refuseVolunteer(id: $id, reason: OTHER, message: "Dossier incomplet", version: $version) { id } }',
    ];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => clients[i % 5].request(mutations[i % 3], { id, version: 1 })));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(errorCode(r));
    const after = await statusOf(id);
    expect(after.version).toBe(2);
    expect(['VALIDATED', 'WAITING_LIST', 'REFUSED']).toContain(after.status);
    const [{ audits }] = await app.sql<{ audits: number }>(`select count(*)::int as audits from audit_event where record_id = $1`, [id]);
    expect(audits).toBe(1);
  });

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION', { version: 3 });
    const stale = await dept75.request(VALIDATE, { id, version: 2 });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/rechargez/);
    expect(await statusOf(id)).toEqual({ status: 'WAITING_VALIDATION', version: 3 });
  });

  it('the audit event records old and new values, and both users when impersonating', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await dept75.ok('mutation($id: ID!) { refuseVolunteer(id: $id, reason: NOT_FRENCH, message: "Nationalité requise") { id } }', { id });
    const { allAuditEvents } = await dept75.ok<{ allAuditEvents: { action: string; actor: { email: string }; impersonator: null; changes: Record<string, { old: unknown; new: unknown }> }[] }>(
      'query($id: ID!) { allAuditEvents(filter: { recordId: $id }) { action actor { email } impersonator { email } changes } }',
      { id },
    );
    expect(allAuditEvents).toHaveLength(1);
    expect(allAuditEvents[0]).toMatchObject({ action: 'VOLUNTEER_REFUSE', actor: { email: 'dept-75@demo.snu.test' }, impersonator: null });
    expect(allAuditEvents[0].changes).toMatchObject({
      status: { old: 'WAITING_VALIDATION', new: 'REFUSED' },
      refusalReason: { old: null, new: 'NOT_FRENCH' },
      refusalMessage: { old: null, new: 'Nationalité requise' },
    });
    // dept-92 cannot read this history.
    const hidden = await dept92.ok<{ allAuditEvents: unknown[] }>('query($id: ID!) { allAuditEvents(filter: { recordId: $id }) { id } }', { id });
    expect(hidden.allAuditEvents).toEqual([]);

    // An admin acting as the 75 referent: both are recorded.
    const [ids] = await app.sql<{ dept: string; admin: string }>(
      `select (select id from staff_user where email = 'dept-75@demo.snu.test') as dept, (select id from staff_user where email = 'admin@demo.snu.test') as admin`,
    );
    const session = await createSession(app.orm.em.fork(), ids.dept, { ttlHours: 1, secret: app.config.sessionSecret, impersonatorId: ids.admin });
    const impersonating = new GraphQLClient(app.url);
    impersonating.cookie = `snu_session=${session.cookieValue}`;
    const other = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await impersonating.ok(VALIDATE, { id: other });
    const [event] = await app.sql<{ actor: string; impersonator: string }>(
      `select a.email as actor, i.email as impersonator from audit_event e join staff_user a on a.id = e.actor_id join staff_user i on i.id = e.impersonator_id where e.record_id = $1`,
      [other],
    );
    expect(event).toEqual({ actor: 'dept-75@demo.snu.test', impersonator: 'admin@demo.snu.test' });
  });

  it('correction requests: remind, then correct the last one and the file returns to waiting for validation', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const requested = await dept75.ok<{ requestVolunteerCorrections: { status: string; correctionRequests: { id: string; field: string; status: string; message: string | null }[] } }>(
      `mutation($id: ID!) { requestVolunteerCorrections(id: $id, message: "Merci de reprendre ces éléments.", requests: [{ field: "identityDocument", reason: UNREADABLE }, { field: "zip", reason: INCORRECT, message: "Code postal d’une autre commune" }]) {
        status correctionRequests { id field status message } } }`,
      { id },
    );
    expect(requested.requestVolunteerCorrections.status).toBe('WAITING_CORRECTION');
    const [first, second] = requested.requestVolunteerCorrections.correctionRequests;
    expect([first.status, second.status]).toEqual(['SENT', 'SENT']);
    // A field without its own message keeps the request's message; one with its own keeps that.
    const messages = Object.fromEntries(requested.requestVolunteerCorrections.correctionRequests.map((r) => [r.field, r.message]));
    expect(messages).toEqual({ identityDocument: 'Merci de reprendre ces éléments.', zip: 'Code postal d’une autre commune' });
    expect((await dept75.ok<{ remindCorrectionRequest: { status: string } }>('mutation($id: ID!) { remindCorrectionRequest(id: $id) { status } }', { id: first.id })).remindCorrectionRequest.status).toBe('REMINDED');
    expect(errorCode(await dept92.request('mutation($id: ID!) { cancelCorrectionRequest(id: $id) { status } }', { id: first.id }))).toBe('NOT_FOUND');
    await dept75.ok('mutation($id: ID!) { cancelCorrectionRequest(id: $id) { status } }', { id: first.id });
    expect((await statusOf(id)).status).toBe('WAITING_CORRECTION');
    await dept75.ok('mutation($id: ID!) { markCorrectionRequestCorrected(id: $id) { status } }', { id: second.id });
    expect((await statusOf(id)).status).toBe('WAITING_VALIDATION');
    expect(errorCode(await dept75.request('mutation($id: ID!) { remindCorrectionRequest(id: $id) { status } }', { id: second.id }))).toBe('INVALID_TRANSITION');
    const templates = await app.sql<{ template: string }>('select template from email_message where volunteer_id = $1 order by created_at', [id]);
    expect(templates.map((t) => t.template)).toEqual(['VOLUNTEER_CORRECTION_REQUESTED', 'VOLUNTEER_CORRECTION_REQUESTED', 'VOLUNTEER_CORRECTION_REMINDER']);
  });

  it('notes: a referent adds a note in scope; another department cannot', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const { createNote } = await dept75.ok<{ createNote: { id: string; content: string; author: { email: string } } }>(
      'mutation($id: ID!) { createNote(volunteerId: $id, content: "Appeler la famille lundi") { id content author { email } } }',
      { id },
    );
    expect(createNote).toMatchObject({ content: 'Appeler la famille lundi', author: { email: 'dept-75@demo.snu.test' } });
    expect(errorCode(await dept92.request('mutation($id: ID!) { createNote(volunteerId: $id, content: "x") { id } }', { id }))).toBe('NOT_FOUND');
    expect(errorCode(await dept75.request('mutation($id: ID!) { createNote(volunteerId: $id, content: "   ") { id } }', { id }))).toBe('BAD_USER_INPUT');
  });

  describe('bad input: a precise French error, nothing changed', () => {
    const cases: Array<[string, string, (id: string) => Record<string, unknown>, RegExp]> = [
      ['unknown refusal reason', 'mutation($id: ID!) { refuseVolunteer(id: $id, reason: BECAUSE, message: "x") { id } }', (id) => ({ id }), /BECAUSE/],
      ['empty refusal message', 'mutation($id: ID!) { refuseVolunteer(id: $id, reason: OTHER, message: "  ") { id } }', (id) => ({ id }), /message.*obligatoire/i],
      ['unknown field in a correction', 'mutation($id: ID!) { requestVolunteerCorrections(id: $id, requests: [{ field: "shoeSize", reason: OTHER }]) { id } }', (id) => ({ id }), /shoeSize.*n’existe pas/],
      ['no correction at all', 'mutation($id: ID!) { requestVolunteerCorrections(id: $id, requests: []) { id } }', (id) => ({ id }), /au moins un champ/],
      ['empty withdrawal reason', 'mutation($id: ID!) { withdrawVolunteer(id: $id, reason: "") { id } }', (id) => ({ id }), /motif/i],
      ['1,001 ids in a bulk call', BULK, (id) => ({ ids: [id, ...Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)] }), /Au plus 1000/],
      ['a duplicate id in a bulk call', BULK, (id) => ({ ids: [id, id] }), /plusieurs fois/],
      ['a malformed id in a bulk call', BULK, (id) => ({ ids: [id, 'nope'] }), /identifiant/i],
    ];
    for (const [label, mutation, variables, message] of cases) {
      it(label, async () => {
        const id = await createVolunteer(app, '75', label.includes('withdrawal') ? 'VALIDATED' : 'WAITING_VALIDATION');
        const before = await statusOf(id);
        const result = await dept75.request(mutation, variables(id));
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].message).toMatch(message);
        expect(await statusOf(id)).toEqual(before);
      });
    }
  });
});
