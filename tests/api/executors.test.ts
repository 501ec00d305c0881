import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module shared with the benchmark
import { Q1_DOCUMENT, Q2_DOCUMENT, q1Variables } from '../../bench/documents.mjs';
import { errorCode, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** graphql-jit (the default) and graphql-js (GRAPHQL_EXECUTOR=graphql-js) give the same answers. */
describe('GraphQL executors', () => {
  let jit: TestApp;
  let reference: TestApp;
  beforeAll(async () => {
    jit = await startTestApp();
    reference = await startTestApp({ config: { graphqlExecutor: 'graphql-js' } });
  });
  afterAll(async () => {
    await jit?.close();
    await reference?.close();
  });

  it('the console’s list and volunteer page documents answer identically, errors included', async () => {
    const [{ id: departmentId }] = await jit.sql<{ id: string }>(`select id from department where code = '75'`);
    const [{ id: volunteerId }] = await jit.sql<{ id: string }>(`select v.id from volunteer v where v.department_id = $1 and v.session_id is not null limit 1`, [departmentId]);
    const documents: Array<[string, Record<string, unknown>]> = [
      [Q1_DOCUMENT as string, (q1Variables as (d: string, p: number) => Record<string, unknown>)(departmentId, 0)],
      [Q1_DOCUMENT as string, { ...(q1Variables as (d: string, p: number) => Record<string, unknown>)(departmentId, 0), filter: { status: 'VALIDATED' } }],
      [Q2_DOCUMENT as string, { id: volunteerId }],
      ['{ allSessions(perPage: 3) { id headCenter { email } } }', {}],
    ];
    for (const email of ['dept-75@demo.snu.test', 'visitor-11@demo.snu.test']) {
      const [a, b] = [await loggedIn(jit.url, email), await loggedIn(reference.url, email)];
      for (const [query, variables] of documents) {
        const [fast, slow] = [await a.request(query, variables), await b.request(query, variables)];
        expect(fast, `${email}: ${query.slice(0, 40)}`).toEqual(slow);
      }
    }
    const dept = await loggedIn(jit.url, 'dept-75@demo.snu.test');
    const q1 = await dept.ok<{ items: { session: unknown }[] }>(Q1_DOCUMENT as string, { ...(q1Variables as (d: string, p: number) => Record<string, unknown>)(departmentId, 0), filter: { status: 'VALIDATED' } });
    expect(q1.items.some((v) => v.session !== null)).toBe(true);
  });

  it('a variable of the wrong type is a BAD_USER_INPUT with a French message on both', async () => {
    for (const app of [jit, reference]) {
      const client = await loggedIn(app.url, 'dept-75@demo.snu.test');
      const result = await client.request('query($p: Int) { allVolunteers(perPage: $p) { id } }', { p: 'x' });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/entier/);
    }
  });
});
