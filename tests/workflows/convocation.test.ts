import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../server/jobs/mailer';
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
