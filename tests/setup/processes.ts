import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../server/database/embedded-postgres';
// @ts-expect-error: plain ES module shared with `npm start`
import { root } from '../../scripts/build-if-needed.mjs';

/** Child processes of `pid`, read from /proc (Linux). */
export const childrenOf = (pid: number): number[] =>
  fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // "pid (comm) state ppid …": the command may contain spaces, so read after the last ')'.
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);

export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}


export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** The built server (`dist/server/main.js`) as its own process, on a free port, with `env` added. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root as string, 'dist/server/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'process-test-secret-'.padEnd(40, 'x'), PORT: String(port), LOG_LEVEL: 'silent', SECURE_COOKIES: 'false', LOGIN_SECOND_FACTOR: 'off', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, exited };
}
