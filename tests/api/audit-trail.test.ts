import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolunteer } from '../setup/fixtures';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The audit trail is append-only and provably so: PostgreSQL refuses to change or remove an event
 * whoever asks, ranks and chains every event at insert time (also with two server instances
 * writing at once), and `verifyAuditTrail` finds a tampered event where it is.
 */
describe('audit trail: append-only, ordered, chained', () => {
  let app: TestApp;
  let second: TestApp;
  let admin: GraphQLClient;
  let dept75: GraphQLClient;
  let dept92: GraphQLClient;
  const VERIFY = '{ v: verifyAuditTrail { intact checked firstBrokenId firstBrokenSeq lastHash message } }';
  type Verification = { intact: boolean; checked: number; firstBrokenId: string | null; firstBrokenSeq: string | null; lastHash: string | null; message: string };

  /** A connection of its own, to change roles or triggers without touching the app's pool. */
  async function connection(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: app.orm.config.get('clientUrl') });
    await client.connect();
    return client;
  }
  const failure = async (client: pg.Client, text: string) => {
    try {
      await client.query(text);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    second = await startTestApp({ shareDatabaseOf: app });
    [admin, dept75, dept92] = await Promise.all(['admin@demo.snu.test', 'dept-75@demo.snu.test', 'dept-92@demo.snu.test'].map((e) => loggedIn(app.url, e)));
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the owner and to a role granted everything on the table', async () => {
    const client = await connection();
    const role = `audit_probe_${randomUUID().slice(0, 8)}`;
    try {
      const [{ id }] = (await client.query<{ id: string }>('select id from audit_event order by seq limit 1')).rows;
      const before = (await client.query('select * from audit_event where id = $1', [id])).rows;
      expect(await failure(client, `update audit_event set action = 'FORGED' where id = '${id}'`)).toMatch(/append-only: UPDATE refused/);
      expect(await failure(client, `delete from audit_event where id = '${id}'`)).toMatch(/append-only: DELETE refused/);
      expect(await failure(client, 'truncate audit_event')).toMatch(/append-only: TRUNCATE refused/);
      await client.query(`create role ${role} nologin`);
      await client.query(`grant all on audit_event to ${role}`);
      await client.query(`set role ${role}`);
      expect(await failure(client, `update audit_event set changes = '{}' where id = '${id}'`)).toMatch(/append-only: UPDATE refused/);
      expect(await failure(client, `delete from audit_event where id = '${id}'`)).toMatch(/append-only: DELETE refused/);
      await client.query('reset role');
      expect((await client.query('select * from audit_event where id = $1', [id])).rows).toEqual(before);
    } finally {
      await client.query('reset role').catch(() => undefined);
      await client.query(`drop owned by ${role}`).catch(() => undefined);
      await client.query(`drop role if exists ${role}`).catch(() => undefined);
      await client.end();
    }
  });

  it('ranks events 1, 2, 3… and chains them, with two instances writing at once; the rank and hash an insert gives are overridden', async () => {
    const [other] = await Promise.all([loggedIn(second.url, 'admin@demo.snu.test')]);
    const volunteers = await Promise.all(Array.from({ length: 12 }, () => createVolunteer(app, '75', 'WAITING_VALIDATION')));
    const NOTE = 'mutation($id: ID!, $content: String!) { createNote(volunteerId: $id, content: $content) { id } }';
    await Promise.all(volunteers.flatMap((id, i) => [admin.ok(NOTE, { id, content: `Note A${i}` }), other.ok(NOTE, { id, content: `Note B${i}` })]));
    // A forged rank and hash in a raw insert are replaced by the trigger's.
    const client = await connection();
    try {
      await client.query(
        `insert into audit_event (id, action, record_type, record_id, changes, seq, hash) values (gen_random_uuid(), 'PROBE', 'Volunteer', $1, '{}', 1, 'forged')`,
        [volunteers[0]],
      );
    } finally {
      await client.end();
    }
    const [ranks] = await app.sql<{ n: number; min: string; max: string; forged: number }>(
      `select count(*)::int as n, min(seq)::text as min, max(seq)::text as max, count(*) filter (where hash = 'forged')::int as forged from audit_event`,
    );
    expect(ranks).toEqual({ n: Number(ranks!.max), min: '1', max: ranks!.max, forged: 0 });
    const { v } = await admin.ok<{ v: Verification }>(VERIFY);
    expect(v).toMatchObject({ intact: true, checked: ranks!.n, firstBrokenId: null });
    expect(v.lastHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.message).toMatch(/^Historique intact : .* événements vérifiés\.$/);
  });

  it('a referent reads the events of its department’s files only; verification is for national staff', async () => {
    const volunteer = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    await dept75.ok('mutation($id: ID!) { validateVolunteer(id: $id) { id } }', { id: volunteer });
    const LIST = 'query($f: AuditEventFilter) { allAuditEvents(filter: $f) { id action recordId seq } }';
    const own = await dept75.ok<{ allAuditEvents: Array<{ action: string; recordId: string; seq: string }> }>(LIST, { f: { recordId: volunteer } });
    expect(own.allAuditEvents.map((e) => e.action)).toEqual(['VOLUNTEER_VALIDATE']);
    expect(await dept92.ok(LIST, { f: { recordId: volunteer } })).toEqual({ allAuditEvents: [] });
    for (const client of [dept75, dept92]) expect(errorCode(await client.request(VERIFY))).toBe('FORBIDDEN');
  });

  it('finds a tampered event at its place (the triggers disabled by the owner to do it)', async () => {
    const client = await connection();
    let target: { id: string; seq: string };
    try {
      const [middle] = (await client.query<{ id: string; seq: string }>('select e.id, e.seq::text as seq from audit_event e order by e.seq offset 20 limit 1')).rows;
      target = middle!;
      await client.query('alter table audit_event disable trigger audit_event_append_only');
      await client.query(`update audit_event set changes = '{"status": {"old": "REFUSED", "new": "VALIDATED"}}' where id = $1`, [target.id]);
      await client.query('alter table audit_event enable trigger audit_event_append_only');
    } finally {
      await client.end();
    }
    const { v } = await admin.ok<{ v: Verification }>(VERIFY);
    expect(v).toMatchObject({ intact: false, firstBrokenId: target.id, firstBrokenSeq: target.seq });
    expect(v.message).toBe(`Historique altéré à partir de l’événement de rang ${target.seq} : il ne découle pas de celui qui le précède.`);
  });
});
