import { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema, synchronouslyAuthorizedFields } from '../../server/graphql/schema';
import { errorCode, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Object fields keep their `@Authorized` rule when it is checked synchronously (the list pages'
 * fast path): every field of every object type is covered, and a role-restricted nested field still
 * refuses a role that may read its parent.
 */
describe('field-level authorization', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('covers every field of every object type (none left on an unchecked path)', async () => {
    const schema = await getSchema();
    const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
    const objectFields = Object.values(schema.getTypeMap())
      .filter((t): t is GraphQLObjectType => t instanceof GraphQLObjectType && !t.name.startsWith('__') && !roots.has(t.name))
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    expect(objectFields.length).toBeGreaterThan(100);
    expect(objectFields.filter((f) => !synchronouslyAuthorizedFields.includes(f))).toEqual([]);
  });

  it('a visitor may list its region’s sessions but not read their head of centre', async () => {
    const visitor = await loggedIn(app.url, 'visitor-11@demo.snu.test');
    const listed = await visitor.ok<{ allSessions: { id: string }[] }>('{ allSessions(perPage: 5) { id } }');
    expect(listed.allSessions.length).toBeGreaterThan(0);
    const result = await visitor.request<{ allSessions: unknown }>('{ allSessions(perPage: 5) { id headCenter { email } } }');
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result.data ?? {})).not.toContain('@');
  });

  it('a regional referent reads the same nested field', async () => {
    const region = await loggedIn(app.url, 'region-11@demo.snu.test');
    const { allSessions } = await region.ok<{ allSessions: { headCenter: { email: string } | null }[] }>('{ allSessions(perPage: 100) { headCenter { email } } }');
    expect(allSessions.some((s) => s.headCenter?.email.includes('@'))).toBe(true);
  });
});
