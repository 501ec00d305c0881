import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../server/database/login-limits';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const ME = '{ me { id email role } }';

describe('authentication', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('logs in with a demo account, sets an httpOnly SameSite cookie, and answers `me`', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "dept-75@demo.snu.test", password: "Demo-Snu-2026!") { email role } }' }),
    });
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/snu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = (await response.json()) as { data: { login: { email: string; role: string } } };
    expect(body.data.login).toEqual({ email: 'dept-75@demo.snu.test', role: 'REFERENT_DEPARTMENT' });

    const client = await loggedIn(app.url, 'DEPT-75@demo.snu.test ');
    const me = await client.ok<{ me: { email: string; role: string } }>(ME);
    expect(me.me.email).toBe('dept-75@demo.snu.test');
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrongPassword = await new GraphQLClient(app.url).request('mutation { login(email: "admin@demo.snu.test", password: "nope") { id } }');
    const unknownEmail = await new GraphQLClient(app.url).request('mutation { login(email: "nobody@demo.snu.test", password: "nope") { id } }');
    expect(errorCode(wrongPassword)).toBe('BAD_USER_INPUT');
    expect(wrongPassword.errors?.[0].message).toBe(unknownEmail.errors?.[0].message);
    expect(errorCode(unknownEmail)).toBe(errorCode(wrongPassword));
    expect(wrongPassword.errors?.[0].message).toMatch(/incorrect/);
  });

  it('refuses every field but login without a session', async () => {
    const anonymous = new GraphQLClient(app.url);
    for (const query of [ME, '{ allVolunteers { id } }', '{ allRegions { id } }', '{ _allCohortsMeta { count } }', 'mutation { logout }']) {
      const result = await anonymous.request(query);
      expect(errorCode(result), query).toBe('UNAUTHENTICATED');
      expect(result.data).toBeNull();
    }
  });

  it('ignores a forged or tampered cookie', async () => {
    const client = await loggedIn(app.url, 'admin@demo.snu.test');
    const [name, value] = client.cookie!.split('=');
    const [token, signature] = value.split('.');
    const forged = new GraphQLClient(app.url);
    forged.cookie = `${name}=${token}x.${signature}`;
    expect(errorCode(await forged.request(ME))).toBe('UNAUTHENTICATED');
    forged.cookie = `${name}=garbage`;
    expect(errorCode(await forged.request(ME))).toBe('UNAUTHENTICATED');
    // The genuine cookie still works.
    expect(errorCode(await client.request(ME))).toBeUndefined();
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const client = await loggedIn(app.url, 'region-11@demo.snu.test');
    const stolenCookie = client.cookie;
    expect((await client.ok<{ logout: boolean }>('mutation { logout }')).logout).toBe(true);
    expect(client.cookie).toBeUndefined();
    const replay = new GraphQLClient(app.url);
    replay.cookie = stolenCookie;
    expect(errorCode(await replay.request(ME))).toBe('UNAUTHENTICATED');
  });

  it('disabling a user stops its open sessions at once', async () => {
    const client = await loggedIn(app.url, 'dept-69@demo.snu.test');
    expect(errorCode(await client.request(ME))).toBeUndefined();
    await app.sql(`update staff_user set status = 'DISABLED' where email = 'dept-69@demo.snu.test'`);
    expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    const again = await new GraphQLClient(app.url).request('mutation { login(email: "dept-69@demo.snu.test", password: "Demo-Snu-2026!") { id } }');
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    await app.sql(`update staff_user set status = 'ACTIVE' where email = 'dept-69@demo.snu.test'`);
  });

  it('throttles repeated failures on one account with RATE_LIMITED, even with the right password', async () => {
    const client = new GraphQLClient(app.url);
    for (let i = 0; i < LOGIN_LIMITS.account; i++) {
      expect(errorCode(await client.request('mutation { login(email: "visitor-11@demo.snu.test", password: "wrong") { id } }'))).toBe('BAD_USER_INPUT');
    }
    const blocked = await client.request('mutation { login(email: "visitor-11@demo.snu.test", password: "Demo-Snu-2026!") { id } }');
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].message).toMatch(/Réessayez/);
  });

  it('records the login in the audit trail', async () => {
    await loggedIn(app.url, 'region-84@demo.snu.test');
    const rows = await app.sql(
      `select e.action from audit_event e join staff_user u on u.id = e.actor_id where u.email = 'region-84@demo.snu.test' and e.action = 'USER_LOGGED_IN'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
