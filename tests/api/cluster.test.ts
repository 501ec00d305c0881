import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/database/embedded-postgres';
// @ts-expect-error: plain ES module shared with `npm start`
import { root } from '../../scripts/build-if-needed.mjs';
import { loggedIn } from '../setup/graphql-client';
import { childrenOf, until } from '../setup/processes';
import { createTestDatabase, dropTestDatabase } from '../setup/test-app';

/** WEB_CONCURRENCY=2: the built server forks two HTTP workers that share the port and the sessions. */
describe('several HTTP worker processes', () => {
  let server: ChildProcess;
  let base: string;
  let databaseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(root as string, 'dist/server/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: (databaseUrl = await createTestDatabase()),
        SESSION_SECRET: 'cluster-test-secret-'.padEnd(40, 'x'),
        PORT: String(port),
        WEB_CONCURRENCY: '2',
        LOG_LEVEL: 'silent',
        SECURE_COOKIES: 'false',
        LOGIN_SECOND_FACTOR: 'off',
        RUN_JOBS: 'false',
      },
      stdio: 'ignore',
    });
    await until(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
    await until(() => (childrenOf(server.pid!).length === 2 ? true : undefined));
  }, 120_000);
  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await dropTestDatabase(databaseUrl);
  });

  it('serves a session opened on one worker from any worker, and replaces a worker that dies', async () => {
    const client = await loggedIn(base, 'dept-75@demo.snu.test');
    for (let i = 0; i < 20; i += 1) {
      const { me } = await client.ok<{ me: { email: string } }>('{ me { email } }');
      expect(me.email).toBe('dept-75@demo.snu.test');
    }
    const [victim] = childrenOf(server.pid!);
    process.kill(victim!, 'SIGKILL');
    await until(() => {
      const now = childrenOf(server.pid!);
      return now.length === 2 && !now.includes(victim!) ? true : undefined;
    });
    // The survivor may itself still be starting (the first health check needs only one worker):
    // until a worker listens the port refuses connections, so `until` retries the request.
    const { me } = await until(() => client.ok<{ me: { email: string } }>('{ me { email } }'));
    expect(me.email).toBe('dept-75@demo.snu.test');
  });

  it('stops cleanly on SIGTERM: workers first, exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const pid = server.pid!;
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(childrenOf(pid)).toEqual([]);
  });
});
