import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../server/jobs/mailer';
import { loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { createVolunteer } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';

/** A mail server that refuses the first attempts for some recipients, then accepts. */
class FlakyMailer implements Mailer {
  readonly delivered: OutgoingEmail[] = [];
  private readonly failures = new Map<string, number>();
  constructor(private readonly failFirst: number) {}
  async send(email: OutgoingEmail): Promise<{ record: string }> {
    const seen = this.failures.get(email.to) ?? 0;
    if (email.to.startsWith('flaky') && seen < this.failFirst) {
      this.failures.set(email.to, seen + 1);
      throw new Error('SMTP 451: temporary failure');
    }
    this.delivered.push(email);
    return { record: JSON.stringify(email) };
  }
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('e-mails of the review workflow', () => {
  let app: TestApp;
  let dept75: GraphQLClient;
  const mailer = new FlakyMailer(2);

  beforeAll(async () => {
    app = await startTestApp({ jobs: { mailer, retryDelaySeconds: 1, retryLimit: 4 } });
    dept75 = await loggedIn(app.url, 'dept-75@demo.snu.test');
  });
  afterAll(async () => app?.close());

  it('validation queues the French template to the volunteer and its guardian, and the queue delivers it', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await dept75.ok('mutation($id: ID!) { validateVolunteer(id: $id) { id } }', { id });
    const rows = await waitFor(
      () => app.sql<{ template: string; recipient: string; recipient_kind: string; subject: string; status: string }>('select template, recipient, recipient_kind, subject, status from email_message where volunteer_id = $1 order by recipient_kind desc', [id]),
      (r) => r.length === 2 && r.every((m) => m.status === 'SENT'),
    );
    expect(rows).toEqual([
      { template: 'VOLUNTEER_VALIDATED', recipient: 'camille.testeur@exemple.fr', recipient_kind: 'VOLUNTEER', subject: expect.stringMatching(/est validée/), status: 'SENT' },
      { template: 'VOLUNTEER_VALIDATED', recipient: 'dominique.testeur@exemple.fr', recipient_kind: 'GUARDIAN', subject: expect.stringMatching(/est validée/), status: 'SENT' },
    ]);
    expect(mailer.delivered.some((m) => m.to === 'camille.testeur@exemple.fr' && m.text.includes('Bonjour Camille Testeur'))).toBe(true);
  });

  it('a failing mail server is retried and never undoes the decision', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await app.sql(`update volunteer set email = 'flaky.volontaire@exemple.fr' where id = $1`, [id]);
    await dept75.ok('mutation($id: ID!) { putVolunteerOnWaitingList(id: $id) { id } }', { id });
    const [status] = await app.sql<{ status: string }>('select status from volunteer where id = $1', [id]);
    expect(status.status).toBe('WAITING_LIST');
    const [message] = await waitFor(
      () => app.sql<{ status: string; attempts: number; last_error: string | null }>('select status, attempts, last_error from email_message where volunteer_id = $1', [id]),
      (r) => r[0]?.status === 'SENT',
      45_000,
    );
    expect(message).toEqual({ status: 'SENT', attempts: 3, last_error: null });
    const [after] = await app.sql<{ status: string }>('select status from volunteer where id = $1', [id]);
    expect(after.status).toBe('WAITING_LIST');
  });

  it('staff read the e-mails sent to a volunteer in their scope only', async () => {
    const id = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await dept75.ok('mutation($id: ID!) { refuseVolunteer(id: $id, reason: TOO_YOUNG, message: "Vous pourrez vous inscrire l’an prochain.") { id } }', { id });
    const query = 'query($id: ID!) { allEmailMessages(filter: { volunteerId: $id }) { template subject body recipient } }';
    const mine = await dept75.ok<{ allEmailMessages: { template: string; body: string }[] }>(query, { id });
    expect(mine.allEmailMessages).toHaveLength(2);
    expect(mine.allEmailMessages[0].body).toMatch(/Trop jeune pour ce séjour/);
    const dept92 = await loggedIn(app.url, 'dept-92@demo.snu.test');
    expect((await dept92.ok<{ allEmailMessages: unknown[] }>(query, { id })).allEmailMessages).toEqual([]);
  });
});
