// `npm run bench [-- --smoke] [-- --volunteers N]`: measures the product against a hand-written SQL
// floor on this machine, and writes bench/RESULTS.md (never part of `npm test`, except --smoke).
import { fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { ASSIGN_DOCUMENT, D1_DOCUMENT, Q1_DOCUMENT, Q2_DOCUMENT, Q3_DOCUMENT, q1Variables } from '../bench/documents.mjs';
import { buildAdminIfNeeded, buildServerIfNeeded, root } from './build-if-needed.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const argValue = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const settings = {
  volunteers: argValue('--volunteers', smoke ? 2000 : 200_000),
  duration: argValue('--duration', smoke ? 1 : 10),
  rounds: smoke ? 1 : 2,
  concurrencies: smoke ? [10] : [10, 50],
  out: smoke ? path.join(root, 'bench', '.runs', 'smoke') : path.join(root, 'bench', 'RESULTS'),
};
const log = (message) => console.log(`[bench] ${message}`);

buildServerIfNeeded();
buildAdminIfNeeded();
const { startEmbeddedPostgres, freePort } = require('../dist/server/database/embedded-postgres.js');
const { ensureDatabase } = require('../dist/server/database/database.js');

const cleanups = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch(() => undefined);
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

async function waitFor(url, timeoutMs = 120_000) {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return Date.now() - start;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * One load run; latencies are collected per response so that p95 is exact. The smoke run sends a
 * fixed number of requests instead of loading for a fixed time: on a busy CI machine a one-second
 * window can end before any response, and the smoke checks answers, not speed.
 */
async function load({ url, method = 'GET', headers = {}, body, connections }) {
  const latencies = [];
  let errors = 0;
  const startedAt = performance.now();
  const instance = autocannon({ url, method, headers, body, connections, ...(smoke ? { amount: connections * 5 } : { duration: settings.duration }) });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode !== 200) errors += 1;
    latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = smoke ? (performance.now() - startedAt) / 1000 : settings.duration;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
  };
}

async function main() {
  const started = Date.now();
  // 1. A database of our own.
  let databaseUrl;
  let statStatements = true;
  if (process.env.DATABASE_URL) {
    const name = `snu_bench_${Date.now()}`;
    const adminUrl = new URL(process.env.DATABASE_URL);
    adminUrl.pathname = '/postgres';
    await ensureDatabase(adminUrl.toString(), name);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'snu-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      persistent: false,
      extraFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all'],
    });
    cleanups.push(() => server.stop());
    await ensureDatabase(server.url('postgres'), 'snu_bench');
    databaseUrl = server.url('snu_bench');
  }
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection's error must not kill the run; the next query reports it.
  db.on('error', (error) => log(`database connection error: ${error.message}`));
  cleanups.push(() => db.end());
  const sql = async (text, params) => (await db.query(text, params)).rows;

  // 2. The project's own seeder.
  log(`seeding ${settings.volunteers.toLocaleString('fr-FR')} volunteers…`);
  const seedStart = Date.now();
  const seeded = spawnSync(process.execPath, [path.join(root, 'dist/server/database/cli.js'), 'seed', '--volunteers', String(settings.volunteers)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('seeding failed');
  const seedSeconds = (Date.now() - seedStart) / 1000;
  try {
    await sql('create extension if not exists pg_stat_statements');
    await sql('select pg_stat_statements_reset()');
  } catch {
    statStatements = false;
    log('pg_stat_statements is not available on this server: SQL statement counts are skipped');
  }

  // 3. Who and what is measured: the department with most waiting files that has a referent.
  const [target] = await sql(`
    select d.id as department_id, d.code, d.region_id, u.email,
      (select count(*)::int from volunteer v where v.department_id = d.id and v.status = 'WAITING_VALIDATION') as waiting
    from staff_user u cross join unnest(u.department_ids) as did join department d on d.id = did
    where u.role = 'REFERENT_DEPARTMENT' order by waiting desc limit 1`);
  const [regional] = await sql(`select id, email from staff_user where role = 'REFERENT_REGION' and region_id = $1 limit 1`, [target.region_id]);
  const [cohort] = await sql(`select id from cohort where status = 'PUBLISHED' and instruction_end_date >= current_date order by start_date limit 1`);
  const [page] = await sql(`select v.id from volunteer v left join audit_event e on e.record_id = v.id where v.department_id = $1 group by v.id order by count(e.id) desc limit 1`, [target.department_id]);

  // 4. The real server, in production mode, as a separate process.
  const port = await freePort();
  const serverStart = Date.now();
  const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, SESSION_SECRET: randomBytes(32).toString('hex'), PORT: String(port), LOG_LEVEL: 'warn', SECURE_COOKIES: 'false', LOGIN_SECOND_FACTOR: 'off', RUN_JOBS: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(() => new Promise((resolve) => { server.once('exit', resolve); server.kill('SIGTERM'); }));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);
  log(`server up in ${((Date.now() - serverStart) / 1000).toFixed(1)} s`);
  const login = async (email) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', variables: { e: email, p: 'Demo-Snu-2026!' } }),
    });
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('snu_session='));
    if (!cookie) throw new Error(`login failed for ${email}`);
    return cookie;
  };
  const departmentCookie = await login(target.email);
  const regionCookie = await login(regional.email);

  // W2 (measured first, on the server as it started): CSV export of ≈ 100,000 rows by national
  // staff (statuses added, largest first, until the filter reaches the target), read as a stream
  // while the server's resident memory is sampled.
  const exportTarget = Math.min(100_000, Math.floor(settings.volunteers / 2));
  const byStatus = await sql(`select status::text as status, count(*)::int as n from volunteer group by status order by n desc`);
  const statuses = [];
  let expectedRows = 0;
  for (const { status, n } of byStatus) {
    if (expectedRows >= exportTarget) break;
    statuses.push(status);
    expectedRows += n;
  }
  const adminCookie = await login('admin@demo.snu.test');
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const w2RssBefore = rssMb();
  let w2PeakRss = w2RssBefore;
  const sampler = setInterval(() => {
    w2PeakRss = Math.max(w2PeakRss, rssMb());
  }, 20);
  const w2Start = Date.now();
  const exportResponse = await fetch(`${base}/exports/volunteers.csv?${new URLSearchParams({ filter: JSON.stringify({ status_in: statuses }) })}`, { headers: { cookie: adminCookie } });
  let w2Lines = 0;
  let w2Bytes = 0;
  for await (const chunk of exportResponse.body) {
    w2Bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) w2Lines += 1;
  }
  const w2Seconds = (Date.now() - w2Start) / 1000;
  clearInterval(sampler);
  w2PeakRss = Math.max(w2PeakRss, rssMb());
  const w2 = { status: exportResponse.status, rows: w2Lines - 1, expectedRows, seconds: w2Seconds, megabytes: w2Bytes / 1e6, rssBeforeMb: w2RssBefore, peakRssMb: w2PeakRss };
  log(`W2: ${w2.rows} rows (expected ${expectedRows}) in ${w2Seconds.toFixed(2)} s, peak RSS ${w2PeakRss.toFixed(0)} MB`);

  // 5. The floor, as its own process.
  const floorPort = await freePort();
  const floor = fork(path.join(root, 'bench/floor-server.mjs'), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(floorPort), DEPARTMENT_ID: target.department_id, REGION_ID: target.region_id, COHORT_ID: cohort.id },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(() => new Promise((resolve) => { floor.once('exit', resolve); floor.kill('SIGTERM'); }));
  await new Promise((resolve) => floor.once('message', resolve));
  const floorBase = `http://127.0.0.1:${floorPort}`;

  const graphql = (cookie, query, variables) => ({
    url: `${base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const scenarios = [
    { id: 'Q1', label: 'liste, page 1', product: graphql(departmentCookie, Q1_DOCUMENT, q1Variables(target.department_id, 0)), floor: { url: `${floorBase}/q1?page=0` } },
    { id: 'Q1', label: 'liste, page 100', product: graphql(departmentCookie, Q1_DOCUMENT, q1Variables(target.department_id, 99)), floor: { url: `${floorBase}/q1?page=99` } },
    { id: 'Q2', label: 'fiche + 20 événements', product: graphql(departmentCookie, Q2_DOCUMENT, { id: page.id }), floor: { url: `${floorBase}/q2?id=${page.id}` } },
    { id: 'Q3', label: 'tableau de bord dépt + région', product: graphql(regionCookie, Q3_DOCUMENT, { department: target.department_id, region: target.region_id, cohort: cohort.id }), floor: { url: `${floorBase}/q3` } },
  ];

  const fetchJson = async (request) => (await fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body: request.body })).json();

  // 6. Same answers? (Q1 must match row for row; the smoke test relies on it.)
  const equality = {};
  for (const scenario of scenarios) {
    const [a, b] = [await fetchJson(scenario.product), await fetchJson(scenario.floor)];
    equality[`${scenario.id} ${scenario.label}`] = isDeepStrictEqual(a, b) ? 'identical' : 'different';
    if (scenario.id === 'Q1' && !isDeepStrictEqual(a, b)) {
      fs.mkdirSync(path.dirname(settings.out), { recursive: true });
      fs.writeFileSync(`${settings.out}-q1-diff.json`, JSON.stringify({ product: a, floor: b }, null, 1));
    }
  }
  const q1Product = await fetchJson(scenarios[0].product);
  const q1Rows = q1Product.data?.items?.length ?? 0;

  // 7. SQL statements per request, counted by PostgreSQL itself.
  const statementsPerRequest = async (request, n = 20) => {
    if (!statStatements) return null;
    // Let the previous load's in-flight requests finish, so that their statements are not counted here.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await sql('select pg_stat_statements_reset()');
    for (let i = 0; i < n; i++) await fetchJson(request);
    // The job queue's own polling and maintenance (pg-boss) run in the background: not the request's.
    const [row] = await sql(`select coalesce(sum(calls), 0)::int as calls from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'
        and query not ilike '%pgboss.%'`);
    return row.calls / n;
  };
  const results = [];
  for (const scenario of scenarios) {
    const entry = { ...scenario, runs: {}, sqlProduct: await statementsPerRequest(scenario.product), sqlFloor: await statementsPerRequest(scenario.floor) };
    for (const connections of settings.concurrencies) {
      const runs = { product: [], floor: [] };
      // A/B alternated and repeated, so that noise shows.
      for (let round = 0; round < settings.rounds; round++) {
        runs.product.push(await load({ ...scenario.product, connections }));
        runs.floor.push(await load({ ...scenario.floor, connections }));
      }
      entry.runs[connections] = runs;
      log(`${scenario.id} ${scenario.label} c=${connections}: ${runs.product.map((r) => r.rps.toFixed(0)).join('/')} vs floor ${runs.floor.map((r) => r.rps.toFixed(0)).join('/')} req/s`);
    }
    results.push(entry);
  }

  // D1: the national dashboard (admin, rows per region, every widget), one request at a time after
  // a warm-up: its latency at this volume, and its SQL statements per request.
  const d1Request = graphql(adminCookie, D1_DOCUMENT, { cohort: cohort.id });
  const d1Answer = await fetchJson(d1Request);
  const d1Samples = [];
  for (let i = 0; i < (smoke ? 5 : 40); i++) {
    const t0 = performance.now();
    await fetchJson(d1Request);
    d1Samples.push(performance.now() - t0);
  }
  d1Samples.sort((a, b) => a - b);
  const d1 = {
    ok: !d1Answer.errors && Array.isArray(d1Answer.data?.d?.statusByTerritory),
    volunteers: (d1Answer.data?.d?.statusByTerritory ?? []).reduce((sum, row) => sum + row.total, 0),
    p50: d1Samples[Math.floor(d1Samples.length / 2)],
    p95: d1Samples[Math.min(d1Samples.length - 1, Math.floor(d1Samples.length * 0.95))],
    statements: await statementsPerRequest(d1Request, 5),
  };
  log(`D1: national dashboard p50 ${d1.p50.toFixed(0)} ms, p95 ${d1.p95.toFixed(0)} ms, ${d1.statements} SQL per request (${d1.volunteers} volunteers in the cohort)`);

  // 8. W1: bulk validation of 1,000 files (goal lifted so that it measures the work, not the refusal).
  await sql(`update inscription_goal set max = 10000000 where department_id = $1`, [target.department_id]);
  const toValidate = (await sql(`select id from volunteer where department_id = $1 and status = 'WAITING_VALIDATION' order by created_at limit 1000`, [target.department_id])).map((r) => r.id);
  if (statStatements) await sql('select pg_stat_statements_reset()');
  const w1Start = Date.now();
  const w1 = await fetchJson(graphql(departmentCookie, 'mutation($ids: [ID!]!) { validateVolunteers(ids: $ids) { succeeded failed { code } } }', { ids: toValidate }));
  const w1Seconds = (Date.now() - w1Start) / 1000;
  const w1Statements = statStatements
    ? (await sql(`select coalesce(sum(calls), 0)::int as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'`))[0].calls
    : null;
  const w1Succeeded = w1.data?.validateVolunteers?.succeeded?.length ?? 0;

  // W5: manual assignment, one file per request at c=10 (the volunteer page's dialog), product
  // against the floor's single statement (bench/documents.mjs), on disjoint files of the region
  // into one session with room for all; each side assigns the same number, A/B alternated.
  // Before W4, which takes up to 1,000 of the same files.
  const [w5Center] = await sql(
    `insert into cohesion_center (id, name, address, zip, city, department_id, capacity, accessible_reduced_mobility)
     values (gen_random_uuid(), 'Centre de mesure W5', '2 rue du Banc', '00000', 'Banc', $1, 100000, true) returning id`,
    [target.department_id],
  );
  const [w5Session] = await sql(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 100000, 100000) returning id`, [cohort.id, w5Center.id]);
  const w5Pool = (await sql(
    `select v.id from volunteer v join department d on d.id = v.department_id
     where d.region_id = $1 and v.cohort_id = $2 and v.status = 'VALIDATED' and v.session_id is null order by v.id`,
    [target.region_id, cohort.id],
  )).map((r) => r.id);
  // At most half of the pool, so that W4 still has its files.
  const w5PerRun = Math.min(smoke ? 40 : 2000, Math.floor(w5Pool.length / (4 * settings.rounds)));
  const assignRun = async (url, headers, ids, body) => {
    let next = 0;
    // GraphQL refusals answer 200: what was assigned is counted in the database below.
    let httpErrors = 0;
    const started = Date.now();
    const instance = autocannon({
      url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, connections: 10, amount: ids.length,
      requests: [{ setupRequest: (request) => ({ ...request, body: body(ids[next++ % ids.length]) }) }],
    });
    // Timed to the last answer: autocannon itself ends on its next one-second tick.
    let last = started;
    instance.on('response', (_client, statusCode) => {
      if (statusCode !== 200) httpErrors += 1;
      last = Date.now();
    });
    await instance;
    const seconds = (last - started) / 1000;
    const [{ n }] = await sql('select count(*)::int as n from volunteer where id = any($1::uuid[]) and session_id = $2', [ids, w5Session.id]);
    return { requests: ids.length, assigned: n, httpErrors, seconds, rps: ids.length / seconds };
  };
  const w5 = { perRun: w5PerRun, product: [], floor: [] };
  for (let round = 0; round < settings.rounds && w5PerRun > 0; round++) {
    const slice = (k) => w5Pool.slice((2 * round + k) * w5PerRun, (2 * round + k + 1) * w5PerRun);
    w5.product.push(await assignRun(`${base}/graphql`, { cookie: regionCookie }, slice(0), (id) => JSON.stringify({ query: ASSIGN_DOCUMENT, variables: { id, sessionId: w5Session.id } })));
    w5.floor.push(await assignRun(`${floorBase}/assign`, {}, slice(1), (id) => JSON.stringify({ volunteerId: id, sessionId: w5Session.id, actorId: regional.id })));
  }
  log(`W5: manual assignment c=10: ${w5.product.map((r) => r.rps.toFixed(0)).join('/')} vs floor ${w5.floor.map((r) => r.rps.toFixed(0)).join('/')} req/s (${w5PerRun} per run)`);

  // W4: bulk assignment of 1,000 validated volunteers of the target's region by its regional
  // manager, into one big session of the open cohort created for the measure (the demo's
  // sessions have fewer places than that at this size).
  const [bigCenter] = await sql(
    `insert into cohesion_center (id, name, address, zip, city, department_id, capacity, accessible_reduced_mobility)
     values (gen_random_uuid(), 'Centre de mesure', '1 rue du Banc', '00000', 'Banc', $1, 2000, true) returning id`,
    [target.department_id],
  );
  const [bigSession] = await sql(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 2000, 2000) returning id`, [cohort.id, bigCenter.id]);
  const toAssign = (await sql(
    `select v.id from volunteer v join department d on d.id = v.department_id
     where d.region_id = $1 and v.cohort_id = $2 and v.status = 'VALIDATED' and v.session_id is null order by v.id limit 1000`,
    [target.region_id, cohort.id],
  )).map((r) => r.id);
  const w4Start = Date.now();
  const w4 = await fetchJson(graphql(regionCookie, 'mutation($a: [AssignmentInput!]!) { assignVolunteers(assignments: $a) { succeeded failed { code } } }', {
    a: toAssign.map((id) => ({ volunteerId: id, sessionId: bigSession.id })),
  }));
  const w4Seconds = (Date.now() - w4Start) / 1000;
  const w4Succeeded = w4.data?.assignVolunteers?.succeeded?.length ?? 0;
  log(`W4: ${w4Succeeded} of ${toAssign.length} assigned in ${w4Seconds.toFixed(2)} s`);


  // W3: automatic assignment on a national-size synthetic input (bench/assignment.mjs, compiled optimiser).
  const w3Args = smoke ? ['--volunteers', '5000', '--sessions', '50'] : [];
  const w3Run = spawnSync(process.execPath, [path.join(root, 'bench/assignment.mjs'), '--json', ...w3Args], { cwd: root, encoding: 'utf8' });
  const w3Line = (w3Run.stdout ?? '').split('\n').find((l) => l.startsWith('W3_JSON '));
  const w3 = w3Line ? JSON.parse(w3Line.slice('W3_JSON '.length)) : null;
  if (!w3) log(`W3 failed: ${w3Run.stderr}`);

  // A1: the audit trail grown to 1,000,000 events (each chained by the insert trigger), then `npm run audit:verify`.
  const a1Target = smoke ? 20_000 : 1_000_000;
  const [{ n: a1Before }] = await sql('select count(*)::int as n from audit_event');
  const a1InsertStart = Date.now();
  await sql(
    `insert into audit_event (id, action, record_type, record_id, changes, created_at)
     select gen_random_uuid(), 'BENCH_EVENT', 'Volunteer', gen_random_uuid(), jsonb_build_object('n', g), now() from generate_series(1, $1::int) g`,
    [Math.max(0, a1Target - a1Before)],
  );
  const a1InsertSeconds = (Date.now() - a1InsertStart) / 1000;
  const a1Start = Date.now();
  const a1Run = spawnSync(process.execPath, [path.join(root, 'dist/server/database/cli.js'), 'audit-verify'], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' }, encoding: 'utf8' });
  const a1 = { events: Math.max(a1Target, a1Before), insertSeconds: a1InsertSeconds, verifySeconds: (Date.now() - a1Start) / 1000, intact: a1Run.status === 0 && a1Run.stdout.includes('Historique intact') };
  log(`A1: ${a1.events} events chained in ${a1InsertSeconds.toFixed(1)} s, verified in ${a1.verifySeconds.toFixed(1)} s (${a1.intact ? 'intact' : 'NOT intact'})`);

  // 9. S1: `npm start` from an empty data directory to serving, and the console's initial JS.
  const s1Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snu-bench-start-'));
  const s1Port = await freePort();
  const s1Start = Date.now();
  const env = { ...process.env, DATA_DIR: s1Dir, PORT: String(s1Port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const s1 = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { env, stdio: 'ignore' });
  const s1Stop = () => new Promise((resolve) => { s1.once('exit', resolve); s1.kill('SIGINT'); });
  let s1Seconds;
  try {
    await waitFor(`http://127.0.0.1:${s1Port}/healthz`, 300_000);
    s1Seconds = (Date.now() - s1Start) / 1000;
  } finally {
    await s1Stop();
    fs.rmSync(s1Dir, { recursive: true, force: true });
  }
  const indexHtml = fs.readFileSync(path.join(root, 'dist/admin/index.html'), 'utf8');
  const scripts = [...indexHtml.matchAll(/src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const initialJsKb = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(root, 'dist/admin', file))).length, 0) / 1024;

  await cleanup();
  const report = { settings, date: new Date().toISOString(), seedSeconds, target: { code: target.code, waiting: target.waiting }, equality, q1Rows, results, w1: { files: toValidate.length, succeeded: w1Succeeded, seconds: w1Seconds, statements: w1Statements }, w2, w3, w4: { items: toAssign.length, succeeded: w4Succeeded, seconds: w4Seconds }, w5, a1, d1, s1: { seconds: s1Seconds, initialJsKb }, totalSeconds: (Date.now() - started) / 1000 };
  writeReport(report);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const verdict = (ok) => (ok ? 'met' : '**not met**');

function writeReport(report) {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const lines = [];
  lines.push(`# Benchmark results${smoke ? ' (smoke run: numbers meaningless)' : ''}`, '');
  lines.push(`- date: ${report.date}`, `- commit: ${commit}`, `- machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  lines.push(`- data: ${settings.volunteers.toLocaleString('fr-FR')} volunteers (seeded in ${fmt(report.seedSeconds, 1)} s); measured department ${report.target.code} with ${fmt(report.target.waiting)} files waiting`);
  lines.push(`- load: autocannon, ${settings.duration} s per run, ${settings.rounds} alternated product/floor rounds per cell; the product is the production build over HTTP with a session cookie; the floor is one hand-written SQL query per request through \`pg\` (bench/floor-server.mjs)`);
  lines.push(`- answers compared with the floor: ${Object.entries(report.equality).map(([k, v]) => `${k}: ${v}`).join('; ')}`, '');
  lines.push('| id | work | conc. | product req/s (runs) | floor req/s (runs) | ratio | p50 / p95 / p99 ms (product) | p50 / p95 / p99 ms (floor) | SQL per request (product / floor) |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const ratios = {};
  for (const entry of report.results) {
    for (const [connections, runs] of Object.entries(entry.runs)) {
      const product = median(runs.product.map((r) => r.rps));
      const floor = median(runs.floor.map((r) => r.rps));
      const best = (list, key) => median(list.map((r) => r[key]));
      const ratio = product / floor;
      ratios[`${entry.id} ${entry.label} ${connections}`] = { ratio, p95: best(runs.product, 'p95'), p50: best(runs.product, 'p50'), sql: entry.sqlProduct };
      lines.push(`| ${entry.id} | ${entry.label} | ${connections} | ${fmt(product)} (${runs.product.map((r) => fmt(r.rps)).join(', ')}) | ${fmt(floor)} (${runs.floor.map((r) => fmt(r.rps)).join(', ')}) | ${fmt(ratio, 2)} | ${fmt(best(runs.product, 'p50'))} / ${fmt(best(runs.product, 'p95'))} / ${fmt(best(runs.product, 'p99'))} | ${fmt(best(runs.floor, 'p50'))} / ${fmt(best(runs.floor, 'p95'))} / ${fmt(best(runs.floor, 'p99'))} | ${fmt(entry.sqlProduct, 1)} / ${fmt(entry.sqlFloor, 1)} |`);
    }
  }
  const q1p1 = ratios['Q1 liste, page 1 10'];
  const q1p100 = ratios['Q1 liste, page 100 10'];
  lines.push('', '| id | work | result |', '| --- | --- | --- |');
  lines.push(`| W1 | bulk validation of ${fmt(report.w1.files)} files | ${fmt(report.w1.seconds, 2)} s, ${fmt(report.w1.succeeded)} validated, ${fmt(report.w1.statements)} SQL statements |`);
  const { w2 } = report;
  lines.push(`| W2 | CSV export by national staff (\`/exports/volunteers.csv\`) | ${fmt(w2.rows)} rows (expected ${fmt(w2.expectedRows)}), ${fmt(w2.seconds, 2)} s, ${fmt(w2.megabytes, 1)} MB; server RSS ${fmt(w2.rssBeforeMb)} MB before, peak ${fmt(w2.peakRssMb)} MB |`);
  const { w3, w4 } = report;
  const w3Row = (r) => `${fmt(r.placed)} placed (${fmt(100 * r.placedShare, 1)} %), balance ${fmt(r.balance, 4)}, mean distance ${fmt(r.meanDistance, 3)}, ${fmt(r.wallMs / 1000, 2)} s, peak ${fmt(r.peakRssMb)} MB`;
  lines.push(w3
    ? `| W3 | automatic assignment of ${fmt(w3.settings.volunteers)} volunteers into ${fmt(w3.settings.sessions)} sessions (synthetic, bench/assignment.mjs) | optimiser: ${w3Row(w3.optimizer)}; former random search (300 orders): ${w3Row(w3.baseline)} |`
    : '| W3 | automatic assignment | failed (see the log) |');
  lines.push(`| W4 | bulk assignment of ${fmt(w4.items)} volunteers by their regional manager | ${fmt(w4.seconds, 2)} s, ${fmt(w4.succeeded)} assigned |`);
  const { w5 } = report;
  const w5Product = median(w5.product.map((r) => r.rps));
  const w5Floor = median(w5.floor.map((r) => r.rps));
  lines.push(`| W5 | manual assignment, one file per request, c=10 (${fmt(w5.perRun)} per run) | product ${fmt(w5Product)} req/s (${w5.product.map((r) => fmt(r.rps)).join(', ')}), floor ${fmt(w5Floor)} req/s (${w5.floor.map((r) => fmt(r.rps)).join(', ')}), ratio ${fmt(w5Product / w5Floor, 2)}; assigned ${w5.product.map((r) => fmt(r.assigned)).join(', ')} / ${w5.floor.map((r) => fmt(r.assigned)).join(', ')} |`);
  const { a1 } = report;
  lines.push(`| A1 | audit trail: ${fmt(a1.events)} events, each ranked and chained by the insert trigger, then \`npm run audit:verify\` (process start included) | inserted in ${fmt(a1.insertSeconds, 1)} s; verified in ${fmt(a1.verifySeconds, 1)} s, ${a1.intact ? 'intact' : '**not intact**'} |`);
  const { d1 } = report;
  lines.push(`| D1 | national dashboard (\`cohortDashboard\`, rows per region, every widget), one request at a time, open cohort of ${fmt(d1.volunteers)} volunteers | p50 ${fmt(d1.p50)} ms, p95 ${fmt(d1.p95)} ms, ${fmt(d1.statements, 1)} SQL statements per request${d1.ok ? '' : ', **errors**'} |`);
  lines.push(`| S1 | \`npm start\` from an empty data directory to serving | ${fmt(report.s1.seconds, 1)} s; console initial JS ${fmt(report.s1.initialJsKb)} kB gzipped |`);
  lines.push('', '## Budgets', '', '| budget | value | verdict |', '| --- | --- | --- |');
  lines.push(`| Q1 ≥ 0.5 × floor throughput (c=10) | ${fmt(q1p1?.ratio, 2)} | ${verdict(q1p1?.ratio >= 0.5)} |`);
  lines.push(`| Q1 p95 < 50 ms (c=10) | ${fmt(q1p1?.p95)} ms | ${verdict(q1p1?.p95 < 50)} |`);
  lines.push(`| Q1 ≤ 4 SQL statements per request | ${fmt(q1p1?.sql, 1)} | ${verdict(q1p1?.sql !== null && q1p1?.sql <= 4)} |`);
  lines.push(`| Q1 page 100 ≤ 2 × page 1 (p50, c=10) | ${fmt(q1p100?.p50)} vs ${fmt(q1p1?.p50)} ms | ${verdict(q1p100?.p50 <= 2 * Math.max(q1p1?.p50, 1))} |`);
  for (const key of ['Q2 fiche + 20 événements 10', 'Q3 tableau de bord dépt + région 10']) {
    lines.push(`| ${key.slice(0, 2)} ≥ 0.5 × floor throughput (c=10) | ${fmt(ratios[key]?.ratio, 2)} | ${verdict(ratios[key]?.ratio >= 0.5)} |`);
  }
  lines.push(`| W1 < 2 s | ${fmt(report.w1.seconds, 2)} s | ${verdict(report.w1.seconds < 2)} |`);
  lines.push(`| W2 < 3 s and < 200 MB peak RSS (${fmt(w2.rows)} rows) | ${fmt(w2.seconds, 2)} s, ${fmt(w2.peakRssMb)} MB | ${verdict(w2.status === 200 && w2.rows === w2.expectedRows && w2.seconds < 3 && w2.peakRssMb < 200)} |`);
  if (w3) lines.push(`| W3 < 10 s, placing at least the random search's and better balanced and closer (${fmt(w3.settings.volunteers)} × ${fmt(w3.settings.sessions)}) | ${fmt(w3.optimizer.wallMs / 1000, 2)} s | ${verdict(w3.optimizer.wallMs < 10_000 && w3.optimizer.placed >= w3.baseline.placed && w3.optimizer.balance <= w3.baseline.balance && w3.optimizer.meanDistance <= w3.baseline.meanDistance)} |`);
  lines.push(`| W4 < 2 s (${fmt(w4.items)} assignments) | ${fmt(w4.seconds, 2)} s | ${verdict(w4.seconds < 2 && w4.succeeded === w4.items)} |`);
  lines.push(`| W5 ≥ 0.5 × floor throughput (manual assignment, c=10) | ${fmt(w5Product / w5Floor, 2)} | ${verdict(w5Product / w5Floor >= 0.5 && w5.product.every((r) => r.assigned === r.requests))} |`);
  lines.push(`| A1 verification of ${fmt(a1.events)} events < 20 s, intact | ${fmt(a1.verifySeconds, 1)} s | ${verdict(a1.intact && a1.verifySeconds < 20)} |`);
  lines.push(`| D1 national dashboard < 200 ms (p95, ${fmt(settings.volunteers)} volunteers seeded) | ${fmt(d1.p95)} ms | ${verdict(d1.ok && d1.p95 < 200)} |`);
  lines.push(`| S1 < 60 s and < 1 MB initial JS | ${fmt(report.s1.seconds, 1)} s, ${fmt(report.s1.initialJsKb)} kB | ${verdict(report.s1.seconds < 60 && report.s1.initialJsKb < 1024)} |`);
  const notesFile = path.join(root, 'bench', 'NOTES.md');
  if (!smoke && fs.existsSync(notesFile)) lines.push('', fs.readFileSync(notesFile, 'utf8').trim());
  const markdown = `${lines.join('\n')}\n`;
  fs.mkdirSync(path.dirname(settings.out), { recursive: true });
  fs.writeFileSync(`${settings.out}.md`, markdown);
  fs.writeFileSync(`${settings.out}.json`, JSON.stringify(report, null, 1));
  console.log(`\n${markdown}`);
  log(`written ${path.relative(root, settings.out)}.md in ${fmt(report.totalSeconds)} s`);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
