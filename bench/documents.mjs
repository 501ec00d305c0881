// The exact GraphQL documents of the measured screens, and the hand-written SQL "floor" that
// produces the same answers in one round trip (no GraphQL, no ORM).

const CODED = 'id code name __typename';

/** Timestamps as GraphQL's DateTimeISO prints them. */
const iso = (column) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Q1 — the referent's review list (console: VolunteerList with its sparse fields, plus the region). */
export const Q1_DOCUMENT = `query allVolunteers($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: VolunteerFilter) {
  items: allVolunteers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    id firstName lastName email status phase1Status createdAt statusChangedAt version allowedTransitions
    department { ${CODED} region { ${CODED} } }
    cohort { id name __typename }
    session { id center { id name __typename } __typename }
    __typename
  }
  total: _allVolunteersMeta(page: $page, perPage: $perPage, filter: $filter) { count __typename }
}`;

export const q1Variables = (departmentId, page) => ({
  page,
  perPage: 50,
  sortField: 'createdAt',
  sortOrder: 'DESC',
  filter: { status: 'WAITING_VALIDATION', departmentId },
});

/** Q2 — one volunteer's page and its last 20 history events. */
export const Q2_DOCUMENT = `query volunteerPage($id: ID!) {
  data: Volunteer(id: $id) {
    id firstName lastName email phone birthDate gender address zip city status phase1Status version allowedTransitions
    department { ${CODED} region { ${CODED} } }
    cohort { id name __typename }
    session { id center { id name __typename } __typename }
    __typename
  }
  history: allAuditEvents(filter: { recordId: $id }, perPage: 20, sortField: "createdAt", sortOrder: "DESC") {
    id action createdAt changes actor { id email firstName lastName __typename } __typename
  }
}`;


/** Q3 — the dashboard's figures: volunteers per status for the department and for its region (one grouped count each, as the console's dashboard asks them). */
export const Q3_DOCUMENT = `query dashboard($department: ID!, $region: ID!, $cohort: ID!) {
  d: volunteerCounts(groupBy: [STATUS], filter: { cohortId: $cohort, departmentId: $department }) { status count __typename }
  r: volunteerCounts(groupBy: [STATUS], filter: { cohortId: $cohort, regionId: $region }) { status count __typename }
}`;

const REVIEW_ACTIONS = `case v.status when 'WAITING_VALIDATION' then '["VALIDATE","REFUSE","WAITING_LIST","REQUEST_CORRECTION"]'::json
  when 'WAITING_LIST' then '["VALIDATE","WITHDRAW"]'::json when 'VALIDATED' then '["WITHDRAW"]'::json else '[]'::json end`;

const coded = (alias) => `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, '__typename', '${alias === 'r' ? 'Region' : 'Department'}')`;

export const Q1_FLOOR_SQL = `
with page as (
  select * from volunteer v
  where v.department_id = $1 and v.status = 'WAITING_VALIDATION'
  order by v.created_at desc, v.id desc limit 50 offset $2
)
select json_build_object('data', json_build_object(
  'items', coalesce((select json_agg(json_build_object(
      'id', v.id, 'firstName', v.first_name, 'lastName', v.last_name, 'email', v.email, 'status', v.status,
      'phase1Status', v.phase1_status, 'createdAt', ${iso('v.created_at')}, 'statusChangedAt', ${iso('v.status_changed_at')}, 'version', v.version,
      'allowedTransitions', ${REVIEW_ACTIONS},
      'department', ${coded('d')}::jsonb || jsonb_build_object('region', ${coded('r')}),
      'cohort', json_build_object('id', c.id, 'name', c.name, '__typename', 'Cohort'),
      'session', case when s.id is null then null else json_build_object('id', s.id, 'center', json_build_object('id', cc.id, 'name', cc.name, '__typename', 'CohesionCenter'), '__typename', 'Session') end,
      '__typename', 'Volunteer') order by v.created_at desc, v.id desc)
    from page v
    join department d on d.id = v.department_id join region r on r.id = d.region_id
    join cohort c on c.id = v.cohort_id
    left join session s on s.id = v.session_id left join cohesion_center cc on cc.id = s.center_id), '[]'),
  'total', json_build_object('count', (select count(*) from volunteer where department_id = $1 and status = 'WAITING_VALIDATION'), '__typename', 'ListMetadata')
)) as body`;

export const Q2_FLOOR_SQL = `
select json_build_object('data', json_build_object(
  'data', (select json_build_object('id', v.id, 'firstName', v.first_name, 'lastName', v.last_name, 'email', v.email, 'phone', v.phone,
      'birthDate', v.birth_date, 'gender', v.gender, 'address', v.address, 'zip', v.zip, 'city', v.city, 'status', v.status,
      'phase1Status', v.phase1_status, 'version', v.version, 'allowedTransitions', ${REVIEW_ACTIONS},
      'department', ${coded('d')}::jsonb || jsonb_build_object('region', ${coded('r')}),
      'cohort', json_build_object('id', c.id, 'name', c.name, '__typename', 'Cohort'),
      'session', case when s.id is null then null else json_build_object('id', s.id, 'center', json_build_object('id', cc.id, 'name', cc.name, '__typename', 'CohesionCenter'), '__typename', 'Session') end,
      '__typename', 'Volunteer')
    from volunteer v join department d on d.id = v.department_id join region r on r.id = d.region_id join cohort c on c.id = v.cohort_id
    left join session s on s.id = v.session_id left join cohesion_center cc on cc.id = s.center_id
    where v.id = $1 and v.department_id = $2),
  'history', coalesce((select json_agg(json_build_object('id', e.id, 'action', e.action, 'createdAt', ${iso('e.created_at')}, 'changes', e.changes,
      'actor', case when u.id is null then null else json_build_object('id', u.id, 'email', u.email, 'firstName', u.first_name, 'lastName', u.last_name, '__typename', 'User') end,
      '__typename', 'AuditEvent') order by e.created_at desc, e.id desc)
    from (select * from audit_event where record_type = 'Volunteer' and record_id = $1 and department_id = $2 order by created_at desc, id desc limit 20) e
    left join staff_user u on u.id = e.actor_id), '[]')
)) as body`;

const statusCounts = (where) => `coalesce((select json_agg(json_build_object('status', g.status, 'count', g.n, '__typename', 'VolunteerCount') order by g.status)
    from (select v.status, count(*)::int as n from volunteer v ${where} group by v.status) g), '[]')`;

export const Q3_FLOOR_SQL = `
select json_build_object('data', json_build_object(
  'd', ${statusCounts('where v.cohort_id = $3 and v.department_id = $1')},
  'r', ${statusCounts('join department d on d.id = v.department_id where v.cohort_id = $3 and d.region_id = $2')}
)) as body`;


/** W5, the product: one manual assignment by the regional manager, as the volunteer page sends it. */
export const ASSIGN_DOCUMENT = 'mutation($id: ID!, $sessionId: ID!) { assignVolunteer(id: $id, sessionId: $sessionId) { id phase1Status version } }';

/**
 * W5, the floor: the same effects in one hand-written statement. The file is locked and checked
 * (validated, of the session's cohort, not assigned), the place taken by a conditional update,
 * the file updated, its audit event and the two convocation e-mails (volunteer, guardian)
 * written; nothing when a check fails. No session lookup, no scope, no job queue.
 */
export const ASSIGN_FLOOR_SQL = `
with v as (
  select id, department_id, email, guardian1_email from volunteer
  where id = $1 and status = 'VALIDATED' and session_id is null and cohort_id = (select cohort_id from session where id = $2)
  for update
), s as (
  update session set places_left = places_left - 1, version = version + 1, updated_at = now()
  where id = $2 and places_left > 0 and exists (select 1 from v) returning id
), u as (
  update volunteer set session_id = $2, phase1_status = 'ASSIGNED', version = version + 1, updated_at = now()
  where id = (select id from v) and exists (select 1 from s) returning id, department_id, email, guardian1_email, version
), a as (
  insert into audit_event (id, action, record_type, record_id, actor_id, department_id, changes)
  select gen_random_uuid(), 'VOLUNTEER_ASSIGNED', 'Volunteer', u.id, $3, u.department_id, jsonb_build_object('sessionId', jsonb_build_array(null, $2::text)) from u
), e as (
  insert into email_message (id, volunteer_id, recipient, recipient_kind, template, subject, body)
  select gen_random_uuid(), u.id, r.recipient, r.kind, 'VOLUNTEER_ASSIGNED', 'Votre convocation au séjour de cohésion', 'Bonjour, vous êtes affecté au séjour de cohésion.'
  from u cross join lateral (values (u.email, 'VOLUNTEER'), (u.guardian1_email, 'GUARDIAN')) as r(recipient, kind) where r.recipient is not null
)
select json_build_object('data', json_build_object('assignVolunteer',
  (select json_build_object('id', u.id, 'phase1Status', 'ASSIGNED', 'version', u.version) from u))) as body`;

/** D1: the console's home page for national staff, every widget, rows per region (admin/src/dashboard/cohortDashboard.ts). */
export const D1_DOCUMENT = `query nationalDashboard($cohort: ID!) {
  d: cohortDashboard(cohortId: $cohort, level: REGION) {
    level today
    statusByTerritory { territory { id code name } total counts { status count } }
    goals { department { id code name } max validated rate }
    sessions { sessionId centerName department { id code name } placesTotal placesTaken fillRate }
    backlog { territory { id code name } lessThan3Days from3To7Days moreThan7Days total }
    decisions(days: 14) { day territory { id code name } validated refused waitingList correctionRequested total }
  }
}`;
