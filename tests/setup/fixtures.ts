import { openDemoCohortQuery } from '../../server/database/seeds/demo.seed';
import type { TestApp } from './test-app';

/**
 * A fresh volunteer of `departmentCode` in `status`, in the open cohort unless `cohortId` is
 * given (for tests that change files); 16 years old on the first day of the cohort's stay.
 */
export async function createVolunteer(app: TestApp, departmentCode: string, status: string, extra: { cohortId?: string; version?: number } = {}): Promise<string> {
  const cohortId = extra.cohortId ?? (await openCohortId(app));
  const [row] = await app.sql<{ id: string }>(
    `insert into volunteer (id, first_name, last_name, birth_date, gender, email, address, zip, city, department_id,
        school_situation, guardian1_first_name, guardian1_last_name, guardian1_relationship, guardian1_email,
        cohort_id, status, version, phase1_status)
     select gen_random_uuid(), 'Camille', 'Testeur', (c.start_date - interval '16 years')::date, 'FEMALE', 'camille.testeur@exemple.fr', '1 rue de la Paix', d.code || '001', 'Ville',
        d.id, 'GENERAL_SCHOOL', 'Dominique', 'Testeur', 'MOTHER', 'dominique.testeur@exemple.fr',
        c.id, $2::volunteer_status, $4, case when $2 = 'VALIDATED' then 'WAITING_ASSIGNMENT'::phase1_status else null end
     from department d, cohort c where d.code = $1 and c.id = $3
     returning id`,
    [departmentCode, status, cohortId, extra.version ?? 1],
  );
  if (!row) throw new Error(`createVolunteer: no department ${departmentCode} or no cohort ${cohortId}`);
  return row.id;
}

const openCohorts = new WeakMap<TestApp, string>();

/**
 * The open demo cohort of this app's database: the one the seed opened on the day it ran
 * (`app.seededAt`), whatever today's date.
 */
export async function openCohortId(app: TestApp): Promise<string> {
  const known = openCohorts.get(app);
  if (known) return known;
  const query = openDemoCohortQuery(app.seededAt);
  const [row] = await app.sql<{ id: string }>(query.text, query.values);
  if (!row) throw new Error(`No open demo cohort for a seed of ${app.seededAt.toISOString()}`);
  openCohorts.set(app, row.id);
  return row.id;
}
