import path from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { projectRoot } from '../config';
import { entities } from './entities';
import { LOGIN_THROTTLE_TABLE } from './login-limits';
import { migrationsList } from './migrations';

export const MIGRATIONS_DIR = path.join(projectRoot, 'server', 'database', 'migrations');

export function ormConfig(clientUrl: string, options: { logger?: Logger; poolMax?: number; debug?: boolean } = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Relations load through the request's DataLoaders, never implicitly.
    loadStrategy: 'select-in',
    // A reference must stay a reference: MikroORM would otherwise join each to-one relation
    // with ITS scope and null it out (a Paris volunteer placed in 92 would lose its session).
    // Whether a relation is followed is decided per relation in the DataLoaders.
    autoJoinRefsForFilters: false,
    pool: { min: 0, max: options.poolMax ?? 20 },
    debug: options.debug ?? false,
    logger: options.logger ? (message) => options.logger?.debug(message) : undefined,
    // Without a set scope, queries on scoped entities throw (see server/scope).
    filters: {},
    // Tables that are not entities: the schema diff must not drop them.
    schemaGenerator: { skipTables: [LOGIN_THROTTLE_TABLE] },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      // Explicit list: identical under tsc output, vitest and the CLI script.
      migrationsList,
      transactional: true,
      allOrNothing: true,
      // Diffs are computed against the migrated database itself: no snapshot files to keep in sync.
      snapshot: false,
      emit: 'ts',
      // main.ts and the CLI report what was applied; tests stay quiet.
      silent: true,
    },
  });
}
