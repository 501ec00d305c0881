import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../server/database/login-limits';
import { DEMO_PASSWORD } from '../../server/database/seeds/demo.seed';
import { setClock, shiftedClock } from '../../server/kernel/clock';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';
const MINUTE = 60_000;

let addresses = 0;
/** A client address of its own for each test (the proxy in front says it in X-Forwarded-For). */
const newAddress = () => `198.51.100.${++addresses}`;
const from = (address: string) => ({ 'x-forwarded-for': address });

/** The codes of `attempts` logins, sent all at once, each from a browser of its own. */
async function parallelLogins(base: string | string[], email: string, password: string, attempts: number, address: string): Promise<string[]> {
  const bases = Array.isArray(base) ? base : [base];
  const results = await Promise.all(Array.from({ length: attempts }, (_, i) => new GraphQLClient(bases[i % bases.length], from(address)).request(LOGIN, { e: email, p: password })));
  return results.map((r) => errorCode(r) ?? 'OK');
}

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('accounts: login throttling, trusted browsers, sessions', () => {
  let app: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: { sessionIdleMinutes: 30 } });
    second = await startTestApp({ shareDatabaseOf: app, config: { sessionIdleMinutes: 30 } });
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  it('40 parallel wrong passwords on one account: exactly the limit is checked, the rest RATE_LIMITED, then even the right one', async () => {
    const address = newAddress();
    const codes = await parallelLogins(app.url, 'visitor-11@demo.snu.test', 'Mauvais-Secret-1!', 40, address);
    expect(count(codes, 'BAD_USER_INPUT')).toBe(LOGIN_LIMITS.account);
    expect(count(codes, 'RATE_LIMITED')).toBe(40 - LOGIN_LIMITS.account);
    const right = await new GraphQLClient(app.url, from(newAddress())).request(LOGIN, { e: 'visitor-11@demo.snu.test', p: DEMO_PASSWORD });
    expect(errorCode(right)).toBe('RATE_LIMITED');
    expect(right.errors?.[0]?.message).toMatch(/^Trop de tentatives de connexion pour ce compte\. Réessayez dans 1[45] minutes\.$/);
  });

  it('the limit holds across two instances on one database', async () => {
    const codes = await parallelLogins([app.url, second.url], 'visitor-84@demo.snu.test', 'Mauvais-Secret-1!', 40, newAddress());
    expect(count(codes, 'BAD_USER_INPUT')).toBe(LOGIN_LIMITS.account);
    expect(count(codes, 'RATE_LIMITED')).toBe(40 - LOGIN_LIMITS.account);
  });

  it('aliased login fields check one password per request', async () => {
    const client = new GraphQLClient(app.url, from(newAddress()));
    const result = await client.request(
      `mutation { a: login(email: "region-84@demo.snu.test", password: "${DEMO_PASSWORD}") { id } b: login(email: "region-11@demo.snu.test", password: "Faux-2") { id } }`,
    );
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code, e.message])).toEqual([['b', 'RATE_LIMITED', 'Une seule tentative de connexion par requête.']]);
    // The refused field was not checked: region-11's counter is untouched.
    const [row] = await app.sql<{ n: string }>(`select count(*) as n from login_throttle where key = 'account:region-11@demo.snu.test'`);
    expect(Number(row.n)).toBe(0);
  });

  it('someone locking a colleague’s account does not lock its owner out of a browser it signed in from', async () => {
    const office = newAddress();
    const owner = new GraphQLClient(app.url, from(office));
    await owner.login('dept-69@demo.snu.test');
    expect(owner.device).toMatch(/^snu_device=/);
    await owner.ok('mutation { logout }');
    const attacker = await parallelLogins(app.url, 'dept-69@demo.snu.test', 'Devine-Qui-2026!', 15, newAddress());
    expect(count(attacker, 'RATE_LIMITED')).toBe(15 - LOGIN_LIMITS.account);
    expect(errorCode(await new GraphQLClient(app.url, from(office)).request(LOGIN, { e: 'dept-69@demo.snu.test', p: DEMO_PASSWORD }))).toBe('RATE_LIMITED');
    // The owner's browser still has its device cookie: its login goes through.
    await owner.login('dept-69@demo.snu.test');
    expect((await owner.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe('dept-69@demo.snu.test');
    // A device cookie is bound to its account: it does not unlock another, locked one.
    const other = new GraphQLClient(app.url, from(office));
    other.device = owner.device;
    expect(errorCode(await other.request(LOGIN, { e: 'visitor-11@demo.snu.test', p: DEMO_PASSWORD }))).toBe('RATE_LIMITED');
  });

  it('one address is limited whatever the accounts it tries; other addresses are not', async () => {
    const address = newAddress();
    const codes: string[] = [];
    for (let batch = 0; batch < 11; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => new GraphQLClient(app.url, from(address)).request(LOGIN, { e: `personne-${batch}-${i}@exemple.fr`, p: 'Peu-Importe-1!' })),
      );
      codes.push(...results.map((r) => errorCode(r) ?? 'OK'));
    }
    expect(count(codes, 'BAD_USER_INPUT')).toBe(LOGIN_LIMITS.ip);
    expect(count(codes, 'RATE_LIMITED')).toBe(110 - LOGIN_LIMITS.ip);
    const limited = await new GraphQLClient(app.url, from(address)).request(LOGIN, { e: 'head-center@demo.snu.test', p: DEMO_PASSWORD });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/^Trop de tentatives de connexion depuis cette adresse/);
    expect(errorCode(await new GraphQLClient(app.url, from(newAddress())).request(LOGIN, { e: 'head-center@demo.snu.test', p: DEMO_PASSWORD }))).toBeUndefined();
  }, 60_000);
});

describe('accounts: session idle timeout, logout everywhere, password change', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: { sessionIdleMinutes: 30 } });
  });
  afterAll(async () => app?.close());

  it('a session unused for the idle timeout ends; one in use stays open', async () => {
    const client = await loggedIn(app.url, 'dept-69@demo.snu.test');
    const me = () => client.request<{ me: { email: string } }>('{ me { email } }');
    let restore = setClock(shiftedClock(20 * MINUTE));
    try {
      expect(errorCode(await me())).toBeUndefined();
      restore();
      restore = setClock(shiftedClock(45 * MINUTE));
      // 25 minutes after its last use: still open.
      expect(errorCode(await me())).toBeUndefined();
      restore();
      restore = setClock(shiftedClock(76 * MINUTE));
      expect(errorCode(await me())).toBe('UNAUTHENTICATED');
    } finally {
      restore();
    }
  });

  it('logout everywhere ends every session of the account, and only those', async () => {
    const [a, b] = [await loggedIn(app.url, 'dept-92@demo.snu.test'), await loggedIn(app.url, 'dept-92@demo.snu.test')];
    const colleague = await loggedIn(app.url, 'dept-75@demo.snu.test');
    expect(await a.ok('mutation { logoutEverywhere }')).toEqual({ logoutEverywhere: 2 });
    expect(errorCode(await a.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await b.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await colleague.request('{ me { id } }'))).toBeUndefined();
    const [event] = await app.sql<{ action: string }>(`select action from audit_event where action = 'USER_LOGGED_OUT_EVERYWHERE'`);
    expect(event).toBeDefined();
  });

  it('a password change follows the policy, checks the current one, and ends the other sessions', async () => {
    const email = 'region-11@demo.snu.test';
    const [here, elsewhere] = [await loggedIn(app.url, email), await loggedIn(app.url, email)];
    const change = (current: string, next: string) =>
      here.request('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: current, n: next });
    const weak = await change(DEMO_PASSWORD, 'court');
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0]?.message).toMatch(/au moins 12 caractères.*il manque une majuscule, un chiffre, un symbole/);
    const wrong = await change('Pas-Le-Bon-2026!', 'Un-Nouveau-Secret-2026');
    expect(wrong.errors?.[0]?.message).toBe('Le mot de passe actuel est incorrect.');
    expect(await here.ok(`mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "Un-Nouveau-Secret-2026") }`)).toEqual({ changePassword: true });
    expect(errorCode(await here.request('{ me { id } }'))).toBeUndefined();
    expect(errorCode(await elsewhere.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await new GraphQLClient(app.url).request(LOGIN, { e: email, p: DEMO_PASSWORD }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await new GraphQLClient(app.url).request(LOGIN, { e: email, p: 'Un-Nouveau-Secret-2026' }))).toBeUndefined();
  });
});

describe('accounts: the client address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: { trustProxyHops: 0 } });
  });
  afterAll(async () => app?.close());

  it('with no proxy trusted, a forged X-Forwarded-For does not give a fresh address to throttle', async () => {
    const codes: string[] = [];
    for (let batch = 0; batch < 11; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => new GraphQLClient(app.url, from(`203.0.113.${batch * 10 + i}`)).request(LOGIN, { e: `quelqu-un-${batch}-${i}@exemple.fr`, p: 'Peu-Importe-1!' })),
      );
      codes.push(...results.map((r) => errorCode(r) ?? 'OK'));
    }
    expect(count(codes, 'BAD_USER_INPUT')).toBe(LOGIN_LIMITS.ip);
    expect(count(codes, 'RATE_LIMITED')).toBe(110 - LOGIN_LIMITS.ip);
  }, 60_000);
});
