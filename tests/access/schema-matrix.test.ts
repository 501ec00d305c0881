import { randomUUID } from 'node:crypto';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType, type GraphQLSchema, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import pluralize from 'pluralize';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { getSchema } from '../../server/graphql/schema';
import { ALL_ROLES, condition, createDemoSimulations, createStaffAccount, ME, meParams, QUERIED_TYPES, REVIEWERS, STAFF, territoryOf, TYPES, type NewAccount, type Role, type Sql, type Territory } from '../setup/scope-oracle';
import { createVolunteer, openCohortId } from '../setup/fixtures';
import { errorCode, GraphQLClient, loggedIn, type GraphQLResponse } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The access matrix DERIVED FROM THE BUILT SCHEMA (ARCHITECTURE.md, "Role scoping", point 8).
 *
 * Every `T(id)`, `allTs`, `_allTsMeta` and other query, every list-valued field of an object type
 * and every mutation is enumerated from the schema, and run for each account below with an id in
 * scope, an id out of scope and a missing id:
 * - out of scope answers byte for byte like missing (data and errors, message and extensions);
 * - `FORBIDDEN` (and `data` null for that field) exactly where the role may not use the field;
 * - lists, counts and nested lists equal an SQL oracle over the account's territory
 *   (tests/setup/scope-oracle.ts, independent of the server's scope rules);
 * - a refused write leaves the target row and its related rows (audit events, notes, correction
 *   requests, e-mails) unchanged.
 * A schema field without an entry in CELLS fails ("no cells for …"), so does a stale entry.
 *
 * Reads run first, concurrently, on data that nothing writes meanwhile; writes run afterwards,
 * each on fresh rows created for its own cell, so no cell depends on another's order.
 *
 * Accounts include territories that are empty (dept-none: REFERENT_DEPARTMENT without department;
 * region-none: REFERENT_REGION without region; visitor-none: VISITOR without region; head-none:
 * HEAD_CENTER heading no session), which see nothing and never get INTERNAL_SERVER_ERROR (once an
 * SQL `in ()`), and one spanning departments of two regions. Visitors may use `volunteerCounts`
 * (their region's counts), never with `q` or `ids`.
 */

// ---------------------------------------------------------------------------------------------
// CELLS: one entry per schema field (Query.x, Mutation.x, Type.listField). Plain data.
// ---------------------------------------------------------------------------------------------

type TargetKind = 'volunteer' | 'correctionRequest' | 'note' | 'assignable' | 'placed' | 'region' | 'simulation' | PlacementTarget;
/**
 * Placement targets, created fresh by SQL in the placement's department: a department itself (for
 * creations there), a centre, a meeting point, a session (in a fresh centre), a line (on a fresh
 * session, stopping at a fresh meeting point), a centre for a new session, a session for a new line.
 */
type PlacementTarget = 'department' | 'center' | 'meetingPoint' | 'session' | 'line' | 'centerForSession' | 'sessionForLine';
type Cell =
  /** `T(id)`, `allTs`, `_allTsMeta`: roles and visibility from TYPES[type]. */
  | { kind: 'one' | 'list' | 'meta'; type: string }
  | { kind: 'me' }
  /** Grouped counts over the account's territory; `noProbing` roles may not filter by `q` or `ids`. */
  | { kind: 'counts'; roles: readonly Role[]; noProbing: readonly Role[] }
  /**
   * A list-valued field of a readable parent: its children are those of the child type's own rule.
   * `pairs` lists (parent, id) of every child of the parents $1 (uuid[]), whatever the scope.
   */
  | { kind: 'nested'; child: string; roles: readonly Role[]; pairs: string; followed?: true }
  /** A list inside a mutation's (or the dashboard's) answer, checked by that field's cells. */
  | { kind: 'result'; coveredBy: string }
  | { kind: 'login' }
  | { kind: 'logout' }
  /**
   * Acts on the caller's own account only (no target to scope): `anonymous` is the answer without
   * a session (confirmLogin is public, like login, and needs its challenge cookie); what it does
   * is tested in tests/api/accounts.test.ts and second-factor.test.ts (it would end this file's sessions).
   */
  | { kind: 'ownAccount'; document: string; anonymous: 'UNAUTHENTICATED' | 'BAD_USER_INPUT' }
  /**
   * A write on one target: `document` takes `$id`; the target is created fresh for each case
   * (a volunteer in `status`, or a correction request / note on such a volunteer). `result`: the
   * answer names the target (`same`), a record created on it (`created`), `true`, or a BulkResult.
   */
  | { kind: 'mutation'; roles: readonly Role[]; target: TargetKind; status?: string; document: string; result: 'same' | 'created' | 'new' | 'boolean' | 'bulk' }
  /**
   * A national write with no territory to scope (the cohort calendar): `roles` may use it, every
   * other account gets FORBIDDEN and nothing changes. The variables name a fresh cohort (`$id`)
   * and a fresh name (`$name`); what the write does is tested in tests/api/cohorts.test.ts.
   */
  | { kind: 'national'; roles: readonly Role[]; document: string; missing: boolean }
  /**
   * Staff accounts: the role may use it (what it grants, to whom, is tested in
   * tests/api/staff-accounts.test.ts with every granter); every other account gets FORBIDDEN and
   * no account changes.
   */
  | { kind: 'staffWrite'; roles: readonly Role[]; document: string }
  /** A national read (the audit trail's verification): `roles` get an answer, every other account FORBIDDEN. */
  | { kind: 'nationalQuery'; roles: readonly Role[]; document: string }
  /**
   * The cohort dashboard (counts only): `roles` get figures equal to the oracle over their
   * territory (volunteers per department and status, the sessions, the waiting files, the
   * trail's decisions); every other account FORBIDDEN. What each figure means, per level and per
   * day, is tested in tests/api/dashboard.test.ts.
   */
  | { kind: 'dashboard'; roles: readonly Role[] };

const read = (kind: 'one' | 'list' | 'meta', type: string): Cell => ({ kind, type });
const review = (document: string, status: string): Cell => ({ kind: 'mutation', roles: REVIEWERS, target: 'volunteer', status, document, result: 'same' });
const correction = (name: string): Cell => ({
  kind: 'mutation',
  roles: REVIEWERS,
  target: 'correctionRequest',
  status: 'WAITING_CORRECTION',
  document: `mutation($id: ID!) { m: ${name}(id: $id) { id } }`,
  result: 'same',
});

const PLACEMENT: readonly Role[] = ['ADMIN', 'REFERENT_REGION'];
const ADMIN_ONLY: readonly Role[] = ['ADMIN'];
const place = (target: TargetKind, document: string, result: 'same' | 'new' | 'boolean', roles = PLACEMENT): Cell => ({ kind: 'mutation', roles, target, document, result });
const CENTER_INPUT = 'input: { name: $name, address: "3 rue de la Paix", zip: "75002", city: "Paris", departmentId: $dep, capacity: 120 }';
// Fixed dates far ahead: only their order matters to the write, not today's date.
const COHORT_INPUT =
  'input: { name: $name, registrationStartDate: "2040-01-05", registrationEndDate: "2040-03-01", instructionEndDate: "2040-03-20", startDate: "2040-04-02", endDate: "2040-04-14" }';
const POINT_INPUT = 'input: { name: $name, address: "Parvis de la gare", zip: "75010", city: "Paris", departmentId: $dep }';

const CELLS: Record<string, Cell> = {
  ...Object.fromEntries(
    QUERIED_TYPES.flatMap((type) => [
      [`Query.${type}`, read('one', type)],
      [`Query.all${pluralize(type)}`, read('list', type)],
      [`Query._all${pluralize(type)}Meta`, read('meta', type)],
    ]),
  ),
  'Query.me': { kind: 'me' },
  'Query.verifyAuditTrail': { kind: 'nationalQuery', roles: ['ADMIN'], document: '{ m: verifyAuditTrail { intact checked } }' },
  'Query.volunteerCounts': { kind: 'counts', roles: [...STAFF, 'VISITOR'], noProbing: ['VISITOR'] },
  'Query.cohortDashboard': { kind: 'dashboard', roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'VISITOR'] },
  'CohortDashboard.statusByTerritory': { kind: 'result', coveredBy: 'Query.cohortDashboard' },
  'CohortDashboard.goals': { kind: 'result', coveredBy: 'Query.cohortDashboard' },
  'CohortDashboard.sessions': { kind: 'result', coveredBy: 'Query.cohortDashboard' },
  'CohortDashboard.backlog': { kind: 'result', coveredBy: 'Query.cohortDashboard' },
  'CohortDashboard.decisions': { kind: 'result', coveredBy: 'Query.cohortDashboard' },
  'TerritoryStatusCounts.counts': { kind: 'result', coveredBy: 'Query.cohortDashboard' },

  'CohesionCenter.sessions': { kind: 'nested', child: 'Session', roles: ALL_ROLES, pairs: 'select x.center_id as parent, x.id from session x where x.center_id = any($1::uuid[])' },
  'Department.centers': { kind: 'nested', child: 'CohesionCenter', roles: ALL_ROLES, pairs: 'select x.department_id as parent, x.id from cohesion_center x where x.department_id = any($1::uuid[])' },
  'Session.volunteers': { kind: 'nested', child: 'Volunteer', roles: STAFF, pairs: 'select x.session_id as parent, x.id from volunteer x where x.session_id = any($1::uuid[])' },
  'Session.transportLines': { kind: 'nested', child: 'TransportLine', roles: ALL_ROLES, pairs: 'select x.session_id as parent, x.id from transport_line x where x.session_id = any($1::uuid[])' },
  'TransportLine.stops': { kind: 'nested', child: 'TransportLineStop', roles: ALL_ROLES, pairs: 'select x.line_id as parent, x.id from transport_line_stop x where x.line_id = any($1::uuid[])' },
  // The meeting points a readable line serves are followed (the route may leave the account's departments).
  'TransportLine.meetingPoints': { kind: 'nested', child: 'MeetingPoint', roles: ALL_ROLES, followed: true, pairs: 'select st.line_id as parent, st.meeting_point_id as id from transport_line_stop st where st.line_id = any($1::uuid[])' },
  'User.departments': { kind: 'nested', child: 'Department', roles: ALL_ROLES, pairs: 'select u.id as parent, d.id from staff_user u cross join unnest(u.department_ids) as d(id) where u.id = any($1::uuid[])' },
  'Volunteer.correctionRequests': { kind: 'nested', child: 'CorrectionRequest', roles: ALL_ROLES, pairs: 'select x.volunteer_id as parent, x.id from correction_request x where x.volunteer_id = any($1::uuid[])' },
  'Volunteer.notes': { kind: 'nested', child: 'Note', roles: ALL_ROLES, pairs: 'select x.volunteer_id as parent, x.id from note x where x.volunteer_id = any($1::uuid[])' },
  'BulkResult.failed': { kind: 'result', coveredBy: 'Mutation.validateVolunteers' },

  'Mutation.login': { kind: 'login' },
  'Mutation.logout': { kind: 'logout' },
  'Mutation.logoutEverywhere': { kind: 'ownAccount', document: 'mutation { logoutEverywhere }', anonymous: 'UNAUTHENTICATED' },
  'Mutation.changePassword': { kind: 'ownAccount', document: 'mutation { changePassword(currentPassword: "Demo-Snu-2026!", newPassword: "Un-Nouveau-Secret-2026") }', anonymous: 'UNAUTHENTICATED' },
  'Mutation.acceptInvitation': { kind: 'ownAccount', document: 'mutation { acceptInvitation(token: "jeton-inconnu", password: "Un-Mot-De-Passe-2026") { id } }', anonymous: 'BAD_USER_INPUT' },
  'Mutation.inviteUser': { kind: 'staffWrite', roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'], document: 'mutation($id: ID!) { m: inviteUser(input: { email: "matrice.invitation@exemple.fr", firstName: "Camille", lastName: "Matrice", role: HEAD_CENTER, departmentIds: [$id] }) { id } }' },
  'Mutation.updateUser': { kind: 'staffWrite', roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'], document: 'mutation($id: ID!) { m: updateUser(id: $id, input: { firstName: "Camille", lastName: "Matrice", role: HEAD_CENTER, departmentIds: [$id] }) { id } }' },
  'Mutation.disableUser': { kind: 'staffWrite', roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'], document: 'mutation($id: ID!) { m: disableUser(id: $id) { id } }' },
  'Mutation.enableUser': { kind: 'staffWrite', roles: ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT'], document: 'mutation($id: ID!) { m: enableUser(id: $id) { id } }' },
  'Mutation.startImpersonation': { kind: 'staffWrite', roles: ['ADMIN'], document: 'mutation($id: ID!) { m: startImpersonation(userId: $id) { id } }' },
  'Mutation.stopImpersonation': { kind: 'ownAccount', document: 'mutation { stopImpersonation { id } }', anonymous: 'UNAUTHENTICATED' },
  'Mutation.confirmLogin': { kind: 'ownAccount', document: 'mutation { confirmLogin(code: "123456") { id } }', anonymous: 'BAD_USER_INPUT' },
  'Mutation.validateVolunteer': review('mutation($id: ID!) { m: validateVolunteer(id: $id) { id } }', 'WAITING_VALIDATION'),
  'Mutation.refuseVolunteer': review('mutation($id: ID!) { m: refuseVolunteer(id: $id, reason: OTHER, message: "Pièce d’identité illisible.") { id } }', 'WAITING_VALIDATION'),
  'Mutation.putVolunteerOnWaitingList': review('mutation($id: ID!) { m: putVolunteerOnWaitingList(id: $id) { id } }', 'WAITING_VALIDATION'),
  'Mutation.requestVolunteerCorrections': review('mutation($id: ID!) { m: requestVolunteerCorrections(id: $id, requests: [{ field: "firstName", reason: MISSING }]) { id } }', 'WAITING_VALIDATION'),
  'Mutation.withdrawVolunteer': review('mutation($id: ID!) { m: withdrawVolunteer(id: $id, reason: "Déménagement") { id } }', 'VALIDATED'),
  'Mutation.validateVolunteers': {
    kind: 'mutation',
    roles: REVIEWERS,
    target: 'volunteer',
    status: 'WAITING_VALIDATION',
    document: 'mutation($id: ID!) { m: validateVolunteers(ids: [$id]) { succeeded failed { id code message } } }',
    result: 'bulk',
  },
  'Mutation.remindCorrectionRequest': correction('remindCorrectionRequest'),
  'Mutation.cancelCorrectionRequest': correction('cancelCorrectionRequest'),
  'Mutation.markCorrectionRequestCorrected': correction('markCorrectionRequestCorrected'),
  'Mutation.createNote': {
    kind: 'mutation',
    roles: STAFF,
    target: 'volunteer',
    status: 'WAITING_VALIDATION',
    document: 'mutation($id: ID!) { m: createNote(volunteerId: $id, content: "Appel du représentant légal.") { id volunteerId } }',
    result: 'created',
  },
  'Mutation.deleteNote': { kind: 'mutation', roles: STAFF, target: 'note', status: 'WAITING_VALIDATION', document: 'mutation($id: ID!) { m: deleteNote(id: $id) }', result: 'boolean' },

  // A validated volunteer and a fresh session of its department ($session); `placed` is already in it.
  'Mutation.assignVolunteer': place('assignable', 'mutation($id: ID!, $session: ID!) { m: assignVolunteer(id: $id, sessionId: $session) { id } }', 'same'),
  'Mutation.unassignVolunteer': place('placed', 'mutation($id: ID!) { m: unassignVolunteer(id: $id) { id } }', 'same'),
  'Mutation.assignVolunteers': {
    kind: 'mutation',
    roles: PLACEMENT,
    target: 'assignable',
    document: 'mutation($id: ID!, $session: ID!) { m: assignVolunteers(assignments: [{ volunteerId: $id, sessionId: $session }]) { succeeded failed { id code message } } }',
    result: 'bulk',
  },
  // The head of centre records the stay of the volunteers of its session (placed there by freshTarget).
  'Mutation.recordVolunteerArrival': { kind: 'mutation', roles: ['HEAD_CENTER', 'ADMIN'], target: 'volunteer', status: 'VALIDATED', document: 'mutation($id: ID!) { m: recordVolunteerArrival(id: $id) { id } }', result: 'same' },
  'Mutation.recordVolunteerStayEnd': { kind: 'mutation', roles: ['HEAD_CENTER', 'ADMIN'], target: 'volunteer', status: 'VALIDATED', document: 'mutation($id: ID!) { m: recordVolunteerStayEnd(id: $id, completed: false) { id } }', result: 'same' },
  // The region of the placement's department ($id) for a simulation of the open cohort; a READY simulation of that region to apply.
  'Mutation.simulateAssignment': place('region', 'mutation($id: ID!, $cohort: ID!) { m: simulateAssignment(input: { cohortId: $cohort, regionId: $id }) { id } }', 'new'),
  'Mutation.applyAssignmentSimulation': place('simulation', 'mutation($id: ID!) { m: applyAssignmentSimulation(id: $id) { id } }', 'same'),
  'AssignmentSimulation.sessions': { kind: 'result', coveredBy: 'Mutation.simulateAssignment' },
  'AssignmentSimulation.centers': { kind: 'result', coveredBy: 'Mutation.simulateAssignment' },
  'AssignmentSimulation.unplacedVolunteers': { kind: 'result', coveredBy: 'Mutation.simulateAssignment' },
  'AssignmentSimulation.skippedVolunteers': { kind: 'result', coveredBy: 'Mutation.applyAssignmentSimulation' },
  'Mutation.createCohesionCenter': place('department', `mutation($id: ID!, $name: String!) { m: createCohesionCenter(${CENTER_INPUT.replace('$dep', '$id')}) { id } }`, 'new'),
  'Mutation.updateCohesionCenter': place('center', `mutation($id: ID!, $name: String!, $dep: ID!) { m: updateCohesionCenter(id: $id, ${CENTER_INPUT}) { id } }`, 'same'),
  'Mutation.deleteCohesionCenter': place('center', 'mutation($id: ID!) { m: deleteCohesionCenter(id: $id) }', 'boolean', ADMIN_ONLY),
  'Mutation.createMeetingPoint': place('department', `mutation($id: ID!, $name: String!) { m: createMeetingPoint(${POINT_INPUT.replace('$dep', '$id')}) { id } }`, 'new'),
  'Mutation.updateMeetingPoint': place('meetingPoint', `mutation($id: ID!, $name: String!, $dep: ID!) { m: updateMeetingPoint(id: $id, ${POINT_INPUT}) { id } }`, 'same'),
  'Mutation.deleteMeetingPoint': place('meetingPoint', 'mutation($id: ID!) { m: deleteMeetingPoint(id: $id) }', 'boolean', ADMIN_ONLY),
  'Mutation.createSession': place('centerForSession', 'mutation($id: ID!, $cohort: ID!) { m: createSession(input: { cohortId: $cohort, centerId: $id, placesTotal: 30 }) { id } }', 'new'),
  'Mutation.updateSession': place('session', 'mutation($id: ID!, $cohort: ID!, $center: ID!) { m: updateSession(id: $id, input: { cohortId: $cohort, centerId: $center, placesTotal: 25 }) { id } }', 'same'),
  'Mutation.deleteSession': place('session', 'mutation($id: ID!) { m: deleteSession(id: $id) }', 'boolean', ADMIN_ONLY),
  'Mutation.createTransportLine': place('sessionForLine', 'mutation($id: ID!, $point: ID!, $code: String!) { m: createTransportLine(input: { sessionId: $id, code: $code, seatsTotal: 20, meetingPointIds: [$point] }) { id } }', 'new'),
  'Mutation.updateTransportLine': place('line', 'mutation($id: ID!, $session: ID!, $point: ID!, $code: String!) { m: updateTransportLine(id: $id, input: { sessionId: $session, code: $code, seatsTotal: 15, meetingPointIds: [$point] }) { id } }', 'same'),
  'Mutation.deleteTransportLine': place('line', 'mutation($id: ID!) { m: deleteTransportLine(id: $id) }', 'boolean', ADMIN_ONLY),
  'Mutation.createCohort': { kind: 'national', roles: ADMIN_ONLY, missing: false, document: `mutation($name: String!) { m: createCohort(${COHORT_INPUT}) { id } }` },
  'Mutation.updateCohort': { kind: 'national', roles: ADMIN_ONLY, missing: true, document: `mutation($id: ID!, $name: String!) { m: updateCohort(id: $id, ${COHORT_INPUT}) { id } }` },
  'Mutation.archiveCohort': { kind: 'national', roles: ADMIN_ONLY, missing: true, document: 'mutation($id: ID!) { m: archiveCohort(id: $id) { id } }' },
  'Mutation.setInscriptionGoals': {
    kind: 'national',
    roles: ADMIN_ONLY,
    missing: true,
    document: 'mutation($id: ID!, $dep: ID!) { m: setInscriptionGoals(cohortId: $id, goals: [{ departmentId: $dep, max: 40 }]) { id } }',
  },
};

// ---------------------------------------------------------------------------------------------
// What the built schema exposes.
// ---------------------------------------------------------------------------------------------

type Kind = 'one' | 'list' | 'meta' | 'other' | 'nested' | 'mutation';
interface SchemaField {
  key: string;
  kind: Kind;
  /** The record type for one/list/meta; the parent type for nested fields. */
  type?: string;
}

function listedObject(type: GraphQLOutputType): GraphQLObjectType | null {
  let inner: GraphQLOutputType = type;
  let list = false;
  while (isNonNullType(inner) || isListType(inner)) {
    if (isListType(inner)) list = true;
    inner = inner.ofType as GraphQLOutputType;
  }
  return list && isObjectType(inner) ? inner : null;
}

function enumerate(schema: GraphQLSchema): SchemaField[] {
  const fields: SchemaField[] = [];
  const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType();
  for (const [name, field] of Object.entries(query.getFields())) {
    const listed = listedObject(field.type);
    const named = getNamedType(field.type);
    const meta = objectTypes.find((t) => name === `_all${pluralize(t.name)}Meta`);
    if (listed && name === `all${pluralize(listed.name)}`) fields.push({ key: `Query.${name}`, kind: 'list', type: listed.name });
    else if (meta) fields.push({ key: `Query.${name}`, kind: 'meta', type: meta.name });
    else if (isObjectType(named) && named.name === name && field.args.some((a) => a.name === 'id')) fields.push({ key: `Query.${name}`, kind: 'one', type: name });
    else fields.push({ key: `Query.${name}`, kind: 'other' });
  }
  for (const name of Object.keys(mutation?.getFields() ?? {})) fields.push({ key: `Mutation.${name}`, kind: 'mutation' });
  for (const type of objectTypes) {
    if (type === query || type === mutation) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (listedObject(field.type)) fields.push({ key: `${type.name}.${name}`, kind: 'nested', type: type.name });
    }
  }
  return fields;
}

/** Which schema kinds each cell kind may describe. */
const CELL_KINDS: Record<Cell['kind'], Kind[]> = {
  one: ['one'],
  list: ['list'],
  meta: ['meta'],
  me: ['other'],
  counts: ['other'],
  nested: ['nested'],
  result: ['nested'],
  login: ['mutation'],
  logout: ['mutation'],
  ownAccount: ['mutation'],
  mutation: ['mutation'],
  national: ['mutation'],
  nationalQuery: ['other'],
  dashboard: ['other'],
  staffWrite: ['mutation'],
};

const SCHEMA_FIELDS = enumerate(await getSchema());

// ---------------------------------------------------------------------------------------------
// Accounts: the demo ones, and territories that are empty or span several departments.
// ---------------------------------------------------------------------------------------------

interface AccountSpec {
  email: string;
  /** Created by SQL in this file's database copy (password copied from a demo account). */
  create?: NewAccount;
}

const ACCOUNTS: AccountSpec[] = [
  { email: 'admin@demo.snu.test' },
  { email: 'region-11@demo.snu.test' },
  { email: 'region-84@demo.snu.test' },
  { email: 'dept-75@demo.snu.test' },
  { email: 'dept-92@demo.snu.test' },
  { email: 'dept-69@demo.snu.test' },
  { email: 'visitor-11@demo.snu.test' },
  { email: 'head-center@demo.snu.test' },
  { email: 'head-none@matrix.test', create: { role: 'HEAD_CENTER', regionCode: null, departmentCodes: [] } },
  { email: 'dept-none@matrix.test', create: { role: 'REFERENT_DEPARTMENT', regionCode: null, departmentCodes: [] } },
  { email: 'region-none@matrix.test', create: { role: 'REFERENT_REGION', regionCode: null, departmentCodes: [] } },
  { email: 'visitor-none@matrix.test', create: { role: 'VISITOR', regionCode: null, departmentCodes: [] } },
  { email: 'dept-75-69@matrix.test', create: { role: 'REFERENT_DEPARTMENT', regionCode: null, departmentCodes: ['75', '69'] } },
];

/** An account, its territory and its signed-in client. */
interface Who extends Territory {
  client: GraphQLClient;
}

/** Where a fresh target is created: a department (by code), optionally placed in a session. */
interface Placement {
  label: string;
  code: string;
  sessionId?: string;
}

/** Departments with many demo volunteers, preferred when a placement is chosen. */
const DEMO_CODES = ['75', '92', '93', '69', '13', '38'];

let app: TestApp;
let pool: pg.Pool;
const sql: Sql = async (text, params) => (await pool.query(text, params)).rows;
const people = new Map<string, Who>();
const departments = new Map<string, { code: string; regionId: string }>();

beforeAll(async () => {
  app = await startTestApp();
  // This file's own connections to its database copy (the test app's helper has only two).
  pool = new pg.Pool({ connectionString: app.orm.config.get('clientUrl'), max: 6 });
  for (const d of await sql<{ id: string; code: string; region_id: string }>('select id, code, region_id from department')) {
    departments.set(d.id, { code: d.code, regionId: d.region_id });
  }
  for (const spec of ACCOUNTS) if (spec.create) await createStaffAccount(sql, spec.email, spec.create);
  await createDemoSimulations(sql);
  // The head of centre's volunteers get a note and a (closed) correction request, so its nested lists are not vacuous.
  const [placed] = await sql<{ id: string }>(
    `select v.id from volunteer v join session s on s.id = v.session_id join staff_user u on u.id = s.head_center_id
     where u.email = 'head-center@demo.snu.test' order by v.id limit 1`,
  );
  await sql(
    `insert into note (id, volunteer_id, author_id, content) select gen_random_uuid(), $1, id, 'Allergie signalée par la famille.' from staff_user where email = 'admin@demo.snu.test'`,
    [placed.id],
  );
  await sql(
    `insert into correction_request (id, volunteer_id, field, reason, status, sent_at, corrected_at) values (gen_random_uuid(), $1, 'phone', 'INCORRECT', 'CORRECTED', now(), now())`,
    [placed.id],
  );

  await Promise.all(ACCOUNTS.map(async ({ email }) => people.set(email, { ...(await territoryOf(sql, email)), client: await loggedIn(app.url, email) })));
}, 180_000);
afterAll(async () => {
  await pool?.end();
  await app?.close();
});

const who = (email: string): Who => {
  const found = people.get(email);
  if (!found) throw new Error(`account ${email} not set up`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// Oracle queries.
// ---------------------------------------------------------------------------------------------

async function oracle<T extends Record<string, unknown> = { id: string }>(w: Who, query: string, extra: unknown[] = []): Promise<T[]> {
  return sql<T>(`${ME} ${query}`, [...meParams(w), ...extra]);
}

const memo = new Map<string, Promise<string[]>>();
function cached(key: string, compute: () => Promise<string[]>): Promise<string[]> {
  let found = memo.get(key);
  if (!found) {
    found = compute();
    memo.set(key, found);
  }
  return found;
}

/** Ids of the rows of `type` the account sees (by its territory), in id order. */
function visible(type: string, w: Who): Promise<string[]> {
  const { table } = TYPES[type];
  return cached(`visible:${type}:${w.email}`, async () => (await oracle(w, `select x.id from ${table} x, me where ${condition(type, w)} order by x.id`)).map((r) => r.id));
}

/** Real rows the account may not see, in id order. */
function hidden(type: string, w: Who): Promise<string[]> {
  const { table } = TYPES[type];
  return cached(`hidden:${type}:${w.email}`, async () => (await oracle(w, `select x.id from ${table} x, me where not ${condition(type, w)} order by x.id`)).map((r) => r.id));
}

/** Up to two in-scope ids, the `prefer`red ones first. */
function inScopeSamples(type: string, w: Who): Promise<string[]> {
  const { table, prefer } = TYPES[type];
  return cached(`samples:${type}:${w.email}`, async () =>
    (await oracle(w, `select x.id from ${table} x, me where ${condition(type, w)} order by coalesce((${prefer ?? 'false'}), false) desc, x.id limit 2`)).map((r) => r.id),
  );
}

/** Up to two out-of-scope ids: the first and last real rows the account may not see. */
async function outOfScopeSamples(type: string, w: Who): Promise<string[]> {
  const rows = await hidden(type, w);
  return [...new Set([rows[0], rows[rows.length - 1]].filter((id): id is string => !!id))];
}

/** A real row for a FORBIDDEN check: one of the account's own territory when there is one. */
async function nominalRow(type: string, w: Who): Promise<string> {
  const [own] = await visible(type, w);
  if (own) return own;
  const [any] = await sql<{ id: string }>(`select id from ${TYPES[type].table} order by id limit 1`);
  return any.id;
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const canonical = (response: GraphQLResponse<unknown>) => JSON.stringify(response);
const mayUse = (roles: readonly Role[], w: Who) => roles.includes(w.role);

function expectForbidden(expect: ExpectStatic, response: GraphQLResponse<Record<string, unknown>>, alias: string): void {
  expect(errorCode(response), canonical(response)).toBe('FORBIDDEN');
  expect(response.data?.[alias] ?? null).toBeNull();
}

/** Where the role may use a field, the other cases check that it answers without any error. */
const FORBIDDEN_CASE = 'FORBIDDEN: the role may not use it';
const ALLOWED = 'the role may use it (the other cases check it answers without error)';

function expectNoError(expect: ExpectStatic, response: GraphQLResponse<unknown>): void {
  expect(response.errors, canonical(response)).toBeUndefined();
}

// ---------------------------------------------------------------------------------------------
// The matrix's own coverage: every schema field has its cells, every cell its field.
// ---------------------------------------------------------------------------------------------

describe('the matrix covers the built schema', () => {
  it('enumerates a schema that is not empty', () => {
    const kinds = new Set(SCHEMA_FIELDS.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['list', 'meta', 'mutation', 'nested', 'one', 'other']);
    expect(SCHEMA_FIELDS.length).toBeGreaterThan(50);
  });

  for (const field of SCHEMA_FIELDS) {
    it(`${field.key} has cells`, () => {
      const cell = CELLS[field.key];
      if (!cell) throw new Error(`no cells for ${field.key}: add them to CELLS in tests/access/schema-matrix.test.ts`);
      expect(CELL_KINDS[cell.kind], `${field.key} is a ${field.kind} field, its cell says ${cell.kind}`).toContain(field.kind);
      if (cell.kind === 'one' || cell.kind === 'list' || cell.kind === 'meta') expect(cell.type, field.key).toBe(field.type);
      if (cell.kind === 'nested') expect(TYPES[field.type!], `${field.key}: no rule for its parent type ${field.type} in TYPES`).toBeDefined();
      if (cell.kind === 'result') expect(['mutation', 'dashboard'], `${field.key} is covered by ${cell.coveredBy}`).toContain(CELLS[cell.coveredBy]?.kind);
    });
  }

  it('has no cells for fields that no longer exist', () => {
    const present = new Set(SCHEMA_FIELDS.map((f) => f.key));
    const stale = Object.keys(CELLS).filter((key) => !present.has(key));
    expect(stale, `cells for fields absent from the schema: remove them from CELLS`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Reads.
// ---------------------------------------------------------------------------------------------

function oneCases(type: string, email: string): void {
  const rule = TYPES[type];
  const query = `query($id: ID!) { item: ${type}(id: $id) { ${rule.one?.select ?? 'id'} } }`;
  it(FORBIDDEN_CASE, async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(rule.roles, w), ALLOWED);
    const real = await w.client.request(query, { id: await nominalRow(type, w) });
    expectForbidden(expect, real, 'item');
    expect(canonical(real)).toBe(canonical(await w.client.request(query, { id: randomUUID() })));
  });
  it('in scope: the record', async ({ expect, skip }) => {
    const w = who(email);
    const ids = await inScopeSamples(type, w);
    skip(!mayUse(rule.roles, w) || ids.length === 0, 'no in-scope row for this account');
    for (const id of ids) {
      const response = await w.client.request<{ item: { id: string } | null }>(query, { id });
      expectNoError(expect, response);
      if (rule.one) {
        const [{ value }] = await sql<{ value: unknown }>(rule.one.expected, [id]);
        expect(response.data?.item).toEqual(value);
      } else expect(response.data?.item?.id).toBe(id);
    }
  });
  it('out of scope ≡ missing (byte for byte)', async ({ expect, skip }) => {
    const w = who(email);
    const ids = await outOfScopeSamples(type, w);
    skip(!mayUse(rule.roles, w) || ids.length === 0, 'no out-of-scope row for this account');
    const missing = await w.client.request(query, { id: randomUUID() });
    for (const id of ids) expect(canonical(await w.client.request(query, { id })), id).toBe(canonical(missing));
  });
  it('missing: null', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(rule.roles, w), 'FORBIDDEN to this role');
    const missing = await w.client.request<{ item: unknown }>(query, { id: randomUUID() });
    expectNoError(expect, missing);
    expect(missing.data).toEqual({ item: null });
  });
}

function listCases(type: string, email: string, meta: boolean): void {
  const rule = TYPES[type];
  const plural = pluralize(type);
  const list = `query($filter: ${type}Filter, $page: Int) { items: all${plural}(page: $page, perPage: 1000, filter: $filter) { id } }`;
  const count = `query($filter: ${type}Filter) { total: _all${plural}Meta(filter: $filter) { count } }`;
  const query = meta ? count : list;
  const alias = meta ? 'total' : 'items';
  /** The ids the list answers for this filter (every page), or the count. */
  const answer = async (w: Who, filter?: Record<string, unknown>): Promise<string[] | number> => {
    if (meta) return (await w.client.ok<{ total: { count: number } }>(count, { filter })).total.count;
    const ids: string[] = [];
    for (let page = 0; ; page++) {
      const { items } = await w.client.ok<{ items: { id: string }[] }>(list, { filter, page });
      ids.push(...items.map((i) => i.id));
      if (items.length < 1000) return sorted(ids);
    }
  };
  const expected = (ids: string[]) => (meta ? ids.length : sorted(ids));

  it(FORBIDDEN_CASE, async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(rule.roles, w), ALLOWED);
    const all = await w.client.request(query);
    expectForbidden(expect, all, alias);
    expect(all.data).toBeNull();
    const byReal = await w.client.request(query, { filter: { ids: [await nominalRow(type, w)] } });
    expectForbidden(expect, byReal, alias);
    expect(canonical(byReal)).toBe(canonical(await w.client.request(query, { filter: { ids: [randomUUID()] } })));
  });
  it(meta ? 'count = oracle' : 'rows = oracle (every page)', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(rule.roles, w), 'FORBIDDEN to this role');
    expect(await answer(w)).toEqual(expected(await visible(type, w)));
  });
  it('ids filter: in scope, out of scope and missing together → the in-scope ones only', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(rule.roles, w), 'FORBIDDEN to this role');
    const inside = await inScopeSamples(type, w);
    const outside = await outOfScopeSamples(type, w);
    expect(await answer(w, { ids: [...inside, ...outside, randomUUID()] })).toEqual(expected(inside));
  });
  it('ids filter: out of scope ≡ missing (byte for byte), nothing found', async ({ expect, skip }) => {
    const w = who(email);
    const outside = await outOfScopeSamples(type, w);
    skip(!mayUse(rule.roles, w) || outside.length === 0, 'no out-of-scope row for this account');
    const missing = await w.client.request(query, { filter: { ids: [randomUUID()] } });
    expectNoError(expect, missing);
    expect(missing.data).toEqual(meta ? { total: { count: 0 } } : { items: [] });
    for (const id of outside) expect(canonical(await w.client.request(query, { filter: { ids: [id] } })), id).toBe(canonical(missing));
  });
}

function nestedCases(key: string, cell: Extract<Cell, { kind: 'nested' }>, email: string): void {
  const [parent, field] = key.split('.');
  const parentRule = TYPES[parent];
  const byId = (n: number) =>
    `query(${Array.from({ length: n }, (_, i) => `$p${i}: ID!`).join(', ')}) { ${Array.from({ length: n }, (_, i) => `p${i}: ${parent}(id: $p${i}) { id ${field} { id } }`).join(' ')} }`;
  const byList = `query($ids: [ID!]) { items: all${pluralize(parent)}(perPage: 1000, filter: { ids: $ids }) { id ${field} { id } } }`;

  /** In-scope parents: those with children hidden from the account first, then with visible children, then without. */
  const parents = async (w: Who): Promise<{ id: string; children: string[] }[]> => {
    const candidates = await visible(parent, w);
    const pairs = await sql<{ parent: string; id: string }>(cell.pairs, [candidates]);
    const seen = new Set(cell.followed ? pairs.map((p) => p.id) : await visible(cell.child, w));
    const byParent = new Map<string, { all: number; children: string[] }>(candidates.map((id) => [id, { all: 0, children: [] }]));
    for (const p of pairs) {
      const entry = byParent.get(p.parent)!;
      entry.all += 1;
      if (seen.has(p.id)) entry.children.push(p.id);
    }
    const all = [...byParent.entries()].map(([id, e]) => ({ id, all: e.all, children: sorted(e.children) }));
    const crossing = all.filter((p) => p.all > p.children.length);
    const full = all.filter((p) => p.all === p.children.length && p.all > 0);
    const empty = all.filter((p) => p.all === 0);
    return [...crossing.slice(0, 2), ...full.slice(0, 2), ...empty.slice(0, 1)].map(({ id, children }) => ({ id, children }));
  };

  it(FORBIDDEN_CASE, async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(parentRule.roles, w) && mayUse(cell.roles, w), ALLOWED);
    if (!mayUse(parentRule.roles, w)) {
      // The parent itself is FORBIDDEN: so is every way to its children.
      const response = await w.client.request(byId(1), { p0: await nominalRow(parent, w) });
      expectForbidden(expect, response, 'p0');
      return;
    }
    const [first] = await visible(parent, w);
    skip(!first, `no ${parent} in scope for this account`);
    const response = await w.client.request<Record<string, unknown>>(byId(1), { p0: first });
    expectForbidden(expect, response, 'p0');
    expect(response.errors?.[0]?.path).toEqual(['p0', field]);
    expectForbidden(expect, await w.client.request<Record<string, unknown>>(byList, { ids: [first] }), 'items');
    // The parent alone stays readable.
    expect((await w.client.ok<{ item: { id: string } }>(`query($id: ID!) { item: ${parent}(id: $id) { id } }`, { id: first })).item.id).toBe(first);
  });
  it(`children = the ${cell.child} oracle, through ${parent}(id)`, async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(parentRule.roles, w) || !mayUse(cell.roles, w), 'FORBIDDEN to this role');
    const chosen = await parents(w);
    skip(chosen.length === 0, `no ${parent} in scope for this account`);
    const response = await w.client.request<Record<string, { id: string; [k: string]: unknown } | null>>(
      byId(chosen.length),
      Object.fromEntries(chosen.map((p, i) => [`p${i}`, p.id])),
    );
    expectNoError(expect, response);
    const got = chosen.map((p, i) => ({ id: p.id, children: sorted(((response.data?.[`p${i}`]?.[field] ?? []) as { id: string }[]).map((c) => c.id)) }));
    expect(got).toEqual(chosen);
  });
  it(`children = the ${cell.child} oracle, through all${pluralize(parent)} (batched)`, async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(parentRule.roles, w) || !mayUse(cell.roles, w), 'FORBIDDEN to this role');
    const chosen = await parents(w);
    skip(chosen.length === 0, `no ${parent} in scope for this account`);
    const { items } = await w.client.ok<{ items: Array<{ id: string; [k: string]: unknown }> }>(byList, { ids: chosen.map((p) => p.id) });
    const got = items.map((item) => ({ id: item.id, children: sorted((item[field] as { id: string }[]).map((c) => c.id)) }));
    const byIdOrder = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(got.sort(byIdOrder)).toEqual([...chosen].sort(byIdOrder));
  });
}

function meCases(email: string): void {
  it('the signed-in account itself', async ({ expect }) => {
    const w = who(email);
    const { me } = await w.client.ok<{ me: { id: string; email: string; role: string } }>('{ me { id email role } }');
    expect(me).toEqual({ id: w.id, email: w.email, role: w.role });
  });
}

function countsCases(cell: Extract<Cell, { kind: 'counts' }>, email: string): void {
  const query = 'query($filter: VolunteerFilter) { c: volunteerCounts(groupBy: [DEPARTMENT, STATUS], filter: $filter) { departmentId status cohortId count } }';
  type Group = { departmentId: string; status: string; cohortId: string | null; count: number };
  const key = (g: Group) => `${g.departmentId}/${g.status}`;
  const byKey = (a: Group, b: Group) => key(a).localeCompare(key(b));
  /** The counts over the account's territory (for a visitor: its region's volunteers). */
  const expectedCounts = async (w: Who, extra = 'true', params: unknown[] = []) =>
    (
      await oracle<Group>(
        w,
        `select x.department_id as "departmentId", x.status::text as status, null as "cohortId", count(*)::int as count
         from volunteer x, me where ${condition('Volunteer', w)} and ${extra} group by 1, 2`,
        params,
      )
    ).sort(byKey);

  it(FORBIDDEN_CASE, async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(cell.roles, w), ALLOWED);
    expectForbidden(expect, await w.client.request(query), 'c');
  });
  it('counts = oracle (the territory’s volunteers)', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(cell.roles, w), 'FORBIDDEN to this role');
    const response = await w.client.request<{ c: Group[] }>(query);
    expectNoError(expect, response);
    expect([...(response.data?.c ?? [])].sort(byKey)).toEqual(await expectedCounts(w));
  });
  it('a department outside the territory counts nothing', async ({ expect, skip }) => {
    const w = who(email);
    const [outside] = await oracle(
      w,
      `select d.id from department d, me where exists (select 1 from volunteer x where x.department_id = d.id)
         and not exists (select 1 from volunteer x where x.department_id = d.id and ${condition('Volunteer', w)}) order by d.code limit 1`,
    );
    skip(!mayUse(cell.roles, w) || !outside, 'no department outside the territory');
    const response = await w.client.request<{ c: Group[] }>(query, { filter: { departmentId: outside.id } });
    expectNoError(expect, response);
    expect(response.data?.c).toEqual([]);
  });
  it('ids filter: in scope → its group; out of scope ≡ missing; visitors may not probe (FORBIDDEN)', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(cell.roles, w), 'FORBIDDEN to this role');
    const [inside] = await oracle(w, `select x.id from volunteer x, me where ${condition('Volunteer', w)} order by x.id limit 1`);
    const [outside] = await oracle(w, `select x.id from volunteer x, me where not ${condition('Volunteer', w)} order by x.id limit 1`);
    const missing = await w.client.request(query, { filter: { ids: [randomUUID()] } });
    if (mayUse(cell.noProbing, w)) {
      expectForbidden(expect, missing, 'c');
      for (const id of [inside?.id, outside?.id].filter(Boolean)) expect(canonical(await w.client.request(query, { filter: { ids: [id] } }))).toBe(canonical(missing));
      const [{ name }] = await sql<{ name: string }>('select last_name as name from volunteer order by id limit 1');
      expectForbidden(expect, await w.client.request(query, { filter: { q: name } }), 'c');
      return;
    }
    expectNoError(expect, missing);
    expect(missing.data).toEqual({ c: [] });
    if (outside) expect(canonical(await w.client.request(query, { filter: { ids: [outside.id] } }))).toBe(canonical(missing));
    if (inside) {
      const response = await w.client.request<{ c: Group[] }>(query, { filter: { ids: [inside.id] } });
      expectNoError(expect, response);
      expect(response.data?.c).toEqual(await expectedCounts(w, 'x.id = $5::uuid', [inside.id]));
    }
  });
}

function dashboardCases(cell: Extract<Cell, { kind: 'dashboard' }>, email: string): void {
  const query = `query($c: ID!) { d: cohortDashboard(cohortId: $c, level: DEPARTMENT) {
    statusByTerritory { territory { id } counts { status count } }
    sessions { sessionId }
    backlog { territory { id } total }
    decisions(days: 62) { territory { id } total }
  } }`;
  type Answer = {
    statusByTerritory: Array<{ territory: { id: string }; counts: Array<{ status: string; count: number }> }>;
    sessions: Array<{ sessionId: string }>;
    backlog: Array<{ territory: { id: string }; total: number }>;
    decisions: Array<{ territory: { id: string }; total: number }>;
  };
  const cohort = async () => (await sql<{ id: string }>(`select id from cohort where status = 'PUBLISHED' order by start_date limit 1`))[0]!.id;
  /** `department → count` from rows of (key, n), zero counts left out. */
  const tally = (rows: Array<{ key: string; n: number }>) => Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.key, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b))));

  it(FORBIDDEN_CASE, async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(cell.roles, w), ALLOWED);
    expectForbidden(expect, await w.client.request(query, { c: await cohort() }), 'd');
  });
  it('every figure = oracle over the territory (volunteers, sessions, waiting files, decisions)', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(cell.roles, w), 'FORBIDDEN to this role');
    const c = await cohort();
    const response = await w.client.request<{ d: Answer }>(query, { c });
    expectNoError(expect, response);
    const d = response.data!.d;
    const got = {
      status: tally(d.statusByTerritory.flatMap((t) => t.counts.map((x) => ({ key: `${t.territory.id}/${x.status}`, n: x.count })))),
      sessions: sorted(d.sessions.map((s) => s.sessionId)),
      backlog: tally(d.backlog.map((b) => ({ key: b.territory.id, n: b.total }))),
      decisions: tally(Object.entries(d.decisions.reduce<Record<string, number>>((sum, r) => ({ ...sum, [r.territory.id]: (sum[r.territory.id] ?? 0) + r.total }), {})).map(([key, n]) => ({ key, n }))),
    };
    const expected = {
      status: tally(await oracle<{ key: string; n: number }>(w, `select x.department_id || '/' || x.status as key, count(*)::int as n from volunteer x, me where x.cohort_id = $5 and ${condition('Volunteer', w)} group by 1`, [c])),
      sessions: (await oracle(w, `select x.id from session x, me where x.cohort_id = $5 and ${condition('Session', w)} order by x.id`, [c])).map((r) => r.id).sort(),
      backlog: tally(await oracle<{ key: string; n: number }>(w, `select x.department_id::text as key, count(*)::int as n from volunteer x, me where x.cohort_id = $5 and x.status = 'WAITING_VALIDATION' and ${condition('Volunteer', w)} group by 1`, [c])),
      // The demo's decisions are of the last 30 days: all inside a 62-day window.
      decisions: tally(
        await oracle<{ key: string; n: number }>(
          w,
          `select x.department_id::text as key, count(*)::int as n from audit_event x join volunteer v on v.id = x.record_id, me
           where v.cohort_id = $5 and x.record_type = 'Volunteer' and ${condition('AuditEvent', w)}
             and x.action in ('VOLUNTEER_VALIDATE', 'VOLUNTEER_REFUSE', 'VOLUNTEER_WAITING_LIST', 'VOLUNTEER_REQUEST_CORRECTION') group by 1`,
          [c],
        ),
      ),
    };
    expect(got).toEqual(expected);
  });
}

describe('reads', () => {
  for (const { email } of ACCOUNTS) {
    for (const field of SCHEMA_FIELDS) {
      const cell = CELLS[field.key];
      if (!cell) continue;
      if (cell.kind === 'one') describe.concurrent(`${email} · ${field.key}`, () => oneCases(cell.type, email));
      else if (cell.kind === 'list' || cell.kind === 'meta') describe.concurrent(`${email} · ${field.key}`, () => listCases(cell.type, email, cell.kind === 'meta'));
      else if (cell.kind === 'nested') describe.concurrent(`${email} · ${field.key}`, () => nestedCases(field.key, cell, email));
      else if (cell.kind === 'me') describe.concurrent(`${email} · ${field.key}`, () => meCases(email));
      else if (cell.kind === 'counts') describe.concurrent(`${email} · ${field.key}`, () => countsCases(cell, email));
      else if (cell.kind === 'dashboard') describe.concurrent(`${email} · ${field.key}`, () => dashboardCases(cell, email));
      else if (cell.kind === 'nationalQuery') {
        it(`${email} · ${field.key}: answered for its roles, FORBIDDEN to others`, async ({ expect }) => {
          const w = who(email);
          const response = await w.client.request<{ m: unknown }>(cell.document);
          if (mayUse(cell.roles, w)) expectNoError(expect, response);
          else expectForbidden(expect, response, 'm');
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Writes: each case on fresh rows.
// ---------------------------------------------------------------------------------------------

interface Target {
  id: string;
  table: string;
  /** The volunteer a review target hangs on (null for placement targets). */
  volunteerId: string | null;
  /** The document's other variables (a unique name, the target's department, centre, session…). */
  extras: Record<string, unknown>;
}

let openCohort: string | undefined;
const insertOne = async (text: string, params: unknown[]) => (await sql<{ id: string }>(text, params))[0]!.id;
const newCenter = (code: string, name: string) =>
  insertOne(
    `insert into cohesion_center (id, name, address, zip, city, department_id, capacity) select gen_random_uuid(), $2, '1 place du Centre', '75001', 'Ville', d.id, 120 from department d where d.code = $1 returning id`,
    [code, name],
  );
const newPoint = (code: string, name: string) =>
  insertOne(`insert into meeting_point (id, name, address, zip, city, department_id) select gen_random_uuid(), $2, '2 place de la Gare', '75001', 'Ville', d.id from department d where d.code = $1 returning id`, [code, name]);
const newSession = async (centerId: string) => {
  openCohort ??= await openCohortId({ ...app, sql });
  return insertOne(`insert into session (id, cohort_id, center_id, places_total, places_left) values (gen_random_uuid(), $1, $2, 40, 40) returning id`, [openCohort, centerId]);
};

/** A fresh placement target: its row (by SQL) and the variables its documents need. */
async function freshPlacementTarget(kind: PlacementTarget, code: string): Promise<Target> {
  const name = `Matrice ${randomUUID().slice(0, 8)}`;
  openCohort ??= await openCohortId({ ...app, sql });
  const base = { volunteerId: null, extras: { name, code: name.slice(-8), cohort: openCohort } };
  if (kind === 'department') {
    const [{ id }] = await sql<{ id: string }>('select id from department where code = $1', [code]);
    return { ...base, id, table: 'department' };
  }
  const [{ id: dep }] = await sql<{ id: string }>('select id from department where code = $1', [code]);
  if (kind === 'center' || kind === 'centerForSession') return { ...base, id: await newCenter(code, name), table: 'cohesion_center', extras: { ...base.extras, dep } };
  if (kind === 'meetingPoint') return { ...base, id: await newPoint(code, name), table: 'meeting_point', extras: { ...base.extras, dep } };
  const center = await newCenter(code, name);
  const session = await newSession(center);
  const point = await newPoint(code, name);
  if (kind === 'session') return { ...base, id: session, table: 'session', extras: { ...base.extras, center } };
  if (kind === 'sessionForLine') return { ...base, id: session, table: 'session', extras: { ...base.extras, point } };
  const line = await insertOne(`insert into transport_line (id, code, session_id, seats_total, seats_left) values (gen_random_uuid(), $1, $2, 20, 20) returning id`, [name.slice(-8), session]);
  await sql(`insert into transport_line_stop (id, line_id, meeting_point_id, position) values (gen_random_uuid(), $1, $2, 0)`, [line, point]);
  return { ...base, id: line, table: 'transport_line', extras: { ...base.extras, session, point } };
}

const PLACEMENT_TARGETS: readonly TargetKind[] = ['department', 'center', 'meetingPoint', 'session', 'line', 'centerForSession', 'sessionForLine'];
/** Targets whose documents need other variables (`extras`), also for a missing id. */
const WITH_EXTRAS: readonly TargetKind[] = [...PLACEMENT_TARGETS, 'assignable', 'placed', 'region', 'simulation'];

const codeOf = (departmentId: string) => departments.get(departmentId)!.code;

/** Where the account's in-scope targets are created (none for an admin-less empty territory). */
function inPlacements(w: Who): Placement[] {
  if (w.role === 'ADMIN') return [{ label: '75', code: '75' }, { label: '13', code: '13' }];
  if (w.role === 'HEAD_CENTER') return w.sessions.slice(0, 1).map((sessionId) => ({ label: 'placed in its session', code: '75', sessionId }));
  const codes = w.deps.map(codeOf);
  const preferred = [...DEMO_CODES.filter((c) => codes.includes(c)), ...codes.filter((c) => !DEMO_CODES.includes(c)).sort()];
  return preferred.slice(0, 2).map((code) => ({ label: code, code }));
}

/** Where its out-of-scope targets are created: a department of the same region, one of another region. */
async function outPlacements(w: Who): Promise<Placement[]> {
  if (w.role === 'ADMIN') return [];
  if (w.role === 'HEAD_CENTER') {
    const [other] = await sql<{ id: string }>(
      `select s.id from session s where not (s.id = any($1::uuid[]))
       order by (s.center_id in (select center_id from session where id = any($1::uuid[]))) desc, s.id limit 1`,
      [w.sessions],
    );
    return [{ label: '75, not placed', code: '75' }, { label: 'placed in a session it does not head', code: '75', sessionId: other.id }];
  }
  const codes = new Set(w.deps.map(codeOf));
  const regions = new Set(w.deps.map((d) => departments.get(d)!.regionId));
  const regionOf = (code: string) => [...departments.values()].find((d) => d.code === code)!.regionId;
  const outside = DEMO_CODES.filter((c) => !codes.has(c));
  const sameRegion = outside.find((c) => regions.has(regionOf(c)));
  const otherRegion = outside.find((c) => !regions.has(regionOf(c)));
  return [sameRegion, otherRegion].filter((c): c is string => !!c).map((code) => ({ label: code, code }));
}

/** A fresh target for a mutation cell, created where `placement` says. */
async function freshTarget(cell: Extract<Cell, { kind: 'mutation' }>, placement: Placement, authorId: string): Promise<Target> {
  if (PLACEMENT_TARGETS.includes(cell.target)) return freshPlacementTarget(cell.target as PlacementTarget, placement.code);
  if (cell.target === 'region' || cell.target === 'simulation') {
    openCohort ??= await openCohortId({ ...app, sql });
    const [{ region }] = await sql<{ region: string }>('select region_id as region from department where code = $1', [placement.code]);
    if (cell.target === 'region') return { id: region, table: 'region', volunteerId: null, extras: { cohort: openCohort, name: `Matrice ${randomUUID().slice(0, 8)}` } };
    const [{ id }] = await sql<{ id: string }>(
      `insert into assignment_simulation (id, cohort_id, region_id, department_ids, created_by_id, status, progress, report)
       select gen_random_uuid(), $1, $2, '{}', id, 'READY', 100, '{"assignments": [], "sessions": [], "unplaced": [], "centers": []}'::jsonb from staff_user where email = 'admin@demo.snu.test' returning id`,
      [openCohort, region],
    );
    return { id, table: 'assignment_simulation', volunteerId: null, extras: { name: `Matrice ${randomUUID().slice(0, 8)}` } };
  }
  if (cell.target === 'assignable' || cell.target === 'placed') {
    const volunteerId = await createVolunteer({ ...app, sql }, placement.code, 'VALIDATED');
    const session = await newSession(await newCenter(placement.code, `Matrice ${randomUUID().slice(0, 8)}`));
    if (cell.target === 'placed') {
      await sql(`update volunteer set session_id = $1, phase1_status = 'ASSIGNED' where id = $2`, [session, volunteerId]);
      await sql('update session set places_left = places_left - 1 where id = $1', [session]);
    }
    return { id: volunteerId, table: 'volunteer', volunteerId, extras: { session } };
  }
  const volunteerId = await createVolunteer({ ...app, sql }, placement.code, cell.status ?? 'WAITING_VALIDATION');
  if (placement.sessionId) {
    await sql(`update volunteer set session_id = $1, phase1_status = case when status = 'VALIDATED' then 'ASSIGNED'::phase1_status else phase1_status end where id = $2`, [
      placement.sessionId,
      volunteerId,
    ]);
    await sql('update session set places_left = places_left - 1 where id = $1', [placement.sessionId]);
  }
  if (cell.target === 'volunteer') return { id: volunteerId, table: 'volunteer', volunteerId, extras: {} };
  if (cell.target === 'correctionRequest') {
    const [row] = await sql<{ id: string }>(
      `insert into correction_request (id, volunteer_id, field, reason, message, status, sent_at) values (gen_random_uuid(), $1, 'birthDate', 'UNREADABLE', 'Acte illisible.', 'SENT', now()) returning id`,
      [volunteerId],
    );
    return { id: row.id, table: 'correction_request', volunteerId, extras: {} };
  }
  const [row] = await sql<{ id: string }>(`insert into note (id, volunteer_id, author_id, content) values (gen_random_uuid(), $1, $2, 'Dossier suivi.') returning id`, [volunteerId, authorId]);
  return { id: row.id, table: 'note', volunteerId, extras: {} };
}

/** The target's row and everything hanging on it: must not move after a refused write. */
async function snapshot(target: Target): Promise<unknown> {
  if (!target.volunteerId) {
    // Placement targets: the row, its audit events, and what a creation there would add (found by the case's unique name).
    const [row] = await sql(
      `select (select row_to_json(t) from ${target.table} t where t.id = $1) as target,
              (select count(*)::int from audit_event where record_id = $1) as audit_events,
              (select count(*)::int from cohesion_center where name = $2) as centers,
              (select count(*)::int from meeting_point where name = $2) as points,
              (select count(*)::int from session where center_id = $1) as sessions,
              (select count(*)::int from transport_line where session_id = $1 or id = $1) as lines,
              (select count(*)::int from transport_line_stop where line_id = $1) as stops`,
      [target.id, target.extras.name],
    );
    return row;
  }
  const [row] = await sql(
    `select (select row_to_json(t) from ${target.table} t where t.id = $1) as target,
            (select row_to_json(v) from volunteer v where v.id = $2) as volunteer,
            (select count(*)::int from audit_event where record_id in ($1, $2)) as audit_events,
            (select count(*)::int from note where volunteer_id = $2) as notes,
            (select count(*)::int from correction_request where volunteer_id = $2) as correction_requests,
            (select count(*)::int from email_message where volunteer_id = $2) as emails`,
    [target.id, target.volunteerId],
  );
  return row;
}

/** A bulk answer names the id it failed on: compare answers with that id masked. */
const masked = (response: GraphQLResponse<unknown>, id: string) => canonical(response).split(id).join('<id>');

const REFUSED_IN_SCOPE = ['NOT_FOUND', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED'];

function mutationCases(cell: Extract<Cell, { kind: 'mutation' }>, email: string): void {
  type Answer = { m: unknown };
  const run = (w: Who, id: string, extras: Record<string, unknown> = {}) => w.client.request<Answer>(cell.document, { ...extras, id });
  const bulkFailure = (response: GraphQLResponse<Answer>) => (response.data?.m as { failed?: { code: string }[] } | undefined)?.failed?.[0]?.code;

  it('FORBIDDEN: the role may not use it; the target is unchanged, ≡ missing', async ({ expect, skip }) => {
    const w = who(email);
    skip(mayUse(cell.roles, w), ALLOWED);
    const [placement] = inPlacements(w);
    const target = await freshTarget(cell, placement ?? { label: '75', code: '75' }, w.id);
    const before = await snapshot(target);
    const response = await run(w, target.id, target.extras);
    expectForbidden(expect, response, 'm');
    expect(await snapshot(target)).toEqual(before);
    expect(canonical(response)).toBe(canonical(await run(w, randomUUID(), target.extras)));
  });
  it('in scope: not NOT_FOUND (done, or refused for a domain reason)', async ({ expect, skip }) => {
    const w = who(email);
    const placements = inPlacements(w);
    skip(!mayUse(cell.roles, w) || placements.length === 0, 'no in-scope target for this account');
    for (const placement of placements) {
      const target = await freshTarget(cell, placement, w.id);
      const response = await run(w, target.id, target.extras);
      const message = `${placement.label}: ${canonical(response)}`;
      expect(REFUSED_IN_SCOPE, message).not.toContain(errorCode(response));
      if (response.errors) continue;
      if (cell.result === 'same') expect((response.data?.m as { id: string }).id, message).toBe(target.id);
      if (cell.result === 'created') expect((response.data?.m as { volunteerId: string }).volunteerId, message).toBe(target.volunteerId);
      if (cell.result === 'boolean') expect(response.data?.m, message).toBe(true);
      if (cell.result === 'new') expect((response.data?.m as { id: string }).id, message).toMatch(/^[0-9a-f-]{36}$/);
      if (cell.result === 'bulk') {
        const { succeeded, failed } = response.data?.m as { succeeded: string[]; failed: { id: string; code: string }[] };
        expect([...succeeded, ...failed.map((f) => f.id)], message).toEqual([target.id]);
        expect(REFUSED_IN_SCOPE, message).not.toContain(failed[0]?.code);
      }
    }
  });
  it('out of scope ≡ missing (byte for byte), NOT_FOUND, the target unchanged', async ({ expect, skip }) => {
    const w = who(email);
    const placements = await outPlacements(w);
    skip(!mayUse(cell.roles, w) || placements.length === 0, 'no out-of-scope target for this account');
    for (const placement of placements) {
      const target = await freshTarget(cell, placement, w.id);
      const before = await snapshot(target);
      const response = await run(w, target.id, target.extras);
      const message = `${placement.label}: ${canonical(response)}`;
      expect(cell.result === 'bulk' ? bulkFailure(response) : errorCode(response), message).toBe('NOT_FOUND');
      expect(await snapshot(target), placement.label).toEqual(before);
      const missingId = randomUUID();
      expect(masked(response, target.id), placement.label).toBe(masked(await run(w, missingId, target.extras), missingId));
    }
  });
  it('missing: NOT_FOUND', async ({ expect, skip }) => {
    const w = who(email);
    skip(!mayUse(cell.roles, w), 'FORBIDDEN to this role');
    // The other variables of a real target, so that only the id is missing.
    const extras = WITH_EXTRAS.includes(cell.target) ? (await freshTarget(cell, inPlacements(w)[0] ?? { label: '75', code: '75' }, w.id)).extras : {};
    const response = await run(w, randomUUID(), extras);
    expect(cell.result === 'bulk' ? bulkFailure(response) : errorCode(response), canonical(response)).toBe('NOT_FOUND');
    if (cell.result !== 'bulk') expect(response.data).toBeNull();
  });
}

function sessionCases(kind: 'login' | 'logout', email: string): void {
  it(kind === 'login' ? 'signs in as itself' : 'ends its own session only', async ({ expect }) => {
    const w = who(email);
    const client = await loggedIn(app.url, email);
    expect((await client.ok<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(w.id);
    if (kind === 'logout') {
      expect(await client.ok('mutation { logout }')).toEqual({ logout: true });
      expect(errorCode(await client.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
      // The account's other session is untouched.
      expect((await w.client.ok<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(w.id);
    }
  });
}

describe('own-account writes', () => {
  for (const field of SCHEMA_FIELDS) {
    const cell = CELLS[field.key];
    if (cell?.kind === 'ownAccount') {
      it(`${field.key}: ${cell.anonymous} without a session`, async () => {
        const response = await new GraphQLClient(app.url).request(cell.document);
        expect(errorCode(response)).toBe(cell.anonymous);
        expect(response.data).toBeNull();
      });
    }
  }
});

function nationalCases(cell: Extract<Cell, { kind: 'national' }>, email: string): void {
  /** A fresh cohort (as SQL would leave it) and the variables of one call on it. */
  async function fresh(): Promise<Record<string, unknown>> {
    const suffix = randomUUID().slice(0, 8);
    const [row] = await sql<{ id: string }>(
      `insert into cohort (id, name, start_date, end_date, registration_start_date, registration_end_date, instruction_end_date, status)
       values (gen_random_uuid(), $1, '2041-04-01', '2041-04-13', '2041-01-02', '2041-03-01', '2041-03-15', 'PUBLISHED') returning id`,
      [`Matrice ${suffix}`],
    );
    const [dep] = await sql<{ id: string }>(`select id from department where code = '75'`);
    return { id: row!.id, name: `Matrice nouvelle ${suffix}`, dep: dep!.id };
  }
  const state = async (variables: Record<string, unknown>) =>
    (
      await sql(
        `select (select row_to_json(c) from cohort c where c.id = $1) as cohort,
                (select count(*)::int from cohort where name = $2) as named,
                (select count(*)::int from inscription_goal where cohort_id = $1) as goals,
                (select count(*)::int from audit_event where record_id = $1) as events`,
        [variables.id, variables.name],
      )
    )[0];
  const used = (variables: Record<string, unknown>) => Object.fromEntries(Object.entries(variables).filter(([key]) => cell.document.includes(`$${key}`)));

  it('FORBIDDEN to other roles, nothing written; done for its roles', async ({ expect }) => {
    const w = who(email);
    const variables = await fresh();
    const before = await state(variables);
    const response = await w.client.request<{ m: unknown }>(cell.document, used(variables));
    if (!mayUse(cell.roles, w)) {
      expectForbidden(expect, response, 'm');
      expect(await state(variables)).toEqual(before);
    } else {
      expectNoError(expect, response);
      expect(await state(variables)).not.toEqual(before);
    }
  });
  if (cell.missing) {
    it('a cohort that does not exist: NOT_FOUND for its roles', async ({ expect, skip }) => {
      const w = who(email);
      skip(!mayUse(cell.roles, w), 'FORBIDDEN to this role');
      const response = await w.client.request(cell.document, used({ ...(await fresh()), id: randomUUID() }));
      expect(errorCode(response), canonical(response)).toBe('NOT_FOUND');
    });
  }
}

describe('writes', () => {
  for (const { email } of ACCOUNTS) {
    for (const field of SCHEMA_FIELDS) {
      const cell = CELLS[field.key];
      if (cell?.kind === 'mutation') describe.concurrent(`${email} · ${field.key}`, () => mutationCases(cell, email));
      if (cell?.kind === 'national') describe.concurrent(`${email} · ${field.key}`, () => nationalCases(cell, email));
      if (cell?.kind === 'staffWrite') {
        it(`${email} · ${field.key}: FORBIDDEN to other roles, no account changed`, async ({ expect, skip }) => {
          const w = who(email);
          skip(mayUse(cell.roles, w), 'the role may use it: tests/api/staff-accounts.test.ts');
          const [target] = await sql<{ id: string }>(`select id from staff_user where email = 'dept-75@demo.snu.test'`);
          const before = await sql('select id, status, role, version from staff_user order by id');
          expectForbidden(expect, await w.client.request<{ m: unknown }>(cell.document, { id: target!.id }), 'm');
          expect(await sql('select id, status, role, version from staff_user order by id')).toEqual(before);
        });
      }
      if (cell?.kind === 'login' || cell?.kind === 'logout') describe.concurrent(`${email} · ${field.key}`, () => sessionCases(cell.kind, email));
    }
  }
});
