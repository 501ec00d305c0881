import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../server/graphql/limits';
import { GraphQLClient, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/** A fragment that spreads the previous one twice, `levels` deep, on `me`: ≈ 1.6 KB, 2^levels fields once expanded. */
function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on User { id email }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`);
  return `query { me { ...F${levels} } } ${fragments.join(' ')}`;
}

/** `allVolunteers → session → volunteers → session → …`, `levels` relations deep. */
function deepVolunteers(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = i % 2 ? `volunteers { id ${selection} }` : `session { id ${selection} }`;
  return `{ allVolunteers(perPage: 5) { id ${selection} } }`;
}

/** Refused before anything runs, authenticated or not, with the contract's code and a French message. */
describe('query limits', () => {
  let app: TestApp;
  let referent: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp();
    referent = await loggedIn(app.url, 'dept-75@demo.snu.test');
  });
  afterAll(async () => app?.close());

  const refusal = (response: { status: number; errors?: Array<{ message: string; extensions?: { code?: string } }> }) => ({
    status: response.status,
    code: response.errors?.[0]?.extensions?.code,
    french: /^Requête trop complexe : /.test(response.errors?.[0]?.message ?? ''),
  });

  it('the fragment bomb is refused before authentication, and the server keeps answering', async () => {
    const anonymous = new GraphQLClient(app.url);
    const bomb = fragmentBomb(40);
    expect(bomb.length).toBeLessThan(2000);
    const answer = await anonymous.request(bomb);
    expect(refusal(answer)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', french: true });
    expect(answer.data).toBeNull();
    expect((await referent.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe('dept-75@demo.snu.test');
  }, 30_000);

  it('refuses a query nested deeper than the limit, many aliases and a long document; a normal page passes', async () => {
    expect(refusal(await referent.request(deepVolunteers(15)))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', french: true });
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `p${i}: allVolunteers(page: ${i}, perPage: 50) { id email }`).join(' ');
    expect(refusal(await referent.request(`{ ${aliases} }`))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', french: true });
    const long = `{ me { ${Array.from({ length: QUERY_LIMITS.tokens }, () => 'id').join(' ')} } }`;
    expect(refusal(await referent.request(long))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', french: true });
    const directives = Array.from({ length: QUERY_LIMITS.directives + 1 }, () => 'id @include(if: true)').join(' ');
    expect(refusal(await referent.request(`{ me { ${directives} } }`))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', french: true });
    // A list page as the console asks it: within every limit.
    const page = await referent.ok<{ items: unknown[] }>(
      `{ items: allVolunteers(perPage: 50) { id firstName lastName status department { id code name region { id code name } } session { id center { id name } } }
         total: _allVolunteersMeta { count } }`,
    );
    expect(page.items).toHaveLength(50);
  });

  it('a mistyped field gets no suggestion of the real names', async () => {
    const answer = await referent.request('{ me { emial } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).not.toMatch(/Did you mean|email/);
  });
});
