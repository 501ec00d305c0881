import { afterAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../server/jobs/mailer';
import { loggedIn } from '../setup/graphql-client';
import { createVolunteer } from '../setup/fixtures';
import { until } from '../setup/processes';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Background e-mails are rows and PostgreSQL jobs: they outlive the process that queued them, and go out once. */
describe('e-mails across a restart', () => {
  const opened: TestApp[] = [];
  afterAll(async () => {
    for (const app of opened.reverse()) await app.close();
  });

  it('queued by an instance that does not deliver, sent by another started later, once, and not again after its restart', async () => {
    const delivered: OutgoingEmail[] = [];
    const mailer: Mailer = { send: async (email) => (delivered.push(email), { record: 'captured' }) };
    // The first instance only enqueues (as an HTTP-only instance, RUN_JOBS=false, does).
    const first = await startTestApp({ jobs: { mailer, work: false } });
    const id = await createVolunteer(first, '75', 'WAITING_VALIDATION');
    const referent = await loggedIn(first.url, 'dept-75@demo.snu.test');
    await referent.ok('mutation($id: ID!) { validateVolunteer(id: $id) { id } }', { id });
    const recipients = (await first.sql<{ recipient: string }>('select recipient from email_message where volunteer_id = $1', [id])).map((r) => r.recipient).sort();
    expect(recipients).toHaveLength(2);
    expect(delivered).toEqual([]);
    opened.push(first);
    // Nothing was sent: the messages wait in PostgreSQL for an instance that delivers.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(delivered).toEqual([]);
    const second = await startTestApp({ shareDatabaseOf: first, jobs: { mailer } });
    opened.push(second);
    await until(async () => {
      const rows = await second.sql<{ status: string }>('select status from email_message where volunteer_id = $1', [id]);
      return rows.every((r) => r.status === 'SENT') ? true : undefined;
    }, 30_000);
    expect(delivered.map((m) => m.to).sort()).toEqual(recipients);

    // A restart of the delivering instance sends nothing again.
    await second.close();
    opened.splice(opened.indexOf(second), 1);
    const third = await startTestApp({ shareDatabaseOf: first, jobs: { mailer } });
    opened.push(third);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(delivered.map((m) => m.to).sort()).toEqual(recipients);
  }, 90_000);
});
