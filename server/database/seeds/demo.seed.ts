import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { hashPassword } from '../../auth/password';
import { now } from '../../kernel/clock';
import { renderEmail, type EmailTemplate } from '../../modules/email/email.templates';
import { DEMO_TOWNS, EMAIL_DOMAINS, FEMALE_NAMES, LAST_NAMES, MALE_NAMES, SCHOOL_PREFIXES, STREETS, TOWNS } from './french-data';
import { Random } from './random';

export const DEMO_PASSWORD = 'Demo-Snu-2026!';

export interface DemoAccount {
  email: string;
  role: 'ADMIN' | 'REFERENT_REGION' | 'REFERENT_DEPARTMENT' | 'VISITOR' | 'HEAD_CENTER';
  firstName: string;
  lastName: string;
  regionCode?: string;
  departmentCodes?: string[];
}

/** The accounts of API-CONTRACT.md. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.snu.test', role: 'ADMIN', firstName: 'Claire', lastName: 'Administratrice' },
  { email: 'region-11@demo.snu.test', role: 'REFERENT_REGION', firstName: 'Karim', lastName: 'Francilien', regionCode: '11' },
  { email: 'region-84@demo.snu.test', role: 'REFERENT_REGION', firstName: 'Sophie', lastName: 'Rhodanienne', regionCode: '84' },
  { email: 'dept-75@demo.snu.test', role: 'REFERENT_DEPARTMENT', firstName: 'Julien', lastName: 'Parisien', departmentCodes: ['75'] },
  { email: 'dept-92@demo.snu.test', role: 'REFERENT_DEPARTMENT', firstName: 'Nadia', lastName: 'Altoséquanaise', departmentCodes: ['92'] },
  { email: 'dept-69@demo.snu.test', role: 'REFERENT_DEPARTMENT', firstName: 'Marc', lastName: 'Lyonnais', departmentCodes: ['69'] },
  { email: 'visitor-11@demo.snu.test', role: 'VISITOR', firstName: 'Hélène', lastName: 'Préfecture', regionCode: '11' },
  // Appointed in Île-de-France: the region's manager may name it head of one of its sessions.
  { email: 'head-center@demo.snu.test', role: 'HEAD_CENTER', firstName: 'Thierry', lastName: 'Chef-de-Centre', regionCode: '11' },
];

/** Departments that must show every status and at least 20 files waiting for validation. */
export const DEMO_DEPARTMENTS = ['75', '92', '93', '69', '13'];

type Status =
  | 'IN_PROGRESS' | 'WAITING_VALIDATION' | 'WAITING_CORRECTION' | 'VALIDATED' | 'REFUSED'
  | 'WAITING_LIST' | 'WITHDRAWN' | 'ABANDONED' | 'NOT_AUTHORIZED' | 'NOT_ELIGIBLE';
const ALL_STATUSES: Status[] = ['IN_PROGRESS', 'WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'REFUSED', 'WAITING_LIST', 'WITHDRAWN', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE'];
const OPEN_COHORT_WEIGHTS: Record<Status, number> = {
  WAITING_VALIDATION: 34, VALIDATED: 26, IN_PROGRESS: 12, WAITING_CORRECTION: 6, WAITING_LIST: 5,
  REFUSED: 5, WITHDRAWN: 4, ABANDONED: 4, NOT_AUTHORIZED: 2, NOT_ELIGIBLE: 2,
};

/** Centres per department: [name, capacity, accessible]. Both demo regions have several. */
const CENTERS: Record<string, Array<[string, number, boolean]>> = {
  '75': [['Lycée Henri-IV – internat', 180, true], ['Centre Paris-Est Belleville', 120, false]],
  '92': [['Lycée Lakanal – internat', 220, true], ['Centre sportif de Colombes', 150, false]],
  '93': [['Centre de Montreuil', 140, true]],
  '77': [['Base de loisirs de Bois-le-Roi', 250, true]],
  '69': [['Lycée du Parc – internat', 200, true], ['Centre de Vaulx-en-Velin', 130, false]],
  '38': [['Centre de montagne de Villard-de-Lans', 160, false]],
  '13': [['Lycée Thiers – internat', 190, true], ['Centre de Marseille-Nord', 110, false]],
  '33': [['Centre de Bordeaux-Lac', 150, true]],
  '59': [['Lycée Faidherbe – internat', 170, true]],
  '31': [['Centre de Toulouse-Rangueil', 140, false]],
  '35': [['Lycée Chateaubriand – internat', 160, true]],
  '67': [['Centre de Strasbourg-Neudorf', 150, true]],
};

const DAY = 86_400_000;
const FRENCH_MONTHS = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Midnight UTC of the day of `at`: every date the seed writes is placed relative to it, so two
 * seeds on the same day (whatever the hour) give the same rows.
 */
export function seedDay(at: Date): number {
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}

/** The first Monday on or after `ms` (stays start on a Monday). */
function mondayOnOrAfter(ms: number): number {
  return ms + ((8 - new Date(ms).getUTCDay()) % 7) * DAY;
}

/** A demo cohort's dates (`YYYY-MM-DD`); its name is the French month and year of its stay. */
export interface DemoCohort {
  name: string;
  startDate: string;
  endDate: string;
  registrationStartDate: string;
  registrationEndDate: string;
  instructionEndDate: string;
  status: 'PUBLISHED' | 'ARCHIVED';
}

function demoCohort(start: number, registrationStart: number, registrationEnd: number, instructionEnd: number, status: DemoCohort['status']): DemoCohort {
  const month = new Date(start);
  return {
    name: `${FRENCH_MONTHS[month.getUTCMonth()]} ${month.getUTCFullYear()}`,
    startDate: isoDate(start),
    endDate: isoDate(start + 12 * DAY),
    registrationStartDate: isoDate(registrationStart),
    registrationEndDate: isoDate(registrationEnd),
    instructionEndDate: isoDate(instructionEnd),
    status,
  };
}

/**
 * The three demo cohorts of a seed run on `at`'s day D:
 * - archived: a stay starting on the first Monday from D − 120 days (about four months ago),
 *   registration from 172 to 67 days before the stay, instruction until 36 days before it;
 * - open: registration from D − 42 days to D + 45, instruction until D + 60, a stay starting on
 *   the first Monday from D + 75 days;
 * - later: a stay starting on the first Monday 17 weeks after the open one's, registration from
 *   the day after the open one's closes to 45 days before the stay, instruction until 25 days before.
 * Only the open cohort's registration and instruction windows contain D.
 */
export function demoCohorts(at: Date = now()): { archived: DemoCohort; open: DemoCohort; later: DemoCohort } {
  const day = seedDay(at);
  const archivedStart = mondayOnOrAfter(day - 120 * DAY);
  const openStart = mondayOnOrAfter(day + 75 * DAY);
  const laterStart = mondayOnOrAfter(openStart + 119 * DAY);
  return {
    archived: demoCohort(archivedStart, archivedStart - 172 * DAY, archivedStart - 67 * DAY, archivedStart - 36 * DAY, 'ARCHIVED'),
    open: demoCohort(openStart, day - 42 * DAY, day + 45 * DAY, day + 60 * DAY, 'PUBLISHED'),
    later: demoCohort(laterStart, day + 46 * DAY, laterStart - 45 * DAY, laterStart - 25 * DAY, 'PUBLISHED'),
  };
}

/**
 * The query selecting the open demo cohort of a database seeded on `at`'s day, whatever today's
 * date (for tests and scripts): the published cohort with that cohort's dates.
 */
export function openDemoCohortQuery(at: Date): { text: string; values: string[] } {
  const { open } = demoCohorts(at);
  return {
    text: `select id from cohort where status = 'PUBLISHED' and start_date = $1 and registration_start_date = $2 and instruction_end_date = $3 order by created_at limit 1`,
    values: [open.startDate, open.registrationStartDate, open.instructionEndDate],
  };
}

interface Cohort extends DemoCohort {
  id: string;
  /** Midnight UTC of the stay's first day, and of the registration and instruction bounds. */
  startMs: number;
  registrationStartMs: number;
  registrationEndMs: number;
  instructionEndMs: number;
}

function withId(id: string, cohort: DemoCohort): Cohort {
  const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return {
    ...cohort, id, startMs: ms(cohort.startDate), registrationStartMs: ms(cohort.registrationStartDate),
    registrationEndMs: ms(cohort.registrationEndDate), instructionEndMs: ms(cohort.instructionEndDate),
  };
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');
}

/** Inserts rows with one statement per batch: `insert … select * from unnest($1::type[], …)`. */
async function insertBatch(client: pg.Client, table: string, columns: Array<[string, string]>, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((row) => row[i]));
  const placeholders = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`insert into ${table} (${columns.map(([c]) => `"${c}"`).join(', ')}) select * from unnest(${placeholders})`, arrays);
}

const VOLUNTEER_COLUMNS: Array<[string, string]> = [
  ['id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['first_name', 'text'], ['last_name', 'text'],
  ['birth_date', 'date'], ['gender', 'gender'], ['email', 'text'], ['phone', 'text'], ['address', 'text'], ['zip', 'text'],
  ['city', 'text'], ['department_id', 'uuid'], ['priority_neighbourhood', 'boolean'], ['school_situation', 'school_situation'],
  ['grade', 'grade'], ['school_name', 'text'],
  ['guardian1_first_name', 'text'], ['guardian1_last_name', 'text'], ['guardian1_relationship', 'text'], ['guardian1_email', 'text'],
  ['guardian1_phone', 'text'], ['guardian1_consent', 'boolean'],
  ['guardian2_first_name', 'text'], ['guardian2_last_name', 'text'], ['guardian2_relationship', 'text'], ['guardian2_email', 'text'],
  ['guardian2_phone', 'text'], ['guardian2_consent', 'boolean'],
  ['disability', 'boolean'], ['pps_beneficiary', 'boolean'], ['pai_beneficiary', 'boolean'], ['reduced_mobility', 'boolean'],
  ['allergies', 'boolean'], ['special_needs_details', 'text'], ['cohort_id', 'uuid'], ['status', 'volunteer_status'],
  ['status_changed_at', 'timestamptz'], ['phase1_status', 'phase1_status'], ['session_id', 'uuid'], ['meeting_point_id', 'uuid'],
  ['refusal_reason', 'refusal_reason'], ['refusal_message', 'text'], ['withdrawal_reason', 'text'], ['version', 'int'],
];

interface SessionSlot { id: string; departmentCode: string; regionCode: string; cohortId: string; placesTotal: number; placesLeft: number }

/**
 * Deterministic demo data (same N and same day, same rows): cohorts, staff accounts, centres,
 * sessions, meeting points, N volunteers, goals, corrections, notes and a little history.
 * Every date is placed relative to the UTC day of `at` (default: the clock's now), see
 * `demoCohorts`, so the demo works whatever the day it is seeded.
 * Bulk inserts (one statement per 5,000 rows) so that 1,000,000 volunteers load in minutes.
 */
export async function seedDemo(orm: MikroORM, options: { volunteers: number; log: (message: string) => void; at?: Date }): Promise<void> {
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>('select (select count(*) from volunteer) + (select count(*) from staff_user) as n');
    if (Number(existing.rows[0].n) > 0) throw new Error('La base contient déjà des volontaires ou des comptes : le jeu de démonstration ne se charge que dans une base vide.');
    await seed(client, options.volunteers, seedDay(options.at ?? now()), options.log);
  } finally {
    await client.end();
  }
}

async function seed(client: pg.Client, total: number, day: number, log: (message: string) => void): Promise<void> {
  // The draws do not depend on the day: seeds of the same N on different days differ only by their dates.
  const rnd = new Random(20261101 + total);
  // Reference rows (cohorts, accounts, centres, sessions, goals) were set up a year before.
  const setUpAt = new Date(day - 365 * DAY);
  const departments = (await client.query<{ id: string; code: string; region_code: string }>(
    'select d.id, d.code, r.code as region_code from department d join region r on r.id = d.region_id order by d.code',
  )).rows;
  const regions = (await client.query<{ id: string; code: string }>('select id, code from region')).rows;
  const departmentId = new Map(departments.map((d) => [d.code, d.id]));
  const regionOf = new Map(departments.map((d) => [d.code, d.region_code]));
  const regionId = new Map(regions.map((r) => [r.code, r.id]));

  // Cohorts: one archived, one open for instruction on the seeding day, one later.
  const plan = demoCohorts(new Date(day));
  const cohorts: Cohort[] = [withId(rnd.uuid(), plan.archived), withId(rnd.uuid(), plan.open), withId(rnd.uuid(), plan.later)];
  const [archived, open, later] = cohorts;
  await insertBatch(client, 'cohort', [['id', 'uuid'], ['name', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['registration_start_date', 'date'], ['registration_end_date', 'date'], ['instruction_end_date', 'date'], ['status', 'cohort_status'], ['manual_assignment_open_for_region', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    cohorts.map((c) => [c.id, c.name, c.startDate, c.endDate, c.registrationStartDate, c.registrationEndDate, c.instructionEndDate, c.status, c.status === 'PUBLISHED', setUpAt, setUpAt]));

  // Staff accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const id = rnd.uuid();
    userIds.set(a.email, id);
    await client.query(
      `insert into staff_user (id, email, first_name, last_name, role, region_id, department_ids, status, password_hash, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7::uuid[], 'ACTIVE', $8, $9, $9)`,
      [id, a.email, a.firstName, a.lastName, a.role, a.regionCode ? regionId.get(a.regionCode) : null, (a.departmentCodes ?? []).map((code) => departmentId.get(code)), passwordHash, setUpAt],
    );
  }
  log(`Comptes de démonstration : ${DEMO_ACCOUNTS.length} (mot de passe ${DEMO_PASSWORD})`);

  // Centres, sessions (archived and open cohorts), meeting points.
  const centerRows: unknown[][] = [];
  const sessionRows: unknown[][] = [];
  const slots: SessionSlot[] = [];
  let headSessionId = '';
  for (const [code, centers] of Object.entries(CENTERS)) {
    const [town, zip] = TOWNS[code];
    for (const [name, capacity, accessible] of centers) {
      const centerId = rnd.uuid();
      centerRows.push([centerId, name, `${rnd.int(1, 120)} ${rnd.pick(STREETS)}`, zip, town, departmentId.get(code), capacity, accessible]);
      for (const cohort of [archived, open]) {
        const id = rnd.uuid();
        const isHead = code === '75' && cohort === open && !headSessionId;
        if (isHead) headSessionId = id;
        sessionRows.push([id, cohort.id, centerId, capacity, isHead ? userIds.get('head-center@demo.snu.test') : null]);
        slots.push({ id, departmentCode: code, regionCode: regionOf.get(code)!, cohortId: cohort.id, placesTotal: capacity, placesLeft: capacity });
      }
    }
  }
  await insertBatch(client, 'cohesion_center', [['id', 'uuid'], ['name', 'text'], ['address', 'text'], ['zip', 'text'], ['city', 'text'], ['department_id', 'uuid'], ['capacity', 'int'], ['accessible_reduced_mobility', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    centerRows.map((row) => [...row, setUpAt, setUpAt]));
  await insertBatch(client, 'session', [['id', 'uuid'], ['cohort_id', 'uuid'], ['center_id', 'uuid'], ['places_total', 'int'], ['head_center_id', 'uuid'], ['places_left', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    sessionRows.map((row) => [...row, row[3], 1, setUpAt, setUpAt]));

  const meetingPoints = new Map<string, string[]>();
  const meetingRows: unknown[][] = [];
  for (const d of departments) {
    const count = DEMO_DEPARTMENTS.includes(d.code) ? 3 : CENTERS[d.code] ? 1 : 0;
    const [town, zip] = TOWNS[d.code];
    for (let i = 0; i < count; i++) {
      const id = rnd.uuid();
      meetingRows.push([id, i === 0 ? `Gare de ${town}` : i === 1 ? `Parking de l’hôtel de ville de ${town}` : `Lycée ${rnd.pick(['Jean-Jaurès', 'Condorcet', 'Voltaire'])} (${town})`, `${rnd.int(1, 80)} ${rnd.pick(STREETS)}`, zip, town, d.id]);
      meetingPoints.set(d.code, [...(meetingPoints.get(d.code) ?? []), id]);
    }
  }
  await insertBatch(client, 'meeting_point', [['id', 'uuid'], ['name', 'text'], ['address', 'text'], ['zip', 'text'], ['city', 'text'], ['department_id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    meetingRows.map((row) => [...row, setUpAt, setUpAt]));
  log(`Centres : ${centerRows.length}, sessions : ${sessionRows.length}, points de rassemblement : ${meetingRows.length}`);

  // Volunteers, in batches.
  const demoShare = 0.6;
  const others = departments.filter((d) => !DEMO_DEPARTMENTS.includes(d.code));
  const forced = new Map<string, Status[]>();
  for (const code of DEMO_DEPARTMENTS) forced.set(code, [...ALL_STATUSES, ...ALL_STATUSES, ...Array<Status>(25).fill('WAITING_VALIDATION')]);
  const validatedOpen = new Map<string, number>();
  const audits: unknown[][] = [];
  const corrections: unknown[][] = [];
  const notes: unknown[][] = [];
  const emails: unknown[][] = [];
  const reviewer: Record<string, string | undefined> = {
    '75': userIds.get('dept-75@demo.snu.test'), '92': userIds.get('dept-92@demo.snu.test'), '69': userIds.get('dept-69@demo.snu.test'),
    '93': userIds.get('region-11@demo.snu.test'), '13': userIds.get('admin@demo.snu.test'),
  };
  let placedInHeadSession = false;
  let placedIn92 = false;
  const BATCH = 5000;
  let batch: unknown[][] = [];
  for (let i = 0; i < total; i++) {
    // The first volunteers guarantee every status in each demo department, then the mix is random.
    const demoIndex = i < DEMO_DEPARTMENTS.length * 45 ? i % DEMO_DEPARTMENTS.length : -1;
    const code = demoIndex >= 0 ? DEMO_DEPARTMENTS[demoIndex] : rnd.chance(demoShare) ? rnd.pick(DEMO_DEPARTMENTS) : rnd.pick(others).code;
    const queue = forced.get(code);
    let status: Status;
    let cohort: Cohort;
    if (demoIndex >= 0 && queue && queue.length) {
      status = queue.shift()!;
      cohort = open;
    } else {
      const roll = rnd.next();
      cohort = roll < 0.7 ? open : roll < 0.9 ? archived : later;
      if (cohort === open) status = rnd.weighted(OPEN_COHORT_WEIGHTS);
      else if (cohort === archived) status = rnd.weighted<Status>({ VALIDATED: 80, WITHDRAWN: 10, REFUSED: 10 } as Record<Status, number>);
      else status = rnd.weighted<Status>({ IN_PROGRESS: 85, ABANDONED: 15 } as Record<Status, number>);
    }
    batch.push(volunteerRow(rnd, i, code, status, cohort));
    if (batch.length === BATCH || i === total - 1) {
      await insertBatch(client, 'volunteer', VOLUNTEER_COLUMNS, batch);
      batch = [];
      if (total >= 50_000 && (i + 1) % 100_000 === 0) log(`Volontaires : ${(i + 1).toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')}`);
    }
  }

  function volunteerRow(r: Random, index: number, code: string, status: Status, cohort: Cohort): unknown[] {
    const id = r.uuid();
    const female = r.chance(0.5);
    const firstName = r.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const lastName = r.pick(LAST_NAMES);
    const [town, zip] = DEMO_TOWNS[code] ? r.pick(DEMO_TOWNS[code]) : TOWNS[code];
    // 15 to 17 years old on the first day of the stay: born between 5,488 and 6,564 days before it
    // (15 years are at most 5,479 days, 18 years at least 6,574).
    const birth = isoDate(cohort.startMs - (15 * 365.25 + r.int(10, 3 * 365 - 10)) * DAY);
    const { createdAt, statusChangedAt } = volunteerDates(r, cohort, status);
    const situation = r.weighted({ GENERAL_SCHOOL: 70, PROFESSIONAL_SCHOOL: 15, AGRICULTURAL_SCHOOL: 3, APPRENTICESHIP: 6, SPECIALIZED_SCHOOL: 2, NOT_SCHOOLED: 3, EMPLOYED: 1 });
    const schooled = !['NOT_SCHOOLED', 'EMPLOYED'].includes(situation);
    const grade = schooled ? (situation === 'PROFESSIONAL_SCHOOL' || situation === 'APPRENTICESHIP' ? r.pick(['CAP_1', 'CAP_2', 'SECONDE']) : r.weighted({ SECONDE: 60, PREMIERE: 25, TROISIEME: 10, TERMINALE: 5 })) : 'NONE';
    const parentLast = r.chance(0.85) ? lastName : r.pick(LAST_NAMES);
    const mother = r.chance(0.6);
    const g1First = r.pick(mother ? FEMALE_NAMES : MALE_NAMES);
    const hasSecond = r.chance(0.45);
    const g2First = r.pick(mother ? MALE_NAMES : FEMALE_NAMES);
    const consentRefused = status === 'NOT_AUTHORIZED';
    const disability = r.chance(0.04);
    const allergies = r.chance(0.08);
    const pai = allergies && r.chance(0.5);
    const pps = disability && r.chance(0.6);
    const reducedMobility = disability && r.chance(0.3);
    const details = disability || allergies ? [disability ? 'Aménagement demandé pour les activités physiques' : '', allergies ? r.pick(['Allergie aux arachides', 'Intolérance au gluten', 'Allergie aux pollens']) : ''].filter(Boolean).join(' ; ') : null;
    const validated = status === 'VALIDATED';
    let phase1: string | null = null;
    let sessionId: string | null = null;
    let meetingPointId: string | null = null;
    if (validated && cohort === archived) phase1 = r.chance(0.88) ? 'DONE' : 'NOT_DONE';
    if (validated && cohort === open) {
      phase1 = 'WAITING_ASSIGNMENT';
      validatedOpen.set(code, (validatedOpen.get(code) ?? 0) + 1);
      const slot = placement(r, code, cohort.id);
      if (slot) {
        slot.placesLeft -= 1;
        sessionId = slot.id;
        phase1 = 'ASSIGNED';
        const points = meetingPoints.get(code);
        meetingPointId = points ? r.pick(points) : null;
      }
    }
    if (validated && cohort === archived) {
      const slot = slots.find((s) => s.cohortId === cohort.id && s.regionCode === regionOf.get(code) && s.placesLeft > 0);
      if (slot && r.chance(0.9)) {
        slot.placesLeft -= 1;
        sessionId = slot.id;
      }
    }
    const refused = status === 'REFUSED';
    const refusalReason = refused ? r.weighted({ TOO_OLD: 40, TOO_YOUNG: 30, NOT_FRENCH: 10, OTHER: 20 }) : null;
    const refusalMessage = refused ? r.pick(['Les conditions d’âge ne sont pas remplies pour ce séjour.', 'Pièces justificatives non conformes.', 'Le dossier ne remplit pas les conditions d’éligibilité.']) : null;
    const withdrawal = status === 'WITHDRAWN' ? r.pick(['Raisons familiales', 'Problème de santé', 'Contraintes scolaires', 'Ne souhaite plus participer']) : null;
    const emailUser = `${slug(firstName)}.${slug(lastName)}${index}`;
    const domain = r.pick(EMAIL_DOMAINS);
    const phone = () => `0${r.pick(['6', '7'])} ${String(r.int(10, 99))} ${String(r.int(10, 99))} ${String(r.int(10, 99))} ${String(r.int(10, 99))}`;

    const who = reviewer[code];
    if (who && ['VALIDATED', 'REFUSED', 'WAITING_LIST', 'WAITING_CORRECTION'].includes(status) && cohort === open) {
      const action = { VALIDATED: 'VOLUNTEER_VALIDATE', REFUSED: 'VOLUNTEER_REFUSE', WAITING_LIST: 'VOLUNTEER_WAITING_LIST', WAITING_CORRECTION: 'VOLUNTEER_REQUEST_CORRECTION' }[status as 'VALIDATED'];
      audits.push([r.uuid(), action, 'Volunteer', id, who, departmentId.get(code), JSON.stringify({ status: { old: 'WAITING_VALIDATION', new: status } }), statusChangedAt]);
      // The e-mail the decision sent (delivered: the demo starts with a clean queue).
      const template = ({ VALIDATED: 'VOLUNTEER_VALIDATED', REFUSED: 'VOLUNTEER_REFUSED', WAITING_LIST: 'VOLUNTEER_WAITING_LIST', WAITING_CORRECTION: 'VOLUNTEER_CORRECTION_REQUESTED' } as const)[status as 'VALIDATED'] as EmailTemplate;
      const mail = renderEmail(template, { firstName, lastName }, { cohortName: cohort.name, corrections: [{ fieldLabel: 'Pièce d’identité', reasonLabel: 'illisible', message: null }] });
      emails.push([r.uuid(), id, `${emailUser}@${domain}`, 'VOLUNTEER', template, mail.subject, mail.body, 'SENT', 1, statusChangedAt, statusChangedAt, statusChangedAt]);
    }
    if (status === 'WAITING_CORRECTION') {
      const fields = r.chance(0.5) ? ['identityDocument'] : ['identityDocument', 'birthDate'];
      for (const field of fields) {
        corrections.push([r.uuid(), id, field, field === 'identityDocument' ? 'UNREADABLE' : 'INCORRECT', field === 'identityDocument' ? 'La pièce d’identité est floue : merci de la scanner à nouveau.' : null, 'SENT', who ?? null, statusChangedAt, statusChangedAt, statusChangedAt]);
      }
    }
    if (status === 'WAITING_VALIDATION' && who && r.chance(0.05)) {
      notes.push([r.uuid(), id, who, r.pick(['Famille à rappeler pour confirmer l’adresse.', 'Dossier prioritaire : situation signalée par l’établissement.', 'Attestation de l’établissement reçue par courrier.']), statusChangedAt, statusChangedAt]);
    }

    return [
      id, createdAt, statusChangedAt, firstName, lastName, birth, female ? 'FEMALE' : 'MALE', `${emailUser}@${domain}`, phone(),
      `${r.int(1, 150)} ${r.pick(STREETS)}`, zip, town, departmentId.get(code), r.chance(0.1), situation, grade,
      schooled ? `${r.pick(SCHOOL_PREFIXES)} (${town})` : null,
      g1First, parentLast, mother ? 'MOTHER' : 'FATHER', `${slug(g1First)}.${slug(parentLast)}${index}@${domain}`, phone(),
      status === 'IN_PROGRESS' && r.chance(0.5) ? null : !consentRefused,
      hasSecond ? g2First : null, hasSecond ? parentLast : null, hasSecond ? (mother ? 'FATHER' : 'MOTHER') : null,
      hasSecond ? `${slug(g2First)}.${slug(parentLast)}${index}@${domain}` : null, hasSecond ? phone() : null, hasSecond ? !consentRefused : null,
      disability, pps, pai, reducedMobility, allergies, details, cohort.id, status, statusChangedAt, phase1, sessionId, meetingPointId,
      refusalReason, refusalMessage, withdrawal, 1,
    ];
  }

  /**
   * When the file was created and when its status last changed, before the seeding day. Open
   * cohort: created during its registration so far (the last 42 days), decided in the last 30 days.
   * Later cohort: accounts created in the last 30 days. Archived cohort: created during its
   * registration window, decided within 30 days and before its instruction end.
   */
  function volunteerDates(r: Random, cohort: Cohort, status: Status): { createdAt: Date; statusChangedAt: Date } {
    if (cohort === archived) {
      const created = cohort.registrationStartMs + r.int(0, (cohort.registrationEndMs - cohort.registrationStartMs) / DAY) * DAY + r.int(0, 86_399) * 1000;
      const changed = Math.min(created + r.int(1, 30) * DAY + r.int(0, 86_399) * 1000, cohort.instructionEndMs + DAY - 1000);
      return { createdAt: new Date(created), statusChangedAt: new Date(changed) };
    }
    const created = day - r.int(0, cohort === open ? 41 : 29) * DAY - r.int(1, 86_400) * 1000;
    const changed = status === 'IN_PROGRESS' ? created : Math.max(created, day - r.int(0, 30) * DAY - r.int(1, 86_400) * 1000);
    return { createdAt: new Date(created), statusChangedAt: new Date(changed) };
  }

  /** A session of the open cohort for a validated file, or none (it waits for assignment). */
  function placement(r: Random, code: string, cohortId: string): SessionSlot | undefined {
    // Whatever N, Paris's first validated files fill the head-center session and a 92 session.
    if (code === '75') {
      if (!placedInHeadSession) {
        placedInHeadSession = true;
        return slots.find((s) => s.id === headSessionId && s.placesLeft > 0);
      }
      if (!placedIn92) {
        placedIn92 = true;
        return slots.find((s) => s.cohortId === cohortId && s.departmentCode === '92' && s.placesLeft > 0);
      }
    }
    // Most validated files still wait for assignment (the placement demo has work to do).
    if (!r.chance(0.25)) return undefined;
    const available = slots.filter((s) => s.cohortId === cohortId && s.placesLeft > 0);
    // Paris sends part of its volunteers to a centre of Hauts-de-Seine: cross-department placement.
    if (code === '75' && r.chance(0.3)) return available.find((s) => s.departmentCode === '92');
    return available.find((s) => s.departmentCode === code) ?? available.find((s) => s.regionCode === regionOf.get(code));
  }

  // Transport: one line per session of the open cohort, serving the meeting points of its
  // region in order, leaving on the stay's first morning; seats for every place of the session.
  const lineRows: unknown[][] = [];
  const stopRows: unknown[][] = [];
  const stayStart = Date.parse(`${open.startDate}T00:00:00Z`);
  for (const slot of slots.filter((s) => s.cohortId === open.id)) {
    const id = rnd.uuid();
    lineRows.push([id, `${slot.departmentCode}-${String(lineRows.length + 1).padStart(2, '0')}`, slot.id, slot.placesTotal, slot.placesTotal]);
    const served = departments.filter((d) => d.region_code === slot.regionCode).flatMap((d) => meetingPoints.get(d.code) ?? []).slice(0, 30);
    // 07:00 Paris time in winter (06:00 UTC), then every 20 minutes along the route.
    served.forEach((point, position) => stopRows.push([rnd.uuid(), id, point, position, new Date(stayStart + (6 * 60 + 20 * position) * 60_000)]));
  }
  await insertBatch(client, 'transport_line', [['id', 'uuid'], ['code', 'text'], ['session_id', 'uuid'], ['seats_total', 'int'], ['seats_left', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    lineRows.map((row) => [...row, 1, setUpAt, setUpAt]));
  await insertBatch(client, 'transport_line_stop', [['id', 'uuid'], ['line_id', 'uuid'], ['meeting_point_id', 'uuid'], ['position', 'int'], ['departure_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    stopRows.map((row) => [...row, setUpAt, setUpAt]));
  // Volunteers placed with a meeting point ride their session's line from it (when the line stops there).
  await client.query(
    `update volunteer v set transport_line_id = l.id from transport_line l
     where l.session_id = v.session_id and v.meeting_point_id is not null
       and exists (select 1 from transport_line_stop st where st.line_id = l.id and st.meeting_point_id = v.meeting_point_id)`,
  );
  await client.query(`update volunteer set meeting_point_id = null where meeting_point_id is not null and transport_line_id is null`);

  // Places and seats left follow from the volunteers actually placed.
  await client.query('update session s set places_left = s.places_total - (select count(*) from volunteer v where v.session_id = s.id)');
  await client.query('update transport_line l set seats_left = l.seats_total - (select count(*) from volunteer v where v.transport_line_id = l.id)');
  log(`Lignes de transport : ${lineRows.length} (${stopRows.length} arrêts)`);
  log(`Volontaires : ${total.toLocaleString('fr-FR')}`);

  // Goals: room for at least 60 more validations in every department of the open cohort.
  const goalRows: unknown[][] = [];
  const regionTotals = new Map<string, number>();
  for (const d of departments) {
    const max = (validatedOpen.get(d.code) ?? 0) + 60 + rnd.int(0, 40);
    goalRows.push([rnd.uuid(), open.id, d.id, null, max, setUpAt, setUpAt]);
    regionTotals.set(d.region_code, (regionTotals.get(d.region_code) ?? 0) + max);
  }
  for (const code of ['11', '84']) goalRows.push([rnd.uuid(), open.id, null, regionId.get(code), regionTotals.get(code), setUpAt, setUpAt]);
  await insertBatch(client, 'inscription_goal', [['id', 'uuid'], ['cohort_id', 'uuid'], ['department_id', 'uuid'], ['region_id', 'uuid'], ['max', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], goalRows);

  await insertBatch(client, 'correction_request', [['id', 'uuid'], ['volunteer_id', 'uuid'], ['field', 'text'], ['reason', 'correction_reason'], ['message', 'text'], ['status', 'correction_request_status'], ['requested_by_id', 'uuid'], ['sent_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], corrections);
  await insertBatch(client, 'note', [['id', 'uuid'], ['volunteer_id', 'uuid'], ['author_id', 'uuid'], ['content', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], notes);
  for (let i = 0; i < audits.length; i += BATCH) {
    await insertBatch(client, 'audit_event', [['id', 'uuid'], ['action', 'text'], ['record_type', 'text'], ['record_id', 'uuid'], ['actor_id', 'uuid'], ['department_id', 'uuid'], ['changes', 'jsonb'], ['created_at', 'timestamptz']], audits.slice(i, i + BATCH));
  }
  for (let i = 0; i < emails.length; i += BATCH) {
    await insertBatch(client, 'email_message', [['id', 'uuid'], ['volunteer_id', 'uuid'], ['recipient', 'text'], ['recipient_kind', 'text'], ['template', 'text'], ['subject', 'text'], ['body', 'text'], ['status', 'email_status'], ['attempts', 'int'], ['sent_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], emails.slice(i, i + BATCH));
  }
  // The batches appended one tally row per group each (see dashboard-counts.ts): fold them.
  await client.query('select dashboard_count_compact()');
  // Vacuum too: fresh tables have no visibility map, so counts could not use index-only scans.
  await client.query('vacuum analyze');
  log(`Objectifs : ${goalRows.length}, demandes de correction : ${corrections.length}, notes : ${notes.length}, historique : ${audits.length}`);
}
