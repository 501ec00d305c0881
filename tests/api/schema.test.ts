import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../server/database/mikro-orm.config';
import { migrationsList } from '../../server/database/migrations';
import { getSchema, printedSchema, SCHEMA_FILE } from '../../server/graphql/schema';
import { startTestApp } from '../setup/test-app';

describe('the GraphQL schema contract', () => {
  it('schema.graphql matches the code (run `npm run schema:emit` after changing resolvers)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printedSchema());
  });

  it('every Query and Mutation field carries an authorization rule (only `login`, its second step `confirmLogin` and `acceptInvitation` are public)', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const authorized = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const authorizedResolverClasses = new Set(storage.authorizedResolver.map((r) => r.target));
    const publicFields = new Set(['login', 'confirmLogin', 'acceptInvitation']);
    const unguarded = [...storage.queries, ...storage.mutations]
      .filter((handler) => !publicFields.has(handler.schemaName))
      .filter((handler) => !authorized.has(`${handler.target.name}.${handler.methodName}`) && !authorizedResolverClasses.has(handler.target))
      .map((handler) => handler.schemaName);
    expect(unguarded).toEqual([]);
    // And the schema really exposes those fields (the walk above is not vacuous).
    const schema = await getSchema();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toContain('allVolunteers');
    expect(storage.queries.length).toBeGreaterThan(30);
  });

  it('every migration file is registered, in order, and the entities need no new migration', async () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^Migration\d+\.ts$/.test(f)).map((f) => path.basename(f, '.ts')).sort();
    expect(migrationsList.map((m) => m.name)).toEqual(files);
    const app = await startTestApp();
    try {
      expect(await app.orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await app.close();
    }
  });
});
