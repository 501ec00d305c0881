import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/common/logger';
import { deliverEmail } from '../../server/jobs/jobs';
import { createMailer, type Mailer, type OutgoingEmail } from '../../server/jobs/mailer';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { pdfText } from '../setup/pdf-text';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Keeps what would have been sent. */
class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail): Promise<{ record: string }> {
    this.sent.push(email);
    return { record: 'recorded by the test' };
  }
}

/** The convocation: attached to the assignment e-mail, downloadable from the volunteer's page, in its scope. */
describe('convocation PDF', () => {
  const mailer = new RecordingMailer();
  let app: TestApp;
  let region11: GraphQLClient;
  let volunteer: string;
  let centerName: string;

  beforeAll(async () => {
    app = await startTestApp({ jobs: { mailer } });
    region11 = await loggedIn(app.url, 'region-11@demo.snu.test');
    const cohortId = await openCohortId(app);
    // A Paris volunteer, assigned to a session in 92 from a meeting point of 75 on its line.
    centerName = `Centre Convocation ${randomUUID().slice(0, 4)}`;
    const [{ id: center }] = await app.sql<{ id: string }>(
      `insert into cohesion_center (id, name, address, zip, city, department_id, capacity) select gen_random_uuid(), $1, '5 allée des Tilleuls', '92160', 'Antony', id, 100 from department where code = '92' returning id`,
      [centerName],
    );
    const [{ id: session }] = await app.sql<{ id: string }>(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 10, 10) returning id`, [cohortId, center]);
    const [{ id: point }] = await app.sql<{ id: string }>(
      `insert into meeting_point (id, name, address, zip, city, department_id) select gen_random_uuid(), 'Gare de Lyon – hall 1', 'Place Louis-Armand', '75012', 'Paris', id from department where code = '75' returning id`,
    );
    const [{ start }] = await app.sql<{ start: string }>('select start_date::text as start from cohort where id = $1', [cohortId]);
    const [{ id: line }] = await app.sql<{ id: string }>(`insert into transport_line (id, code, session_id, seats_total, seats_left) values (gen_random_uuid(), 'CV-7', $1, 10, 10) returning id`, [session]);
    await app.sql('insert into transport_line_stop (id, line_id, meeting_point_id, position, departure_at) values (gen_random_uuid(), $1, $2, 0, $3)', [line, point, `${start}T07:00:00Z`]);
    volunteer = await createVolunteer(app, '75', 'VALIDATED');
    await region11.ok('mutation($id: ID!, $s: ID!, $p: ID) { assignVolunteer(id: $id, sessionId: $s, meetingPointId: $p) { id } }', { id: volunteer, s: session, p: point });
  });
  afterAll(async () => app?.close());

  it('is attached to the convocation e-mail sent to the volunteer and the guardian', async () => {
    for (let i = 0; i < 80 && mailer.sent.filter((m) => m.subject.includes('affectation')).length < 2; i++) await new Promise((r) => setTimeout(r, 250));
    const convocations = mailer.sent.filter((m) => m.subject.includes('Votre affectation'));
    expect(convocations).toHaveLength(2);
    for (const email of convocations) {
      expect(email.attachments?.map((a) => [a.filename, a.contentType])).toEqual([['convocation-snu.pdf', 'application/pdf']]);
      const { pages, text } = await pdfText(email.attachments![0].content);
      expect(pages).toBe(1);
      expect(text).toContain(centerName);
      expect(text).toContain('Gare de Lyon – hall 1');
      expect(text).toContain('CV-7');
      expect(text).toContain('Camille Testeur');
    }
  });

  it('is downloadable by staff whose scope holds the file (the Paris referent too), not found for others', async () => {
    for (const email of ['region-11@demo.snu.test', 'dept-75@demo.snu.test']) {
      const client = await loggedIn(app.url, email);
      const response = await fetch(`${app.url}/volunteers/${volunteer}/convocation.pdf`, { headers: { cookie: client.cookie ?? '' } });
      expect(response.status, email).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect((await pdfText(new Uint8Array(await response.arrayBuffer()))).text).toContain(centerName);
    }
    const dept92 = await loggedIn(app.url, 'dept-92@demo.snu.test');
    const hidden = await fetch(`${app.url}/volunteers/${volunteer}/convocation.pdf`, { headers: { cookie: dept92.cookie ?? '' } });
    const missing = await fetch(`${app.url}/volunteers/${randomUUID()}/convocation.pdf`, { headers: { cookie: dept92.cookie ?? '' } });
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await missing.text());
    const visitor = await loggedIn(app.url, 'visitor-11@demo.snu.test');
    expect((await fetch(`${app.url}/volunteers/${volunteer}/convocation.pdf`, { headers: { cookie: visitor.cookie ?? '' } })).status).toBe(403);
    // Not assigned: no convocation yet.
    const waiting = await createVolunteer(app, '75', 'VALIDATED');
    const none = await fetch(`${app.url}/volunteers/${waiting}/convocation.pdf`, { headers: { cookie: region11.cookie ?? '' } });
    expect(none.status).toBe(400);
    expect(errorCode({ status: 400, data: null, errors: ((await none.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors })).toBe('BAD_USER_INPUT');
  });
});

/** A convocation still queued when the placement changes is never sent: the newer message replaces it. */
describe('convocation superseded before delivery', () => {
  let app: TestApp;
  const logger = createLogger({ logLevel: 'silent' });

  /** A session of the open cohort in 92 with a line from a fresh Paris meeting point. */
  async function sessionWithLine(app: TestApp, cohortId: string, name: string) {
    const [{ id: center }] = await app.sql<{ id: string }>(
      `insert into cohesion_center (id, name, address, zip, city, department_id, capacity) select gen_random_uuid(), $1, '1 rue Haute', '92160', 'Antony', id, 100 from department where code = '92' returning id`,
      [name],
    );
    const [{ id: session }] = await app.sql<{ id: string }>(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 10, 10) returning id`, [cohortId, center]);
    return session;
  }

  // No job queue: messages stay queued until the test delivers them.
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('moved, then unassigned: each earlier convocation is cancelled, not sent; the JSON transport keeps no PDF', async () => {
    const region11 = await loggedIn(app.url, 'region-11@demo.snu.test');
    const cohortId = await openCohortId(app);
    const first = await sessionWithLine(app, cohortId, `Centre Premier ${randomUUID().slice(0, 4)}`);
    const second = await sessionWithLine(app, cohortId, `Centre Second ${randomUUID().slice(0, 4)}`);
    const volunteer = await createVolunteer(app, '75', 'VALIDATED');
    const assign = 'mutation($id: ID!, $s: ID!) { assignVolunteer(id: $id, sessionId: $s) { id } }';
    await region11.ok(assign, { id: volunteer, s: first });
    await region11.ok(assign, { id: volunteer, s: second });
    const messages = async () =>
      app.sql<{ id: string; template: string; recipient_kind: string; status: string; body: string; transport_record: string | null }>(
        `select id, template, recipient_kind, status::text as status, body, transport_record from email_message where volunteer_id = $1 order by created_at, recipient_kind`,
        [volunteer],
      );
    const mailer = createMailer(undefined);
    for (const m of await messages()) await deliverEmail(app.orm, mailer, m.id, 5, logger);
    const afterMove = await messages();
    expect(afterMove.map((m) => [m.template, m.status])).toEqual([
      ['VOLUNTEER_ASSIGNED', 'CANCELLED'],
      ['VOLUNTEER_ASSIGNED', 'CANCELLED'],
      ['VOLUNTEER_ASSIGNED', 'SENT'],
      ['VOLUNTEER_ASSIGNED', 'SENT'],
    ]);
    // What was sent names the second centre, and its record keeps the attachment's name and size only.
    for (const sent of afterMove.filter((m) => m.status === 'SENT')) {
      expect(sent.body).toContain('Centre Second');
      const record = JSON.parse(sent.transport_record!) as { attachments: Array<Record<string, unknown>> };
      expect(record.attachments).toHaveLength(1);
      expect(record.attachments[0]).toMatchObject({ filename: 'convocation-snu.pdf', contentType: 'application/pdf' });
      expect(record.attachments[0].size).toBeGreaterThan(1000);
      expect(record.attachments[0]).not.toHaveProperty('content');
    }

    // Assigned again, then unassigned before delivery: no convocation goes out, the cancellation does.
    await region11.ok(assign, { id: volunteer, s: first });
    await region11.ok('mutation($id: ID!) { unassignVolunteer(id: $id) { id } }', { id: volunteer });
    const pending = (await messages()).filter((m) => m.status === 'QUEUED');
    for (const m of pending) await deliverEmail(app.orm, mailer, m.id, 5, logger);
    const done = (await messages()).filter((m) => pending.some((p) => p.id === m.id));
    expect(done.map((m) => [m.template, m.status])).toEqual([
      ['VOLUNTEER_ASSIGNED', 'CANCELLED'],
      ['VOLUNTEER_ASSIGNED', 'CANCELLED'],
      ['VOLUNTEER_UNASSIGNED', 'SENT'],
      ['VOLUNTEER_UNASSIGNED', 'SENT'],
    ]);
  });
});
