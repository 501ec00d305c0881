import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/database/seeds/demo.seed';
import type { Mailer, OutgoingEmail } from '../../server/jobs/mailer';
import { setClock, shiftedClock } from '../../server/kernel/clock';
import { errorCode, GraphQLClient } from '../setup/graphql-client';
import { until } from '../setup/processes';
import { startTestApp, type TestApp } from '../setup/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id email } }';
const CONFIRM = 'mutation($c: String!, $t: Boolean) { confirmLogin(code: $c, trustBrowser: $t) { id email } }';

/** LOGIN_SECOND_FACTOR=email: a code by e-mail after the password, 10 minutes, 3 tries, « trust this browser » for 30 days. */
describe('second factor by e-mail', () => {
  let app: TestApp;
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = { send: async (email) => (sent.push(email), { record: 'captured' }) };
  beforeAll(async () => {
    app = await startTestApp({ config: { loginSecondFactor: 'email' }, jobs: { mailer } });
  });
  afterAll(async () => app?.close());

  /** The code of the latest e-mail to `to`, once it has been delivered. */
  const codeSentTo = (to: string, after: number) =>
    until(() => {
      const mail = sent.slice(after).find((m) => m.to === to);
      return mail?.text.match(/est : (\d{6})/)?.[1];
    }, 20_000);

  it('the right password asks for the code sent by e-mail; the code opens the session', async () => {
    const browser = new GraphQLClient(app.url);
    const before = sent.length;
    const first = await browser.request(LOGIN, { e: 'dept-75@demo.snu.test', p: DEMO_PASSWORD });
    expect(errorCode(first)).toBe('SECOND_FACTOR_REQUIRED');
    expect(first.errors?.[0]?.message).toMatch(/code de connexion à 6 chiffres/);
    expect(errorCode(await browser.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    const code = await codeSentTo('dept-75@demo.snu.test', before);
    expect(sent.at(-1)?.subject).toContain(code);
    // Never in the e-mail table the console shows.
    expect(await app.sql(`select 1 from email_message where body like $1`, [`%${code}%`])).toEqual([]);
    const confirmed = await browser.request<{ confirmLogin: { email: string } }>(CONFIRM, { c: code });
    expect(confirmed.data?.confirmLogin.email).toBe('dept-75@demo.snu.test');
    expect(errorCode(await browser.request('{ me { id } }'))).toBeUndefined();
    // Used once.
    await browser.request('mutation { logout }');
    expect(errorCode(await browser.request(CONFIRM, { c: code }))).toBe('BAD_USER_INPUT');
  });

  it('a wrong password sends nothing; a code only works in the browser that asked for it', async () => {
    const before = sent.length;
    expect(errorCode(await new GraphQLClient(app.url).request(LOGIN, { e: 'dept-92@demo.snu.test', p: 'Faux-Secret-2026!' }))).toBe('BAD_USER_INPUT');
    const browser = new GraphQLClient(app.url);
    expect(errorCode(await browser.request(LOGIN, { e: 'dept-92@demo.snu.test', p: DEMO_PASSWORD }))).toBe('SECOND_FACTOR_REQUIRED');
    const code = await codeSentTo('dept-92@demo.snu.test', before);
    expect(sent.slice(before).filter((m) => m.to === 'dept-92@demo.snu.test')).toHaveLength(1);
    const elsewhere = new GraphQLClient(app.url);
    const stolen = await elsewhere.request(CONFIRM, { c: code });
    expect(errorCode(stolen)).toBe('BAD_USER_INPUT');
    expect(stolen.errors?.[0]?.message).toMatch(/Aucune connexion en attente de code/);
  });

  it('three tries, then the code is dead; an expired code is refused', async () => {
    const before = sent.length;
    const browser = new GraphQLClient(app.url);
    await browser.request(LOGIN, { e: 'region-11@demo.snu.test', p: DEMO_PASSWORD });
    const code = await codeSentTo('region-11@demo.snu.test', before);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const messages: string[] = [];
    for (let i = 0; i < 3; i++) messages.push((await browser.request(CONFIRM, { c: wrong })).errors?.[0]?.message ?? '');
    expect(messages).toEqual(['Code incorrect. Il vous reste 2 essais.', 'Code incorrect. Il vous reste 1 essai.', 'Code incorrect, et c’était le dernier essai : reconnectez-vous pour recevoir un nouveau code.']);
    expect(errorCode(await browser.request(CONFIRM, { c: code }))).toBe('BAD_USER_INPUT');

    const again = sent.length;
    await browser.request(LOGIN, { e: 'region-11@demo.snu.test', p: DEMO_PASSWORD });
    const fresh = await codeSentTo('region-11@demo.snu.test', again);
    const restore = setClock(shiftedClock(11 * 60_000));
    try {
      expect(errorCode(await browser.request(CONFIRM, { c: fresh }))).toBe('BAD_USER_INPUT');
    } finally {
      restore();
    }
  });

  it('« trust this browser »: no code for 30 days there, and not from another browser', async () => {
    const before = sent.length;
    const browser = new GraphQLClient(app.url);
    await browser.request(LOGIN, { e: 'region-84@demo.snu.test', p: DEMO_PASSWORD });
    await browser.ok(CONFIRM, { c: await codeSentTo('region-84@demo.snu.test', before), t: true });
    await browser.request('mutation { logout }');
    expect(browser.jar.get('snu_trusted')).toBeDefined();
    expect(errorCode(await browser.request(LOGIN, { e: 'region-84@demo.snu.test', p: DEMO_PASSWORD }))).toBeUndefined();
    // Another browser still needs a code.
    expect(errorCode(await new GraphQLClient(app.url).request(LOGIN, { e: 'region-84@demo.snu.test', p: DEMO_PASSWORD }))).toBe('SECOND_FACTOR_REQUIRED');
    const restore = setClock(shiftedClock(31 * 86_400_000));
    try {
      await browser.request('mutation { logout }');
      expect(errorCode(await browser.request(LOGIN, { e: 'region-84@demo.snu.test', p: DEMO_PASSWORD }))).toBe('SECOND_FACTOR_REQUIRED');
    } finally {
      restore();
    }
  });
});
