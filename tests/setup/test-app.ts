import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { inject } from 'vitest';
import { createApp, listen } from '../../server/app';
import { loadConfig, type AppConfig } from '../../server/config';
import { ormConfig } from '../../server/database/mikro-orm.config';
import { seedDemo } from '../../server/database/seeds/demo.seed';
import { Jobs } from '../../server/jobs/jobs';
import { createMailer, type Mailer } from '../../server/jobs/mailer';

export interface TestApp {
  url: string;
  orm: MikroORM;
  config: AppConfig;
  /** The instant this database's demo data was seeded at: its dates are relative to that day. */
  seededAt: Date;
  /** Runs SQL on this file's database (for set-up and assertions, never in product code). */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A copy of the seeded template database for this test file, and the real HTTP app on a free port. */
export interface TestAppOptions {
  config?: Partial<AppConfig>;
  /** Start the job queue and its workers, delivering through this mailer (default: recorded only). */
  jobs?: { mailer?: Mailer; retryDelaySeconds?: number; retryLimit?: number; /** Deliver here (default) or only enqueue. */ work?: boolean };
  /**
   * Seed a fresh copy of the empty template on the day of `at` instead of copying the seeded
   * template (seeded on the day the run started), with `volunteers` volunteers (default 300).
   */
  seed?: { at: Date; volunteers?: number };
  /** A second server instance (its own ORM, pool and HTTP server) on another app's database; closing it leaves the database. */
  shareDatabaseOf?: TestApp;
  /** The app's logger (default: silent), e.g. to capture its lines. */
  logger?: Logger;
}

export const SEEDED_APP_VOLUNTEERS = 300;

/** A fresh copy of the seeded template database (or of the empty one); returns its URL. */
export async function createTestDatabase(from: 'seeded' | 'empty' = 'seeded'): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject(from === 'seeded' ? 'templateDatabase' : 'emptyTemplateDatabase');
  const name = `snu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  return databaseUrl(adminUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const cleanup = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await cleanup.connect();
  await cleanup.query(`drop database if exists "${name}" with (force)`);
  await cleanup.end();
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const overrides = options.config ?? {};
  const shared = options.shareDatabaseOf;
  const url = shared ? String(shared.orm.config.get('clientUrl')) : await createTestDatabase(options.seed ? 'empty' : 'seeded');
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'), ADMIN_DIR: '' }),
    adminDir: '',
    ...overrides,
  };
  const orm = await MikroORM.init(ormConfig(url, { poolMax: 10 }));
  if (options.seed) {
    try {
      await seedDemo(orm, { volunteers: options.seed.volunteers ?? SEEDED_APP_VOLUNTEERS, at: options.seed.at, log: () => undefined });
    } catch (error) {
      await orm.close(true);
      await dropTestDatabase(url);
      throw error;
    }
  }
  const seededAt = shared?.seededAt ?? options.seed?.at ?? new Date(inject('templateSeededAt'));
  const logger = options.logger ?? pino({ level: 'silent' });
  const jobs = options.jobs
    ? await Jobs.start(url, orm, options.jobs.mailer ?? createMailer(undefined), logger, {
        retryDelaySeconds: options.jobs.retryDelaySeconds ?? 1,
        retryLimit: options.jobs.retryLimit ?? 3,
        pollingIntervalSeconds: 0.5,
        work: options.jobs.work ?? true,
      })
    : null;
  const app = await createApp(orm, config, logger, jobs);
  const server: Server = await new Promise((resolve) => {
    const s = listen(app.app, { ...config, port: 0 }, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection ended by the server (the database dropped at close, a restart) must not
  // crash the run as an unhandled 'error' event: the next query on it reports the failure anyway.
  pool.on('error', () => undefined);

  return {
    url: `http://127.0.0.1:${port}`,
    orm,
    config,
    seededAt,
    sql: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await jobs?.stop();
      await orm.close(true);
      await pool.end();
      if (!shared) await dropTestDatabase(url);
    },
  };
}
