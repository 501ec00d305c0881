import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { AppConfig } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server if this process started one; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
  embedded: boolean;
}

const APP_DATABASE = 'snu';

/** Creates `name` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL whose data lives under `.data/`. */
export async function openDatabase(config: AppConfig, log: (message: string) => void, options: { handlesSignals?: boolean } = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 0) || undefined;
  const server = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), persistent: true, port, log, handlesSignals: options.handlesSignals });
  await ensureDatabase(server.url('postgres'), APP_DATABASE);
  return { url: server.url(APP_DATABASE), embedded: true, stop: () => server.stop() };
}

/** Whether the database answers (health checks). */
export async function databaseReachable(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

/** Whether no staff account exists yet: `npm start` then loads the demo data. */
export async function hasNoStaff(orm: MikroORM): Promise<boolean> {
  const [{ count }] = await orm.em.getConnection().execute<[{ count: string }]>('select count(*) as count from staff_user');
  return Number(count) === 0;
}

/** One key for every instance of the product on a database: start-up steps that must not run twice at once. */
const STARTUP_LOCK_KEY = 7_302_611_001;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock (on its own connection), so instances
 * started together on an empty database migrate, seed and set up the job queue one after the
 * other: the second finds the work done. The lock goes with the connection if the process dies.
 */
export async function withStartupLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'snu-startup' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
