import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '../../server/database/mikro-orm.config';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, seedDemo } from '../../server/database/seeds/demo.seed';
import { startTestApp, type TestApp } from '../setup/test-app';

/** A new empty database, migrated, seeded with N volunteers; returns a digest of its volunteers. */
async function seededDigest(volunteers: number): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `snu_seed_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await MikroORM.init(ormConfig(url.toString(), { poolMax: 2 }));
  try {
    await orm.getMigrator().up();
    await seedDemo(orm, { volunteers, log: () => undefined });
    await expect(seedDemo(orm, { volunteers, log: () => undefined })).rejects.toThrow(/base vide/);
    const [row] = await orm.em.getConnection().execute<[{ digest: string }]>(
      `select md5(string_agg(concat_ws('|', v.id, v.first_name, v.last_name, v.birth_date, v.email, v.status, v.session_id, d.code), ',' order by v.id)) as digest
       from volunteer v join department d on d.id = v.department_id`,
    );
    return row.digest;
  } finally {
    await orm.close(true);
    await admin.query(`drop database "${name}" with (force)`);
    await admin.end();
  }
}

describe('demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('is deterministic: the same N gives the same volunteers', async () => {
    const [a, b] = [await seededDigest(400), await seededDigest(400)];
    expect(a).toBe(b);
    expect(await seededDigest(401)).not.toBe(a);
  });

  it('has every status, and at least 20 files waiting in the open cohort, in each demo department', async () => {
    const rows = await app.sql<{ code: string; statuses: number; waiting: number; waiting_elsewhere: number }>(
      `select d.code, count(distinct v.status)::int as statuses,
              count(*) filter (where v.status = 'WAITING_VALIDATION' and c.instruction_end_date >= current_date)::int as waiting,
              count(*) filter (where v.status = 'WAITING_VALIDATION' and c.instruction_end_date < current_date)::int as waiting_elsewhere
       from volunteer v join department d on d.id = v.department_id join cohort c on c.id = v.cohort_id
       where d.code = any($1) group by d.code order by d.code`,
      [DEMO_DEPARTMENTS],
    );
    expect(rows.map((r) => r.code).sort()).toEqual([...DEMO_DEPARTMENTS].sort());
    for (const r of rows) {
      expect(r.statuses, r.code).toBe(10);
      expect(r.waiting, r.code).toBeGreaterThanOrEqual(20);
      expect(r.waiting_elsewhere, r.code).toBe(0);
    }
  });

  it('leaves room for 50 more validations per department, places some volunteers (one of 75 in 92), and creates the demo accounts', async () => {
    const goals = await app.sql<{ code: string; room: number }>(
      `select d.code, g.max - (select count(*) from volunteer v where v.department_id = d.id and v.cohort_id = g.cohort_id and v.status = 'VALIDATED')::int as room
       from inscription_goal g join department d on d.id = g.department_id join cohort c on c.id = g.cohort_id where c.status = 'PUBLISHED'`,
    );
    expect(goals.length).toBeGreaterThanOrEqual(101);
    expect(Math.min(...goals.map((g) => g.room))).toBeGreaterThanOrEqual(50);
    const [cross] = await app.sql<{ n: number }>(
      `select count(*)::int as n from volunteer v join department vd on vd.id = v.department_id join session s on s.id = v.session_id
       join cohesion_center c on c.id = s.center_id join department cd on cd.id = c.department_id where vd.code = '75' and cd.code = '92'`,
    );
    expect(cross.n).toBeGreaterThan(0);
    const accounts = await app.sql<{ email: string; role: string }>('select email, role from staff_user order by email');
    expect(accounts).toEqual(DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })).sort((x, y) => x.email.localeCompare(y.email)));
    const [overbooked] = await app.sql<{ n: number }>(
      `select count(*)::int as n from session s where s.places_left <> s.places_total - (select count(*) from volunteer v where v.session_id = s.id) or s.places_left < 0`,
    );
    expect(overbooked.n).toBe(0);
  });
});
