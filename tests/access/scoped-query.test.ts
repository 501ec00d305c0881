import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/kernel/current-user';
import { Role } from '../../server/kernel/roles';
import { CorrectionRequest } from '../../server/modules/correction-request/correction-request.entity';
import { Session } from '../../server/modules/session/session.entity';
import { Volunteer } from '../../server/modules/volunteer/volunteer.entity';
import { principalOf, bindUser } from '../../server/scope/principal';
import { ScopedQuery } from '../../server/scope/scoped-query';
import { territoryOf } from '../../server/scope/territory';
import { unscoped } from '../../server/scope/unscoped';
import { assertInTerritory, findInScope, followRelation } from '../../server/scope/write-guard';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The scope's own building blocks, below HTTP: the scoped query builder applies the scope on
 * every method whatever condition the caller passes, the write guards decide by the territory,
 * and unscoped() is the only way to see everything.
 */
describe('server/scope building blocks', () => {
  let app: TestApp;
  let paris: CurrentUser;
  let parisId: string;
  let hautsDeSeineId: string;

  async function userOf(email: string): Promise<CurrentUser> {
    const [row] = await app.sql<{ id: string; role: Role }>('select id, role from staff_user where email = $1', [email]);
    return { id: row.id, email, role: row.role, impersonatorId: null, sessionId: randomUUID(), territory: (await territoryOf(app.orm.em.fork(), row.id))! };
  }

  function emFor(user: CurrentUser): EntityManager {
    const em = app.orm.em.fork() as EntityManager;
    bindUser(em, user);
    return em;
  }

  beforeAll(async () => {
    app = await startTestApp();
    paris = await userOf('dept-75@demo.snu.test');
    [{ id: parisId }] = await app.sql<{ id: string }>(`select id from department where code = '75'`);
    [{ id: hautsDeSeineId }] = await app.sql<{ id: string }>(`select id from department where code = '92'`);
  });
  afterAll(async () => app?.close());

  it('computes each role’s territory in one place', async () => {
    expect(paris.territory).toEqual({ national: false, regionId: null, departmentIds: [parisId], sessionIds: [], centerIds: [] });
    const region = await userOf('region-11@demo.snu.test');
    const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from department d join region r on r.id = d.region_id where r.code = '11'`);
    expect(region.territory.departmentIds).toHaveLength(n);
    expect(region.territory.departmentIds).toContain(hautsDeSeineId);
    expect((await userOf('admin@demo.snu.test')).territory.national).toBe(true);
    const head = await userOf('head-center@demo.snu.test');
    expect(head.territory.sessionIds.length).toBeGreaterThan(0);
    expect(head.territory.departmentIds).toEqual([]);
  });

  it('a caller’s condition cannot widen the scope, on any method of the scoped query', async () => {
    const em = emFor(paris);
    // A condition that names 92 explicitly, OR-ed with everything: still only Paris.
    const widening = { $or: [{ department: hautsDeSeineId }, { id: { $ne: null } }] };
    const query = ScopedQuery.of(em, Volunteer, widening);
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from volunteer where department_id = $1', [parisId]);
    expect(await query.count()).toBe(n);
    const rows = await query.rows({ limit: 1000, offset: 0, orderBy: [{ id: 'asc' }] });
    expect(rows.length).toBe(Math.min(n, 1000));
    expect(rows.every((row) => row.department.id === parisId)).toBe(true);
    const deep = await query.rows({ limit: 10, offset: 20, orderBy: [{ id: 'asc' }] });
    expect(deep.every((row) => row.department.id === parisId)).toBe(true);
    expect(await query.countBy(['department'])).toEqual([{ department: parisId, count: n }]);
    const inSubquery = await em.count(CorrectionRequest, { volunteer: { $in: ScopedQuery.of(em, Volunteer, widening).subquery('id') } } as never);
    const [{ c }] = await app.sql<{ c: number }>(
      'select count(*)::int as c from correction_request cr join volunteer v on v.id = cr.volunteer_id where v.department_id = $1',
      [parisId],
    );
    expect(inSubquery).toBe(c);
    const streamed: unknown[][] = [];
    for await (const row of await query.stream(['id', 'department'], [{ id: 'asc' }])) streamed.push(row as unknown[]);
    expect(streamed.length).toBe(n);
    expect(streamed.every((row) => row[1] === parisId)).toBe(true);
  });

  it('throws without a principal, on the builder as on em.find', async () => {
    const bare = app.orm.em.fork() as EntityManager;
    expect(principalOf(bare)).toBeUndefined();
    expect(() => ScopedQuery.of(bare, Volunteer)).toThrow(/principal/);
    await expect(bare.find(Volunteer, {})).rejects.toThrow();
  });

  it('an empty territory sees nothing, through every path, without an SQL error', async () => {
    const nobody: CurrentUser = { ...paris, territory: { ...paris.territory, departmentIds: [] } };
    const em = emFor(nobody);
    expect(await ScopedQuery.of(em, Volunteer).count()).toBe(0);
    expect(await ScopedQuery.of(em, CorrectionRequest).count()).toBe(0);
    expect(await em.count(CorrectionRequest, {})).toBe(0);
    expect(await em.find(Session, {})).toEqual([]);
    const headless: CurrentUser = { ...paris, role: Role.HEAD_CENTER, territory: { national: false, regionId: null, departmentIds: [], sessionIds: [], centerIds: [] } };
    expect(await emFor(headless).count(Volunteer, {})).toBe(0);
    expect(await ScopedQuery.forCounts(emFor(headless), Volunteer).count()).toBe(0);
  });

  it('write guards: client ids through the scope, departments through the territory, relations of in-scope records followed', async () => {
    const em = emFor(paris);
    const [outside] = await app.sql<{ id: string }>('select id from volunteer where department_id = $1 limit 1', [hautsDeSeineId]);
    await expect(findInScope(em, Volunteer, outside.id, { label: 'Ce volontaire' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(findInScope(em, Volunteer, randomUUID(), { label: 'Ce volontaire' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(() => assertInTerritory(paris, parisId)).not.toThrow();
    expect(() => assertInTerritory(paris, hautsDeSeineId)).toThrow(/introuvable/);
    expect(() => assertInTerritory(paris, randomUUID())).toThrow(/introuvable/);
    const region = await userOf('region-11@demo.snu.test');
    expect(() => assertInTerritory(region, hautsDeSeineId)).not.toThrow();
    expect(() => assertInTerritory({ territory: { national: true, regionId: null, departmentIds: [], sessionIds: [], centerIds: [] } }, hautsDeSeineId)).not.toThrow();

    // A Paris volunteer placed in a 92 session: the session is outside Paris's scope, but followed.
    const [placed] = await app.sql<{ id: string; session_id: string }>(
      `select v.id, v.session_id from volunteer v join session s on s.id = v.session_id join cohesion_center c on c.id = s.center_id
       where v.department_id = $1 and c.department_id = $2 limit 1`,
      [parisId, hautsDeSeineId],
    );
    const volunteer = await findInScope(em, Volunteer, placed.id, { label: 'Ce volontaire' });
    expect(await em.findOne(Session, { id: placed.session_id })).toBeNull();
    expect((await followRelation(em, volunteer, 'session', Session))?.id).toBe(placed.session_id);
  });

  it('unscoped() sees everything and logs its reason', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const count = await unscoped({ em: app.orm.em.fork() as EntityManager, logger }, 'test: count everyone', (em) => em.count(Volunteer, {}));
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from volunteer');
    expect(count).toBe(n);
    expect(lines.some((line) => line.includes('test: count everyone'))).toBe(true);
  });
});
