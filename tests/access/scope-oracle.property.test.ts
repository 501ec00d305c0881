import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, type GraphQLClient, type GraphQLResponse } from '../setup/graphql-client';
import { condition, createDemoSimulations, createStaffAccount, ME, meParams, QUERIED_TYPES, territoryOf, TYPES, type Sql, type Territory } from '../setup/scope-oracle';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Property-based scope tests: random accounts × random filters × sorts × pages, each answer
 * compared with ONE hand-written SQL query over the account's territory (the oracle), rows in the
 * oracle's order (ties broken by id, in the sort's direction) and counts equal.
 *
 * Runs per property: FUZZ_RUNS (default 150; `npm run test:fuzz` runs 10,000). The seed is fixed
 * (FUZZ_SEED to change it), so every run replays the same cases; a failure prints its seed, path
 * and shrunk counterexample, which `fc.assert(…, { seed, path })` replays.
 * `waitingForMoreThanDays` is left out: it compares with the current time.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const TIMEOUT = Math.max(60_000, RUNS * 400);
const settings = { numRuns: RUNS, seed: SEED };

const ACCOUNTS = [
  'admin@demo.snu.test',
  'region-11@demo.snu.test',
  'region-84@demo.snu.test',
  'dept-75@demo.snu.test',
  'dept-92@demo.snu.test',
  'dept-69@demo.snu.test',
  'visitor-11@demo.snu.test',
  'head-center@demo.snu.test',
  'dept-75-69@fuzz.test',
];

const VOLUNTEER_STATUSES = ['IN_PROGRESS', 'WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'REFUSED', 'WAITING_LIST', 'WITHDRAWN', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE'];
const PHASE1_STATUSES = ['WAITING_ASSIGNMENT', 'ASSIGNED', 'DONE', 'NOT_DONE', 'EXEMPTED'];
const CORRECTION_STATUSES = ['PENDING', 'SENT', 'REMINDED', 'CORRECTED', 'CANCELED'];
const SORT_ORDERS = ['ASC', 'DESC', 'asc', 'desc'];

/** The oracle's reading of each list's sortable fields (GraphQL sortField → SQL expression). */
const VOLUNTEER_SORTS: Record<string, string> = {
  createdAt: 'x.created_at',
  updatedAt: 'x.updated_at',
  statusChangedAt: 'x.status_changed_at',
  lastName: 'x.last_name',
  firstName: 'x.first_name',
  email: 'x.email',
  birthDate: 'x.birth_date',
  status: 'x.status',
  phase1Status: 'x.phase1_status',
  department: 'd.code',
  cohort: 'co.start_date',
};
const SESSION_SORTS: Record<string, string> = {
  placesTotal: 'x.places_total',
  placesLeft: 'x.places_left',
  center: 'c.name',
  cohort: 'co.start_date',
  createdAt: 'x.created_at',
};
const CORRECTION_SORTS: Record<string, string> = { createdAt: 'x.created_at', status: 'x.status', field: 'x.field' };
const NOTE_SORTS: Record<string, string> = { createdAt: 'x.created_at' };

let app: TestApp;
let pool: pg.Pool;
const sql: Sql = async (text, params) => (await pool.query(text, params)).rows;
const accounts = new Map<string, Territory & { client: GraphQLClient }>();

/** Real values the arbitraries draw from (read once from this file's database copy). */
const data = {
  volunteerIds: [] as string[],
  /** A few ids each account sees, so that `ids` filters often mix in-scope and out-of-scope ids. */
  visibleVolunteerIds: [] as string[],
  volunteerTexts: [] as string[],
  createdAts: [] as string[],
  cohortIds: [] as string[],
  departmentIds: [] as string[],
  demoDepartmentIds: [] as string[],
  regionIds: [] as string[],
  sessionIds: [] as string[],
  centerIds: [] as string[],
  centerTexts: [] as string[],
  staffIds: [] as string[],
  correctionIds: [] as string[],
  correctionFields: [] as string[],
  noteIds: [] as string[],
  noteTexts: [] as string[],
  /** Volunteers with notes or correction requests, and some without. */
  followedVolunteerIds: [] as string[],
  rowsByType: {} as Record<string, string[]>,
};

const column = async (query: string, params?: unknown[]) => (await sql<{ v: string }>(query, params)).map((r) => String(r.v));

beforeAll(async () => {
  app = await startTestApp();
  pool = new pg.Pool({ connectionString: app.orm.config.get('clientUrl'), max: 4 });
  await createDemoSimulations(sql);
  await createStaffAccount(sql, 'dept-75-69@fuzz.test', { role: 'REFERENT_DEPARTMENT', regionCode: null, departmentCodes: ['75', '69'] });
  for (const email of ACCOUNTS) accounts.set(email, { ...(await territoryOf(sql, email)), client: await loggedIn(app.url, email) });

  data.volunteerIds = await column('select id as v from volunteer order by id');
  for (const t of accounts.values()) {
    data.visibleVolunteerIds.push(...(await column(`${ME} select x.id as v from volunteer x, me where ${condition('Volunteer', t)} order by x.id limit 15`, meParams(t))));
  }
  data.volunteerTexts = await column(`select first_name || ' ' || last_name || ' ' || email as v from volunteer order by id limit 300`);
  data.createdAts = (await sql<{ v: Date }>('select distinct created_at as v from volunteer order by 1')).map((r) => r.v.toISOString()).filter((_, i) => i % 15 === 0);
  data.cohortIds = await column('select id as v from cohort order by id');
  data.departmentIds = await column('select id as v from department order by code');
  data.demoDepartmentIds = await column(`select id as v from department where code in ('75', '92', '93', '69', '13', '38') order by code`);
  data.regionIds = await column('select id as v from region order by code');
  data.sessionIds = await column('select id as v from session order by id');
  data.centerIds = await column('select id as v from cohesion_center order by id');
  data.centerTexts = await column('select name || \' \' || city as v from cohesion_center order by id');
  data.staffIds = await column('select id as v from staff_user order by id');
  data.correctionIds = await column('select id as v from correction_request order by id');
  data.correctionFields = await column('select distinct field as v from correction_request order by 1');
  data.noteIds = await column('select id as v from note order by id');
  data.noteTexts = await column('select content as v from note order by id');
  data.followedVolunteerIds = await column(
    `select volunteer_id as v from correction_request union select volunteer_id from note
     union (select id from volunteer where id not in (select volunteer_id from note) order by id limit 20) order by 1`,
  );
  for (const [type, rule] of Object.entries(TYPES)) data.rowsByType[type] = await column(`select id as v from ${rule.table} order by id`);
}, 180_000);
afterAll(async () => {
  await pool?.end();
  await app?.close();
});

const who = (email: string) => accounts.get(email)!;
const canonical = (response: GraphQLResponse<unknown>) => JSON.stringify(response);

// ---------------------------------------------------------------------------------------------
// Arbitraries.
// ---------------------------------------------------------------------------------------------

/** Absent 6 times out of 7: a random filter usually combines one or two criteria, not all of them. */
const maybe = <T>(arb: fc.Arbitrary<T>, absent = 6) => fc.oneof({ arbitrary: fc.constant(undefined), weight: absent }, { arbitrary: arb, weight: 1 });
const oneOf = <T>(values: () => T[]) => fc.nat().map((i) => values()[i % values().length]);
const someId = (pool: () => string[]) => fc.oneof({ arbitrary: oneOf(pool), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 });
/** A substring of a real text (name, e-mail, centre…), sometimes upper-cased or padded, or random text with LIKE wildcards. */
const text = (pool: () => string[]) =>
  fc.oneof(
    { arbitrary: fc.tuple(oneOf(pool), fc.nat(), fc.integer({ min: 1, max: 8 })).map(([t, start, length]) => t.substr(start % t.length, length)), weight: 4 },
    { arbitrary: fc.tuple(oneOf(pool), fc.nat(), fc.integer({ min: 2, max: 6 })).map(([t, start, length]) => ` ${t.substr(start % t.length, length).toUpperCase()} `), weight: 1 },
    { arbitrary: fc.string({ maxLength: 5 }), weight: 1 },
    { arbitrary: fc.constantFrom('%', '_', '\\', '%a%', 'e_', '  '), weight: 1 },
  );
/** Ids mixing rows in the account's scope, rows outside it and missing ones. */
const ids = (pool: () => string[]) =>
  fc.array(
    fc.oneof(oneOf(pool), fc.uuid(), oneOf(pool).map((id) => id.toUpperCase())),
    { maxLength: 8 },
  );
const paging = {
  page: fc.oneof({ arbitrary: fc.constantFrom(undefined, 0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }),
  perPage: maybe(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(100, 1000)), 1),
};
const sort = (fields: Record<string, string>) => ({
  sortField: maybe(fc.constantFrom(...Object.keys(fields)), 1),
  sortOrder: maybe(fc.constantFrom(...SORT_ORDERS), 1),
});
const account = fc.constantFrom(...ACCOUNTS);
const timestamp = fc
  .tuple(oneOf(() => data.createdAts), fc.oneof(fc.constant(0), fc.integer({ min: -3 * 86_400, max: 3 * 86_400 })))
  .map(([iso, seconds]) => new Date(Date.parse(iso) + seconds * 1000).toISOString());

/** Drops absent keys, so that a printed counterexample shows only what was sent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

interface ListCase<F> {
  email: string;
  filter: F;
  sortField?: string;
  sortOrder?: string;
  page?: number;
  perPage?: number;
}

// ---------------------------------------------------------------------------------------------
// Running a list case against its oracle.
// ---------------------------------------------------------------------------------------------

/** The page the contract describes: perPage defaults to 25, or to the number of ids asked for. */
function window(c: ListCase<{ ids?: string[] }>): { limit: number; offset: number } {
  const limit = c.perPage ?? (c.filter.ids ? Math.min(Math.max(c.filter.ids.length, 1), 1000) : 25);
  return { limit, offset: (c.page ?? 0) * limit };
}

function direction(c: ListCase<unknown>, fallback: 'ASC' | 'DESC'): 'ASC' | 'DESC' {
  return (c.sortOrder ?? fallback).toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
}

/**
 * The oracle's answer: `matching` is the hand-written query (the rows of the account's territory
 * that pass the filter, with their sort key); the page is taken in sort order, ties by id.
 */
async function oracleList(t: Territory, matching: string, params: unknown[], dir: 'ASC' | 'DESC', page: { limit: number; offset: number }) {
  const n = 4 + params.length;
  const [row] = await sql<{ total: number; ids: string[] }>(
    `${ME}, matching as (${matching})
     select (select count(*)::int from matching) as total,
            array(select id from matching order by sort_key ${dir}, id ${dir} limit $${n + 1} offset $${n + 2}) as ids`,
    [...meParams(t), ...params, page.limit, page.offset],
  );
  return { ids: row.ids, total: row.total };
}

async function checkList(type: string, c: ListCase<Record<string, unknown>>, expected: () => Promise<{ ids: string[]; total: number }>) {
  const plural = { Volunteer: 'Volunteers', Session: 'Sessions', Note: 'Notes', CorrectionRequest: 'CorrectionRequests' }[type];
  const t = who(c.email);
  const response = await t.client.request<{ items: { id: string }[]; total: { count: number } }>(
    `query($filter: ${type}Filter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
       items: all${plural}(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { id }
       total: _all${plural}Meta(filter: $filter, page: $page, perPage: $perPage) { count } }`,
    { filter: c.filter, page: c.page, perPage: c.perPage, sortField: c.sortField, sortOrder: c.sortOrder },
  );
  if (!TYPES[type].roles.includes(t.role)) {
    expect(errorCode(response), canonical(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
    return;
  }
  expect(response.errors, canonical(response)).toBeUndefined();
  const want = await expected();
  expect({ ids: response.data!.items.map((i) => i.id), total: response.data!.total.count }).toEqual(want);
}

/** `q` as the contract reads it: trimmed, ignored when empty. */
const query = (q: string | undefined) => (q?.trim() ? q.trim() : null);

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

interface VolunteerFilter {
  status?: string;
  status_in?: string[];
  cohortId?: string;
  departmentId?: string;
  regionId?: string;
  sessionId?: string;
  phase1Status?: string;
  q?: string;
  ids?: string[];
  hasPendingCorrections?: boolean;
  createdAt_gte?: string;
  createdAt_lte?: string;
}

const volunteerCases: fc.Arbitrary<ListCase<VolunteerFilter>> = fc
  .record({
    email: account,
    filter: fc
      .record({
        status: maybe(fc.constantFrom(...VOLUNTEER_STATUSES)),
        status_in: maybe(fc.uniqueArray(fc.constantFrom(...VOLUNTEER_STATUSES), { maxLength: 4 })),
        cohortId: maybe(someId(() => data.cohortIds)),
        departmentId: maybe(fc.oneof(someId(() => data.demoDepartmentIds), oneOf(() => data.departmentIds))),
        regionId: maybe(someId(() => data.regionIds)),
        sessionId: maybe(someId(() => data.sessionIds)),
        phase1Status: maybe(fc.constantFrom(...PHASE1_STATUSES)),
        q: maybe(text(() => data.volunteerTexts)),
        ids: maybe(ids(() => [...data.visibleVolunteerIds, ...data.volunteerIds])),
        hasPendingCorrections: maybe(fc.boolean()),
        createdAt_gte: maybe(timestamp),
        createdAt_lte: maybe(timestamp),
      })
      .map(defined),
    ...sort(VOLUNTEER_SORTS),
    ...paging,
  })
  .map(defined);

function volunteerOracle(c: ListCase<VolunteerFilter>) {
  const t = who(c.email);
  const f = c.filter;
  const matching = `
    select x.id, ${VOLUNTEER_SORTS[c.sortField ?? 'createdAt']} as sort_key
    from volunteer x join department d on d.id = x.department_id join cohort co on co.id = x.cohort_id, me
    where ${condition('Volunteer', t)}
      and ($5::text is null or x.status::text = $5)
      and ($6::text[] is null or x.status::text = any($6))
      and ($7::uuid is null or x.cohort_id = $7)
      and ($8::uuid is null or x.department_id = $8)
      and ($9::uuid is null or d.region_id = $9)
      and ($10::uuid is null or x.session_id = $10)
      and ($11::text is null or x.phase1_status::text = $11)
      and ($12::text is null or strpos(lower(x.first_name || ' ' || x.last_name || ' ' || x.email), lower($12)) > 0)
      and ($13::uuid[] is null or x.id = any($13))
      and ($14::boolean is null or exists (select 1 from correction_request r where r.volunteer_id = x.id and r.status in ('PENDING', 'SENT', 'REMINDED')) = $14)
      and ($15::timestamptz is null or x.created_at >= $15)
      and ($16::timestamptz is null or x.created_at <= $16)`;
  const params = [
    f.status ?? null,
    f.status_in ?? null,
    f.cohortId ?? null,
    f.departmentId ?? null,
    f.regionId ?? null,
    f.sessionId ?? null,
    f.phase1Status ?? null,
    query(f.q),
    f.ids ?? null,
    f.hasPendingCorrections ?? null,
    f.createdAt_gte ?? null,
    f.createdAt_lte ?? null,
  ];
  return oracleList(t, matching, params, direction(c, 'DESC'), window(c));
}

interface SessionFilter {
  centerId?: string;
  cohortId?: string;
  departmentId?: string;
  regionId?: string;
  headCenterId?: string;
  hasPlacesLeft?: boolean;
  ids?: string[];
  q?: string;
}

const sessionCases: fc.Arbitrary<ListCase<SessionFilter>> = fc
  .record({
    email: account,
    filter: fc
      .record({
        centerId: maybe(someId(() => data.centerIds)),
        cohortId: maybe(someId(() => data.cohortIds)),
        departmentId: maybe(fc.oneof(someId(() => data.demoDepartmentIds), oneOf(() => data.departmentIds))),
        regionId: maybe(someId(() => data.regionIds)),
        headCenterId: maybe(someId(() => data.staffIds)),
        hasPlacesLeft: maybe(fc.boolean()),
        ids: maybe(ids(() => data.sessionIds)),
        q: maybe(text(() => data.centerTexts)),
      })
      .map(defined),
    ...sort(SESSION_SORTS),
    ...paging,
  })
  .map(defined);

function sessionOracle(c: ListCase<SessionFilter>) {
  const t = who(c.email);
  const f = c.filter;
  const matching = `
    select x.id, ${SESSION_SORTS[c.sortField ?? 'createdAt']} as sort_key
    from session x join cohesion_center c on c.id = x.center_id join department d on d.id = c.department_id join cohort co on co.id = x.cohort_id, me
    where ${condition('Session', t)}
      and ($5::uuid is null or x.center_id = $5)
      and ($6::uuid is null or x.cohort_id = $6)
      and ($7::uuid is null or c.department_id = $7)
      and ($8::uuid is null or d.region_id = $8)
      and ($9::uuid is null or x.head_center_id = $9)
      and ($10::boolean is null or (x.places_left > 0) = $10)
      and ($11::uuid[] is null or x.id = any($11))
      and ($12::text is null or strpos(lower(c.name), lower($12)) > 0 or strpos(lower(c.city), lower($12)) > 0)`;
  const params = [f.centerId ?? null, f.cohortId ?? null, f.departmentId ?? null, f.regionId ?? null, f.headCenterId ?? null, f.hasPlacesLeft ?? null, f.ids ?? null, query(f.q)];
  return oracleList(t, matching, params, direction(c, 'DESC'), window(c));
}

interface ThroughVolunteerFilter {
  volunteerId?: string;
  status?: string;
  authorId?: string;
  q?: string;
  ids?: string[];
}
type ThroughVolunteerCase = ListCase<ThroughVolunteerFilter> & { type: 'CorrectionRequest' | 'Note' };

const throughVolunteerCases: fc.Arbitrary<ThroughVolunteerCase> = fc.oneof(
  fc
    .record({
      type: fc.constant('CorrectionRequest' as const),
      email: account,
      filter: fc
        .record({
          volunteerId: maybe(someId(() => data.followedVolunteerIds), 1),
          status: maybe(fc.constantFrom(...CORRECTION_STATUSES)),
          q: maybe(text(() => data.correctionFields)),
          ids: maybe(ids(() => data.correctionIds)),
        })
        .map(defined),
      ...sort(CORRECTION_SORTS),
      ...paging,
    })
    .map(defined),
  fc
    .record({
      type: fc.constant('Note' as const),
      email: account,
      filter: fc
        .record({
          volunteerId: maybe(someId(() => data.followedVolunteerIds), 1),
          authorId: maybe(someId(() => data.staffIds)),
          q: maybe(text(() => data.noteTexts)),
          ids: maybe(ids(() => data.noteIds)),
        })
        .map(defined),
      ...sort(NOTE_SORTS),
      ...paging,
    })
    .map(defined),
);

function throughVolunteerOracle(c: ThroughVolunteerCase) {
  const t = who(c.email);
  const f = c.filter;
  const correction = c.type === 'CorrectionRequest';
  const sorts = correction ? CORRECTION_SORTS : NOTE_SORTS;
  const matching = `
    select x.id, ${sorts[c.sortField ?? 'createdAt']} as sort_key
    from ${correction ? 'correction_request' : 'note'} x, me
    where ${condition(c.type, t)}
      and ($5::uuid is null or x.volunteer_id = $5)
      and ${correction ? '($6::text is null or x.status::text = $6)' : '($6::uuid is null or x.author_id = $6)'}
      and ($7::text is null or strpos(lower(${correction ? 'x.field' : 'x.content'}), lower($7)) > 0)
      and ($8::uuid[] is null or x.id = any($8))`;
  const params = [f.volunteerId ?? null, (correction ? f.status : f.authorId) ?? null, query(f.q), f.ids ?? null];
  return oracleList(t, matching, params, direction(c, 'DESC'), window(c));
}

const lookupCases = fc.record({
  email: account,
  type: fc.constantFrom(...QUERIED_TYPES),
  row: fc.nat(),
  missing: fc.uuid(),
  /** One time in four, the id asked for is a missing one. */
  askMissing: fc.nat({ max: 3 }).map((n) => n === 0),
});

describe('scope oracle: random filters, sorts and pages against one SQL query per list', () => {
  it('allVolunteers and _allVolunteersMeta', async () => {
    await fc.assert(
      fc.asyncProperty(volunteerCases, (c) => checkList('Volunteer', c as unknown as ListCase<Record<string, unknown>>, () => volunteerOracle(c))),
      settings,
    );
  }, TIMEOUT);

  it('allSessions and _allSessionsMeta', async () => {
    await fc.assert(
      fc.asyncProperty(sessionCases, (c) => checkList('Session', c as unknown as ListCase<Record<string, unknown>>, () => sessionOracle(c))),
      settings,
    );
  }, TIMEOUT);

  it('allCorrectionRequests and allNotes (through their volunteer), with their counts', async () => {
    await fc.assert(
      fc.asyncProperty(throughVolunteerCases, (c) => checkList(c.type, c as unknown as ListCase<Record<string, unknown>>, () => throughVolunteerOracle(c))),
      settings,
    );
  }, TIMEOUT);

  it('T(id): in scope the row, out of scope or missing null (the same answer byte for byte)', async () => {
    await fc.assert(
      fc.asyncProperty(lookupCases, async (c) => {
        const t = who(c.email);
        const rows = data.rowsByType[c.type];
        const id = c.askMissing ? c.missing : rows[c.row % rows.length];
        const document = `query($id: ID!) { item: ${c.type}(id: $id) { id } }`;
        const response = await t.client.request<{ item: { id: string } | null }>(document, { id });
        if (!TYPES[c.type].roles.includes(t.role)) {
          expect(errorCode(response), canonical(response)).toBe('FORBIDDEN');
          return;
        }
        const [seen] = await sql<{ visible: boolean }>(`${ME} select ${condition(c.type, t)} as visible from ${TYPES[c.type].table} x, me where x.id = $5`, [...meParams(t), id]);
        if (seen?.visible) {
          expect(response, canonical(response)).toEqual({ status: 200, data: { item: { id } }, errors: undefined });
        } else {
          expect(response.errors, canonical(response)).toBeUndefined();
          expect(response.data).toEqual({ item: null });
          const other = c.askMissing ? rows[c.row % rows.length] : c.missing;
          const [otherSeen] = await sql<{ visible: boolean }>(`${ME} select ${condition(c.type, t)} as visible from ${TYPES[c.type].table} x, me where x.id = $5`, [...meParams(t), other]);
          if (!otherSeen?.visible) expect(canonical(await t.client.request(document, { id: other }))).toBe(canonical(response));
        }
      }),
      settings,
    );
  }, TIMEOUT);
});
