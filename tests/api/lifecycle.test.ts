import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loggedIn } from '../setup/graphql-client';
import { type ServerProcess, spawnServer, until } from '../setup/processes';
import { createTestDatabase, dropTestDatabase } from '../setup/test-app';

const PAGE = '{ allVolunteers(perPage: 500, sortField: "lastName") { id lastName status department { code region { name } } session { id } } }';

/** A database with nothing in it: no table, no job-queue schema (as on a first deployment). */
async function blankDatabase(): Promise<string> {
  const name = `snu_test_blank_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Waits until the instance is ready, or fails as soon as it exits. */
async function ready(server: ServerProcess): Promise<void> {
  const state = await until(async () => {
    if (server.child.exitCode !== null) return `exited with code ${server.child.exitCode}`;
    return (await fetch(`${server.base}/readyz`)).ok ? 'ready' : undefined;
  }, 120_000);
  expect(state).toBe('ready');
}

describe('process lifecycle', () => {
  it('SIGTERM with requests in flight: every one is answered, then the process exits 0', async () => {
    const databaseUrl = await createTestDatabase();
    // A longer delay than production's 2 s: on a loaded test machine the readiness probe below may wait.
    const server = await spawnServer({ DATABASE_URL: databaseUrl, RUN_JOBS: 'true', SHUTDOWN_DELAY_SECONDS: '6' });
    try {
      await ready(server);
      const client = await loggedIn(server.base, 'admin@demo.snu.test');
      let signalledAt = 0;
      const answeredAt: number[] = [];
      const requests = Array.from({ length: 30 }, () =>
        client.request<{ allVolunteers: unknown[] }>(PAGE).then((result) => {
          answeredAt.push(performance.now());
          return result;
        }),
      );
      // Settled whatever happens below, so a failure is reported once, not as 30 unhandled rejections.
      const settled = Promise.allSettled(requests);
      // Once they are all accepted, well before the slowest is answered.
      await new Promise((resolve) => setTimeout(resolve, 150));
      signalledAt = performance.now();
      server.child.kill('SIGTERM');
      // Still listening for a moment, but no longer ready: the load balancer stops sending here.
      await until(async () => ((await fetch(`${server.base}/readyz`)).status === 503 ? true : undefined), 5000);
      const results = await settled;
      for (const result of results) {
        expect(result.status).toBe('fulfilled');
        if (result.status !== 'fulfilled') continue;
        expect(result.value.status).toBe(200);
        expect(result.value.data?.allVolunteers).toHaveLength(500);
      }
      // Some were still running when the signal came: they were drained, not dropped.
      expect(answeredAt.filter((t) => t > signalledAt).length).toBeGreaterThan(0);
      expect(await server.exited).toBe(0);
      // And it no longer accepts connections.
      await expect(fetch(`${server.base}/healthz`)).rejects.toThrow();
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await dropTestDatabase(databaseUrl);
    }
  }, 180_000);

  it('two instances started together on a blank database both migrate, seed once and serve', async () => {
    for (const round of [1, 2]) {
      const databaseUrl = await blankDatabase();
      const env = { DATABASE_URL: databaseUrl, NODE_ENV: 'development', SEED_VOLUNTEERS: '60', DATA_DIR: `/tmp/snu-lifecycle-${round}` };
      const servers = await Promise.all([spawnServer(env), spawnServer(env)]);
      try {
        await Promise.all(servers.map((s) => ready(s)));
        for (const server of servers) {
          expect(server.child.exitCode, `round ${round}`).toBeNull();
          const client = await loggedIn(server.base, 'dept-75@demo.snu.test');
          expect((await client.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe('dept-75@demo.snu.test');
        }
        const pool = new pg.Client({ connectionString: databaseUrl });
        await pool.connect();
        const { rows } = await pool.query<{ n: string }>('select count(*) as n from volunteer');
        await pool.end();
        expect(Number(rows[0].n)).toBe(60);
      } finally {
        for (const server of servers) server.child.kill('SIGTERM');
        await Promise.all(servers.map((s) => s.exited));
        await dropTestDatabase(databaseUrl);
      }
    }
  }, 300_000);
});
