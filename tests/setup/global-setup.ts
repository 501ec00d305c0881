import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { ensureDatabase } from '../../server/database/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/database/embedded-postgres';
import { ormConfig } from '../../server/database/mikro-orm.config';
import { seedDemo } from '../../server/database/seeds/demo.seed';
import { now } from '../../server/kernel/clock';
// @ts-expect-error: plain ES module shared with `npm start`
import { buildAdminIfNeeded, buildServerIfNeeded } from '../../scripts/build-if-needed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of the server's maintenance database (`postgres`). */
    pgAdminUrl: string;
    /** Name of the migrated and seeded database that each test file copies. */
    templateDatabase: string;
    /** When `templateDatabase` was seeded (ISO instant): its demo dates are relative to that day. */
    templateSeededAt: string;
    /** Name of the migrated but empty database copied by tests that seed on another date. */
    emptyTemplateDatabase: string;
  }
}

export const TEST_VOLUNTEERS = 1500;

/**
 * Once per run: a real PostgreSQL (embedded unless DATABASE_URL is set), a template database
 * migrated by the real migrations and seeded by the real seeder, and an empty migrated one.
 * Each test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in parallel
 * without sharing rows; files that run the product on another date copy the empty template and
 * seed it on that date (`startTestApp({ seed })`).
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
  const databaseUrl = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  // Migrated once; the seeded template is a copy of the empty one.
  const empty = `snu_test_empty_${process.pid}`;
  await ensureDatabase(adminUrl, empty);
  const migrator = await MikroORM.init(ormConfig(databaseUrl(empty), { poolMax: 2 }));
  try {
    await migrator.getMigrator().up();
  } finally {
    await migrator.close(true);
  }
  const template = `snu_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${template}"`);
    await admin.query(`create database "${template}" template "${empty}"`);
  } finally {
    await admin.end();
  }
  const seededAt = now();
  const orm = await MikroORM.init(ormConfig(databaseUrl(template), { poolMax: 4 }));
  try {
    await seedDemo(orm, { volunteers: TEST_VOLUNTEERS, at: seededAt, log: () => undefined });
  } finally {
    await orm.close(true);
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('templateSeededAt', seededAt.toISOString());
  project.provide('emptyTemplateDatabase', empty);
  return async () => {
    if (embedded) await embedded.stop();
  };
}
