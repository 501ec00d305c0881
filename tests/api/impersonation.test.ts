import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolunteer } from '../setup/fixtures';
import { errorCode, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** An admin acts as another user through HTTP: its scope, both users in the audit trail, never an admin, ends with the admin's session. */
describe('impersonation', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const START = 'mutation($id: ID!) { m: startImpersonation(userId: $id) { email } }';
  const STOP = 'mutation { m: stopImpersonation { email } }';
  const ME = '{ me { email impersonator { email } } }';

  beforeAll(async () => {
    app = await startTestApp();
    for (const u of await app.sql<{ id: string; email: string }>('select id, email from staff_user')) ids[u.email] = u.id;
  });
  afterAll(async () => app?.close());

  it('acts with the user’s scope; every action meanwhile carries both users; start and stop are audited', async () => {
    const admin = await loggedIn(app.url, 'admin@demo.snu.test');
    expect((await admin.ok<{ m: { email: string } }>(START, { id: ids['dept-75@demo.snu.test'] })).m.email).toBe('dept-75@demo.snu.test');
    expect((await admin.ok(ME)).me).toEqual({ email: 'dept-75@demo.snu.test', impersonator: { email: 'admin@demo.snu.test' } });
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from volunteer v join department d on d.id = v.department_id where d.code = '75'`);
    expect((await admin.ok<{ m: { count: number } }>('{ m: _allVolunteersMeta { count } }')).m.count).toBe(n);
    const volunteer = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await admin.ok('mutation($id: ID!) { validateVolunteer(id: $id) { id } }', { id: volunteer });
    const [event] = await app.sql<{ actor: string; impersonator: string }>(
      `select a.email as actor, i.email as impersonator from audit_event e join staff_user a on a.id = e.actor_id join staff_user i on i.id = e.impersonator_id where e.record_id = $1`,
      [volunteer],
    );
    expect(event).toEqual({ actor: 'dept-75@demo.snu.test', impersonator: 'admin@demo.snu.test' });
    // Meanwhile, national steering is out of reach: the session has the referent's role.
    expect(errorCode(await admin.request('{ verifyAuditTrail { intact } }'))).toBe('FORBIDDEN');

    expect((await admin.ok<{ m: { email: string } }>(STOP)).m.email).toBe('admin@demo.snu.test');
    expect((await admin.ok(ME)).me).toEqual({ email: 'admin@demo.snu.test', impersonator: null });
    const trail = await app.sql<{ action: string; actor: string }>(
      `select e.action, a.email as actor from audit_event e join staff_user a on a.id = e.actor_id where e.record_id = $1 and e.action like 'IMPERSONATION_%' order by e.seq`,
      [ids['dept-75@demo.snu.test']],
    );
    expect(trail).toEqual([
      { action: 'IMPERSONATION_STARTED', actor: 'admin@demo.snu.test' },
      { action: 'IMPERSONATION_STOPPED', actor: 'admin@demo.snu.test' },
    ]);
    expect(errorCode(await admin.request(STOP))).toBe('BAD_USER_INPUT');
  });

  it('refuses an admin target (FORBIDDEN), a missing one (NOT_FOUND), a disabled one, and non-admins', async () => {
    const admin = await loggedIn(app.url, 'admin@demo.snu.test');
    await app.sql(
      `insert into staff_user (id, email, first_name, last_name, role, status, department_ids) values (gen_random_uuid(), 'admin-2@matrix.test', 'Autre', 'Admin', 'ADMIN', 'ACTIVE', '{}')`,
    );
    const [other] = await app.sql<{ id: string }>(`select id from staff_user where email = 'admin-2@matrix.test'`);
    const forbidden = await admin.request(START, { id: other!.id });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toMatch(/On ne peut pas agir en tant qu’un membre de l’administration nationale/);
    expect(errorCode(await admin.request(START, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(START, { id: ids['admin@demo.snu.test'] }))).toBe('BAD_USER_INPUT');
    await app.sql(`update staff_user set status = 'DISABLED' where email = 'dept-69@demo.snu.test'`);
    expect(errorCode(await admin.request(START, { id: ids['dept-69@demo.snu.test'] }))).toBe('BAD_USER_INPUT');
    await app.sql(`update staff_user set status = 'ACTIVE' where email = 'dept-69@demo.snu.test'`);
    const region = await loggedIn(app.url, 'region-11@demo.snu.test');
    expect(errorCode(await region.request(START, { id: ids['dept-75@demo.snu.test'] }))).toBe('FORBIDDEN');
    expect((await admin.ok(ME)).me).toEqual({ email: 'admin@demo.snu.test', impersonator: null });
    expect(await app.sql(`select count(*)::int as n from audit_event where action = 'IMPERSONATION_STARTED' and record_id = any($1::uuid[])`, [[other!.id, ids['dept-69@demo.snu.test']]])).toEqual([{ n: 0 }]);
  });

  it('ends with the admin’s own session; logging out while impersonating signs the browser out', async () => {
    const admin = await loggedIn(app.url, 'admin@demo.snu.test');
    await admin.ok(START, { id: ids['dept-92@demo.snu.test'] });
    // The admin signs out everywhere from another browser: the impersonation ends with its session.
    const elsewhere = await loggedIn(app.url, 'admin@demo.snu.test');
    await elsewhere.ok('mutation { logoutEverywhere }');
    expect(errorCode(await admin.request(ME))).toBe('UNAUTHENTICATED');

    const again = await loggedIn(app.url, 'admin@demo.snu.test');
    await again.ok(START, { id: ids['dept-92@demo.snu.test'] });
    await again.ok('mutation { logout }');
    expect(errorCode(await again.request(ME))).toBe('UNAUTHENTICATED');
    // Even with the admin's own cookie sent back by hand, that session is gone.
    const adminCookie = again.jar.get('snu_admin_session');
    if (adminCookie) {
      again.cookie = `snu_session=${adminCookie.slice(adminCookie.indexOf('=') + 1)}`;
      expect(errorCode(await again.request(ME))).toBe('UNAUTHENTICATED');
    }
    expect(await app.sql(`select count(*)::int as n from user_session where impersonator_id is not null`)).toEqual([{ n: 0 }]);
  });
});
