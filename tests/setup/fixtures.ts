import type { TestApp } from './test-app';

/** A fresh volunteer of `departmentCode` in `status`, in the open cohort (for tests that change files). */
export async function createVolunteer(app: TestApp, departmentCode: string, status: string, extra: { cohortId?: string; version?: number } = {}): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `insert into volunteer (id, first_name, last_name, birth_date, gender, email, address, zip, city, department_id,
        school_situation, guardian1_first_name, guardian1_last_name, guardian1_relationship, guardian1_email,
        cohort_id, status, version, phase1_status)
     select gen_random_uuid(), 'Camille', 'Testeur', '2010-05-05', 'FEMALE', 'camille.testeur@exemple.fr', '1 rue de la Paix', d.code || '001', 'Ville',
        d.id, 'GENERAL_SCHOOL', 'Dominique', 'Testeur', 'MOTHER', 'dominique.testeur@exemple.fr',
        coalesce($3::uuid, (select id from cohort where status = 'PUBLISHED' and instruction_end_date >= current_date order by start_date limit 1)),
        $2::volunteer_status, $4, case when $2 = 'VALIDATED' then 'WAITING_ASSIGNMENT'::phase1_status else null end
     from department d where d.code = $1
     returning id`,
    [departmentCode, status, extra.cohortId ?? null, extra.version ?? 1],
  );
  return row.id;
}

export async function openCohortId(app: TestApp): Promise<string> {
  const [row] = await app.sql<{ id: string }>(`select id from cohort where status = 'PUBLISHED' and instruction_end_date >= current_date order by start_date limit 1`);
  return row.id;
}
