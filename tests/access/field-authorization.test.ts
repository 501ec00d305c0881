import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../server/graphql/schema';
import { errorCode, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Object fields carry an `@Authorized` rule only where it differs from their type's (the type is
 * reached only through Query and Mutation fields, which all carry one): such fields have no
 * middleware, so type-graphql resolves them synchronously. The few that differ still refuse a
 * role that may read their parent.
 */
describe('field-level authorization', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('only the fields whose rule differs from their type carry one', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const roots = new Set([...storage.queries, ...storage.mutations].map((h) => `${h.target.name}.${h.methodName}`));
    const onObjectFields = storage.authorizedFields
      .map((f) => `${f.target.name}.${f.fieldName}`)
      .filter((name) => !roots.has(name))
      .sort();
    expect(onObjectFields).toEqual(['SessionResolver.headCenter', 'SessionResolver.headCenterId', 'SessionResolver.volunteers']);
  });

  it('a visitor may list its region’s sessions but not read their head of centre', async () => {
    const visitor = await loggedIn(app.url, 'visitor-11@demo.snu.test');
    const listed = await visitor.ok<{ allSessions: { id: string }[] }>('{ allSessions(perPage: 5) { id } }');
    expect(listed.allSessions.length).toBeGreaterThan(0);
    const result = await visitor.request<{ allSessions: unknown }>('{ allSessions(perPage: 5) { id headCenter { email } } }');
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result.data ?? {})).not.toContain('@');
    const volunteers = await visitor.request<{ allSessions: unknown }>('{ allSessions(perPage: 5) { id volunteers { lastName } } }');
    expect(errorCode(volunteers)).toBe('FORBIDDEN');
  });

  it('a regional referent reads the same nested field', async () => {
    const region = await loggedIn(app.url, 'region-11@demo.snu.test');
    const { allSessions } = await region.ok<{ allSessions: { headCenter: { email: string } | null }[] }>('{ allSessions(perPage: 100) { headCenter { email } } }');
    expect(allSessions.some((s) => s.headCenter?.email.includes('@'))).toBe(true);
  });
});
