import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../../server/database/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/database/embedded-postgres';
import { ormConfig } from '../../server/database/mikro-orm.config';
import { seedDemo } from '../../server/database/seeds/demo.seed';
// @ts-expect-error: plain ES module shared with `npm start`
import { buildAdminIfNeeded, buildServerIfNeeded } from '../../scripts/build-if-needed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of the server's maintenance database (`postgres`). */
    pgAdminUrl: string;
    /** Name of the migrated and seeded database that each test file copies. */
    templateDatabase: string;
  }
}

export const TEST_VOLUNTEERS = 1500;

/**
 * Once per run: a real PostgreSQL (embedded unless DATABASE_URL is set), a template database
 * migrated by the real migrations and seeded by the real seeder. Each test file then gets its
 * own copy (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Browser and benchmark tests use the built console and server: build once, before any file runs.
  (buildServerIfNeeded as () => void)();
  (buildAdminIfNeeded as () => void)();
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'snu-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), persistent: false });
    adminUrl = embedded.url('postgres');
  }
  const template = `snu_test_template_${process.pid}`;
  await ensureDatabase(adminUrl, template);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const orm = await MikroORM.init(ormConfig(templateUrl.toString(), { poolMax: 4 }));
  try {
    await orm.getMigrator().up();
    await seedDemo(orm, { volunteers: TEST_VOLUNTEERS, log: () => undefined });
  } finally {
    await orm.close(true);
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    if (embedded) await embedded.stop();
  };
}
