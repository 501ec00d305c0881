import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/database/seeds/demo.seed';
import { createMailer } from '../../server/jobs/mailer';
import { GraphQLClient, loggedIn } from '../setup/graphql-client';
import { capturedLog } from '../setup/captured-log';
import { startTestApp, type TestApp } from '../setup/test-app';

interface VolunteerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  birth_date: string;
  address: string;
  guardian1_email: string | null;
  version: number;
}

/** The request log of a whole review day holds no personal data, password or session token. */
describe('request log of a review workflow', () => {
  let app: TestApp;
  const log = capturedLog('debug');
  beforeAll(async () => {
    app = await startTestApp({ logger: log.logger, jobs: { mailer: createMailer(undefined) } });
  });
  afterAll(async () => app?.close());

  it('one line per request with id, user, operation and status; no name, e-mail, birth date, address, password or token', async () => {
    const files = await app.sql<VolunteerRow>(
      `select v.id, v.first_name, v.last_name, v.email, v.birth_date::text, v.address, v.guardian1_email, v.version
         from volunteer v join department d on d.id = v.department_id
        where d.code = '75' and v.status = 'WAITING_VALIDATION' order by v.created_at limit 3`,
    );
    const [toValidate, toCorrect, toRefuse] = files;
    const staffEmail = 'dept-75@demo.snu.test';

    // A wrong password first, then the right one.
    const anonymous = new GraphQLClient(app.url);
    await anonymous.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: staffEmail, p: 'Mauvais-mot-de-passe-42!' });
    const referent = await loggedIn(app.url, staffEmail);
    const token = referent.cookie!.split('=')[1];

    await referent.ok('query($f: VolunteerFilter) { allVolunteers(filter: $f) { id lastName } }', { f: { q: toValidate.last_name } });
    await referent.ok('query($id: ID!) { Volunteer(id: $id) { id firstName lastName email birthDate address } }', { id: toValidate.id });
    await referent.ok('mutation($id: ID!, $c: String!) { createNote(volunteerId: $id, content: $c) { id } }', { id: toValidate.id, c: `Appelé ${toValidate.first_name} ${toValidate.last_name} au ${toValidate.address}` });
    await referent.ok('mutation($id: ID!, $v: Int) { validateVolunteer(id: $id, version: $v) { id } }', { id: toValidate.id, v: toValidate.version });
    await referent.ok('mutation($id: ID!, $m: String, $r: [CorrectionRequestInput!]!) { requestVolunteerCorrections(id: $id, message: $m, requests: $r) { id } }', {
      id: toCorrect.id,
      m: `Bonjour ${toCorrect.first_name}, merci de corriger.`,
      r: [{ field: 'birthDate', reason: 'INCORRECT', message: `${toCorrect.birth_date} ne correspond pas` }],
    });
    await referent.ok('mutation($id: ID!, $m: String!) { refuseVolunteer(id: $id, reason: OTHER, message: $m) { id } }', { id: toRefuse.id, m: `Dossier de ${toRefuse.last_name} incomplet` });
    const csv = await fetch(`${app.url}/exports/volunteers.csv?filter=${encodeURIComponent(JSON.stringify({ q: toRefuse.last_name }))}`, { headers: { cookie: referent.cookie! } });
    expect(await csv.text()).toContain(toRefuse.last_name);
    // Let the e-mails go out through the job queue (their delivery is logged too).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await referent.ok('mutation { logout }');

    const requests = log.lines().filter((l) => l.msg === 'requête');
    expect(requests.length).toBeGreaterThanOrEqual(10);
    const [userRow] = await app.sql<{ id: string }>(`select id from staff_user where email = $1`, [staffEmail]);
    const validation = requests.find((l) => String(l.operation).includes('validateVolunteer'));
    expect(validation).toMatchObject({ userId: userRow.id, res: { status: 200 }, req: { method: 'POST', path: '/graphql' } });
    expect(typeof validation?.reqId).toBe('string');
    expect(typeof validation?.responseTime).toBe('number');
    expect(requests.find((l) => (l.req as { path: string }).path === '/exports/volunteers.csv')).toMatchObject({ userId: userRow.id, res: { status: 200 } });

    const secrets = [staffEmail, DEMO_PASSWORD, 'Mauvais-mot-de-passe-42!', token];
    for (const file of files) secrets.push(file.first_name, file.last_name, file.email, file.birth_date, file.address, ...(file.guardian1_email ? [file.guardian1_email] : []));
    const written = log.text();
    for (const secret of secrets) expect(written, `log contains « ${secret} »`).not.toContain(secret);
  }, 60_000);
});
