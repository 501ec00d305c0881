import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog } from '../setup/captured-log';
import { errorCode, GraphQLClient, loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const SEARCH = 'query($f: VolunteerFilter) { allVolunteers(filter: $f, perPage: 5) { id } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';

describe.each([['jit'], ['graphql-js']] as const)('hostile input under the %s executor', (executor) => {
  let app: TestApp;
  let referent: GraphQLClient;
  const log = capturedLog();
  beforeAll(async () => {
    app = await startTestApp({ config: { graphqlExecutor: executor }, logger: log.logger });
    referent = await loggedIn(app.url, 'dept-75@demo.snu.test');
  });
  afterAll(async () => app?.close());

  it('a NUL byte in a search or a login e-mail is a 400 with a French message, not an internal error', async () => {
    const search = await referent.request(SEARCH, { f: { q: 'Dup\u0000ont' } });
    expect(search.status).toBe(400);
    expect(errorCode(search)).toBe('BAD_USER_INPUT');
    expect(search.errors?.[0]?.message).toMatch(/caractère de contrôle/);
    const login = await new GraphQLClient(app.url).request(LOGIN, { e: 'a\u0000b@demo.snu.test', p: 'x' });
    expect(login.status).toBe(400);
    expect(errorCode(login)).toBe('BAD_USER_INPUT');
    // The same text written in the document itself.
    const literal = await referent.request('{ allVolunteers(filter: { q: "a\\u0000b" }) { id } }');
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
  });

  it('oversize texts are refused: a 100 KB string anywhere, a search over 100 characters', async () => {
    const huge = await referent.request(SEARCH, { f: { q: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.message).toMatch(/dépasse 10\u202f000 caractères/);
    const long = await referent.request(SEARCH, { f: { q: 'x'.repeat(101) } });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toBe('La recherche ne doit pas dépasser 100 caractères.');
    const fine = await referent.request(SEARCH, { f: { q: 'x'.repeat(100) } });
    expect(fine.errors).toBeUndefined();
  });

  it('an unknown operationName is a 400 in French', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: referent.cookie! },
      body: JSON.stringify({ query: 'query A { me { id } } query B { me { email } }', operationName: 'C' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toBe('L’opération « C » n’existe pas dans le document envoyé.');
  });

  it('an unexpected error answers in French with a request id that its log line carries, and leaks no SQL or personal data', async () => {
    // Break one table under the running server: its query now fails inside PostgreSQL.
    const [volunteer] = await app.sql<{ id: string; last_name: string }>(`select id, last_name from volunteer where status = 'WAITING_VALIDATION' limit 1`);
    await app.sql('alter table note rename to note_gone');
    try {
      const result = await referent.request('mutation($id: ID!, $t: String!) { createNote(volunteerId: $id, content: $t) { id } }', { id: volunteer.id, t: `Appelé ${volunteer.last_name}` });
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      expect(result.errors?.[0]?.message).toMatch(/^Une erreur interne est survenue/);
      const requestId = result.errors?.[0]?.extensions?.requestId;
      expect(requestId).toBe(referent.lastHeaders?.get('x-request-id'));
      expect(JSON.stringify(result)).not.toMatch(/note_gone|relation|insert|select/i);
      const lines = log.lines().filter((l) => l.reqId === requestId);
      const errorLine = lines.find((l) => l.msg === 'unexpected error') as { err: { stack: string; message: string } } | undefined;
      expect(errorLine?.err.stack).toMatch(/at /);
      expect(errorLine?.err.message).toBe('relation "note" does not exist');
      expect(lines.some((l) => l.msg === 'requête' && (l as { errorCodes?: string[] }).errorCodes?.includes('INTERNAL_SERVER_ERROR'))).toBe(true);
      expect(JSON.stringify(lines)).not.toContain(volunteer.last_name);
    } finally {
      await app.sql('alter table note_gone rename to note');
    }
  });

  it('the CSV export refuses a NUL byte in its filter with a 400', async () => {
    const response = await fetch(`${app.url}/exports/volunteers.csv?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000b' }))}`, { headers: { cookie: referent.cookie! } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('HTTP protections', () => {
  let app: TestApp;
  let production: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: { requestTimeoutSeconds: 2 } });
    production = await startTestApp({ config: { env: 'production' }, shareDatabaseOf: app });
  });
  afterAll(async () => {
    await production?.close();
    await app?.close();
  });

  it('no landing page on GET /graphql', async () => {
    for (const base of [app.url, production.url]) {
      const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(await response.text()).not.toMatch(/apollo/i);
    }
  });

  it('security headers: CSP with frame-ancestors none, no framing, HSTS in production only', async () => {
    const local = await fetch(`${app.url}/healthz`);
    const csp = local.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(local.headers.get('x-frame-options')).toBe('DENY');
    expect(local.headers.get('strict-transport-security')).toBeNull();
    const prod = await fetch(`${production.url}/healthz`);
    expect(prod.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(prod.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('API answers are compressed when the client accepts it', async () => {
    const client = await loggedIn(app.url, 'dept-75@demo.snu.test');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookie!, 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ allVolunteers(perPage: 50) { id firstName lastName email status } }' }),
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = (await response.json()) as { data: { allVolunteers: unknown[] } };
    expect(body.data.allVolunteers).toHaveLength(50);
  });

  it('a body over the limit or not JSON gets a French error', async () => {
    const big = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'y'.repeat(300_000) } }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/trop volumineuse/);
    const broken = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/JSON valide/);
  });

  it('a body trickled byte by byte is cut off at the request timeout', async () => {
    const port = Number(new URL(app.url).port);
    const socket = net.connect(port, '127.0.0.1');
    const body = JSON.stringify({ query: '{ me { id } }' });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < body.length && !socket.destroyed) socket.write(body[sent++]);
    }, 500);
    const started = Date.now();
    await closed;
    clearInterval(drip);
    // Cut well before the body could have been sent (≈ 7 s at this pace).
    expect(sent).toBeLessThan(body.length);
    expect(Date.now() - started).toBeLessThan(body.length * 500);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('every answer carries a request id; a proxy’s id is kept', async () => {
    const own = await fetch(`${app.url}/healthz`);
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const forwarded = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'lb-1234567890' } });
    expect(forwarded.headers.get('x-request-id')).toBe('lb-1234567890');
    const hostile = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
