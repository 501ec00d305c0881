import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Staff accounts through HTTP: invitations by e-mail (single use, 72 hours, token stored hashed),
 * who may grant what (never wider than one's own), edits, disabling that ends sessions at once.
 */
describe('staff accounts: invite, accept, grant, edit, disable, enable', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let region11: GraphQLClient;
  let dept75: GraphQLClient;
  let head: GraphQLClient;
  const dep: Record<string, string> = {};
  const reg: Record<string, string> = {};

  const INVITE = `mutation($input: InviteUserInput!) { m: inviteUser(input: $input) { id email status role departmentIds regionId version } }`;
  const ACCEPT = `mutation($token: String!, $password: String!) { m: acceptInvitation(token: $token, password: $password) { id email status } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!, $version: Int) { m: updateUser(id: $id, input: $input, version: $version) { id role departmentIds version } }`;
  const DISABLE = `mutation($id: ID!) { m: disableUser(id: $id) { id status } }`;
  const ENABLE = `mutation($id: ID!) { m: enableUser(id: $id) { id status } }`;
  const PASSWORD = 'Un-Secret-Solide-2026';

  const email = () => `agent.${randomUUID().slice(0, 8)}@exemple.gouv.fr`;
  const person = (extra: Record<string, unknown>) => ({ email: email(), firstName: 'Camille', lastName: 'Invitée', ...extra });
  /** The token in the invitation e-mail sent to `address` (the link carries it as `token=`). */
  const tokenSentTo = async (address: string) => {
    const [message] = await app.sql<{ body: string; template: string; kind: string }>(`select body, template, recipient_kind as kind from email_message where recipient = $1`, [address]);
    expect(message).toMatchObject({ template: 'STAFF_INVITATION', kind: 'STAFF' });
    return /token=([A-Za-z0-9_-]+)/.exec(message!.body)![1]!;
  };
  const accounts = async () => (await app.sql<{ n: number }>('select count(*)::int as n from staff_user'))[0]!.n;
  const invited = async (client: GraphQLClient, extra: Record<string, unknown>) => (await client.ok<{ m: { id: string; email: string; version: number } }>(INVITE, { input: person(extra) })).m;
  const activated = async (client: GraphQLClient, extra: Record<string, unknown>) => {
    const user = await invited(client, extra);
    const browser = new GraphQLClient(app.url);
    await browser.ok(ACCEPT, { token: await tokenSentTo(user.email), password: PASSWORD });
    return { ...user, browser };
  };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, region11, dept75, head] = await Promise.all(['admin@demo.snu.test', 'region-11@demo.snu.test', 'dept-75@demo.snu.test', 'head-center@demo.snu.test'].map((e) => loggedIn(app.url, e)));
    for (const d of await app.sql<{ id: string; code: string }>(`select id, code from department where code in ('75', '92', '69')`)) dep[d.code] = d.id;
    for (const r of await app.sql<{ id: string; code: string }>(`select id, code from region where code in ('11', '84')`)) reg[r.code] = r.id;
  });
  afterAll(async () => app?.close());

  it('an invitation e-mails a single-use link; its token is stored hashed; the invitee sets a strong password, is signed in and ACTIVE', async () => {
    const user = (await admin.ok<{ m: { id: string; email: string; status: string; role: string; departmentIds: string[] } }>(INVITE, { input: person({ role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75']] }) })).m;
    expect(user).toMatchObject({ status: 'INVITED', role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75']] });
    const token = await tokenSentTo(user.email);
    const [invitation] = await app.sql<{ token_hash: string; hours: number }>(`select token_hash, round(extract(epoch from expires_at - created_at) / 3600)::int as hours from invitation where user_id = $1`, [user.id]);
    expect(invitation).toEqual({ token_hash: createHash('sha256').update(token).digest('hex'), hours: 72 });
    expect(JSON.stringify(await app.sql('select * from invitation'))).not.toContain(token);

    const browser = new GraphQLClient(app.url);
    const weak = await browser.request(ACCEPT, { token, password: 'courtmotdepasse' });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0]?.message).toMatch(/au moins 12 caractères.*il manque une majuscule, un chiffre, un symbole/);
    expect(await app.sql('select status from staff_user where id = $1', [user.id])).toEqual([{ status: 'INVITED' }]);

    expect((await browser.ok<{ m: { status: string } }>(ACCEPT, { token, password: PASSWORD })).m.status).toBe('ACTIVE');
    expect((await browser.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe(user.email);
    const again = await new GraphQLClient(app.url).request(ACCEPT, { token, password: PASSWORD });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toMatch(/Ce lien d’invitation n’est plus valable/);
    await new GraphQLClient(app.url).login(user.email, PASSWORD);
    const events = await app.sql<{ action: string; actor: string }>(`select e.action, u.email as actor from audit_event e join staff_user u on u.id = e.actor_id where e.record_id = $1 order by e.seq`, [user.id]);
    expect(events.map((e) => e.action)).toEqual(['USER_INVITED', 'USER_ACTIVATED', 'USER_LOGGED_IN', 'USER_LOGGED_IN']);
    expect(events[0]!.actor).toBe('admin@demo.snu.test');
  });

  it('an expired or unknown token is refused and activates nothing', async () => {
    const user = await invited(admin, { role: 'VISITOR', regionId: reg['11'] });
    const token = await tokenSentTo(user.email);
    await app.sql(`update invitation set expires_at = now() - interval '1 minute' where user_id = $1`, [user.id]);
    for (const t of [token, 'jeton-inconnu']) {
      const response = await new GraphQLClient(app.url).request(ACCEPT, { token: t, password: PASSWORD });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
    expect(await app.sql('select status from staff_user where id = $1', [user.id])).toEqual([{ status: 'INVITED' }]);
  });

  it('nobody grants a role or a territory wider than its own: FORBIDDEN, nothing written', async () => {
    const before = await accounts();
    const refused: Array<[string, GraphQLClient, Record<string, unknown>]> = [
      ['region 11 → an admin', region11, { role: 'ADMIN' }],
      ['region 11 → a regional manager of its region', region11, { role: 'REFERENT_REGION', regionId: reg['11'] }],
      ['region 11 → a referent of 69', region11, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['69']] }],
      ['region 11 → a referent of 75 and 69', region11, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75'], dep['69']] }],
      ['region 11 → a visitor of region 84', region11, { role: 'VISITOR', regionId: reg['84'] }],
      ['dept 75 → a referent of 75', dept75, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75']] }],
      ['dept 75 → a head of centre of 92', dept75, { role: 'HEAD_CENTER', departmentIds: [dep['92']] }],
      ['dept 75 → a head of centre of region 11', dept75, { role: 'HEAD_CENTER', regionId: reg['11'] }],
      ['a head of centre → a head of centre', head, { role: 'HEAD_CENTER', regionId: reg['11'] }],
    ];
    for (const [label, client, extra] of refused) {
      const response = await client.request(INVITE, { input: person(extra) });
      expect(errorCode(response), label).toBe('FORBIDDEN');
    }
    expect(await accounts()).toBe(before);
    expect(await app.sql(`select count(*)::int as n from email_message where template = 'STAFF_INVITATION' and recipient like 'agent.%' and created_at > now() - interval '5 seconds' and recipient not in (select email from staff_user)`)).toEqual([{ n: 0 }]);
    // Within their own territory, they may.
    await invited(region11, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75'], dep['92']] });
    await invited(region11, { role: 'VISITOR', regionId: reg['11'] });
    await invited(region11, { role: 'HEAD_CENTER', regionId: reg['11'] });
    await invited(dept75, { role: 'HEAD_CENTER', departmentIds: [dep['75']] });
    expect(await accounts()).toBe(before + 4);
  });

  it('the list filters accounts not used for more than N days, never-used ones included; a negative N is refused', async () => {
    // Last logins spread over a year before the product's day, and one account never used.
    await app.sql(`update staff_user set last_login_at = now() - (abs(hashtext(email)) % 365) * interval '1 day' where email like '%@demo.snu.test'`);
    await app.sql(`update staff_user set last_login_at = null where email = 'visitor-11@demo.snu.test'`);
    const LIST = `query($f: UserFilter) { allUsers(filter: $f, perPage: 500) { email } }`;
    for (const [client, scope] of [[admin, 'true'], [region11, `(region_id = (select region_id from staff_user where email = 'region-11@demo.snu.test') or department_ids && array(select id from department where region_id = (select region_id from staff_user where email = 'region-11@demo.snu.test')) or email = 'region-11@demo.snu.test')`]] as const) {
      const expected = await app.sql<{ email: string }>(
        `select email from staff_user where (last_login_at is null or last_login_at < now() - interval '90 days') and ${scope} order by email`,
      );
      const got = (await client.ok<{ allUsers: Array<{ email: string }> }>(LIST, { f: { notLoggedInForDays: 90 } })).allUsers.map((u) => u.email).sort();
      expect(got).toEqual(expected.map((r) => r.email).sort());
    }
    const adminList = (await admin.ok<{ allUsers: Array<{ email: string }> }>(LIST, { f: { notLoggedInForDays: 90 } })).allUsers.map((u) => u.email);
    expect(adminList).toContain('visitor-11@demo.snu.test');
    const wrong = await admin.request(LIST, { f: { notLoggedInForDays: -1 } });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toMatch(/nombre de jours positif/);
  });

  it('bad input: a precise French error with the contract’s code, nothing written', async () => {
    const before = await accounts();
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['not an e-mail', { email: 'pas-une-adresse', role: 'VISITOR', regionId: reg['11'] }, 'BAD_USER_INPUT', /n’est pas valide/],
      ['an e-mail already used', { email: 'DEPT-75@demo.snu.test', role: 'VISITOR', regionId: reg['11'] }, 'BAD_USER_INPUT', /Un compte existe déjà pour dept-75@demo.snu.test/],
      ['a regional role without region', { role: 'REFERENT_REGION' }, 'BAD_USER_INPUT', /porte sur une région/],
      ['a referent without department', { role: 'REFERENT_DEPARTMENT', departmentIds: [] }, 'BAD_USER_INPUT', /un ou plusieurs départements/],
      ['an empty first name', { firstName: ' ', role: 'VISITOR', regionId: reg['11'] }, 'BAD_USER_INPUT', /Le prénom est obligatoire/],
      ['a department that does not exist', { role: 'REFERENT_DEPARTMENT', departmentIds: [randomUUID()] }, 'NOT_FOUND', /introuvable/],
    ];
    for (const [label, extra, code, message] of cases) {
      const response = await admin.request(INVITE, { input: person(extra) });
      expect(errorCode(response), label).toBe(code);
      expect(response.errors?.[0]?.message, label).toMatch(message);
    }
    expect(await accounts()).toBe(before);
  });

  it('disabling ends every session at once; enabling lets the account sign in again; nobody disables itself', async () => {
    const user = await activated(admin, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['92']] });
    expect((await user.browser.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe(user.email);
    const other = await new GraphQLClient(app.url).login(user.email, PASSWORD);
    expect((await region11.ok<{ m: { status: string } }>(DISABLE, { id: user.id })).m.status).toBe('DISABLED');
    for (const client of [user.browser, other]) expect(errorCode(await client.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(await app.sql('select count(*)::int as n from user_session where user_id = $1', [user.id])).toEqual([{ n: 0 }]);
    expect(errorCode(await new GraphQLClient(app.url).request(`mutation { login(email: "${user.email}", password: "${PASSWORD}") { id } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await region11.request(DISABLE, { id: user.id }))).toBe('BAD_USER_INPUT');
    expect((await region11.ok<{ m: { status: string } }>(ENABLE, { id: user.id })).m.status).toBe('ACTIVE');
    await new GraphQLClient(app.url).login(user.email, PASSWORD);
    const [me] = await app.sql<{ id: string }>(`select id from staff_user where email = 'region-11@demo.snu.test'`);
    expect(errorCode(await region11.request(DISABLE, { id: me!.id }))).toBe('BAD_USER_INPUT');
    // An admin's account is outside a regional manager's scope: not found.
    const [adminId] = await app.sql<{ id: string }>(`select id from staff_user where email = 'admin@demo.snu.test'`);
    expect(errorCode(await region11.request(DISABLE, { id: adminId!.id }))).toBe('NOT_FOUND');
    const actions = await app.sql<{ action: string }>(`select action from audit_event where record_id = $1 and action in ('USER_DISABLED', 'USER_ENABLED') order by seq`, [user.id]);
    expect(actions.map((a) => a.action)).toEqual(['USER_DISABLED', 'USER_ENABLED']);
  });

  it('editing follows the same rules before and after; a stale version is a conflict; a new territory ends the sessions', async () => {
    const user = await activated(admin, { role: 'REFERENT_DEPARTMENT', departmentIds: [dep['75']] });
    const [{ version }] = await app.sql<{ version: number }>('select version from staff_user where id = $1', [user.id]);
    const moved = (await region11.ok<{ m: { departmentIds: string[]; version: number } }>(UPDATE, { id: user.id, version, input: { firstName: 'Camille', lastName: 'Déplacée', role: 'REFERENT_DEPARTMENT', departmentIds: [dep['92']] } })).m;
    expect(moved.departmentIds).toEqual([dep['92']]);
    expect(errorCode(await user.browser.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    const stale = await region11.request(UPDATE, { id: user.id, version, input: { firstName: 'Camille', lastName: 'Déplacée', role: 'REFERENT_DEPARTMENT', departmentIds: [dep['92']] } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const wider = await region11.request(UPDATE, { id: user.id, input: { firstName: 'Camille', lastName: 'Déplacée', role: 'REFERENT_DEPARTMENT', departmentIds: [dep['69']] } });
    expect(errorCode(wider)).toBe('FORBIDDEN');
    const promoted = await region11.request(UPDATE, { id: user.id, input: { firstName: 'Camille', lastName: 'Déplacée', role: 'REFERENT_REGION', regionId: reg['11'] } });
    expect(errorCode(promoted)).toBe('FORBIDDEN');
    expect(await app.sql('select role, department_ids from staff_user where id = $1', [user.id])).toEqual([{ role: 'REFERENT_DEPARTMENT', department_ids: [dep['92']] }]);
  });
});
