import { Migration } from '@mikro-orm/migrations';

/** The decisions the dashboard counts per day (audit actions `VOLUNTEER_<transition>`). */
const DECISIONS = `('VOLUNTEER_VALIDATE', 'VOLUNTEER_REFUSE', 'VOLUNTEER_WAITING_LIST', 'VOLUNTEER_REQUEST_CORRECTION')`;
const PARIS_DAY = (column: string) => `(${column} at time zone 'Europe/Paris')::date`;

/**
 * The dashboard's tallies (modules/dashboard/dashboard-count.entity.ts), kept by PostgreSQL:
 * - statement-level AFTER triggers on `volunteer` (insert, update, delete: one each, as transition
 *   tables require) append the signed counts of the rows they saw leave and enter each
 *   (cohort, department, status, Paris day of the last status change) group;
 * - an AFTER INSERT trigger on `audit_event` appends the decisions on volunteers' files per
 *   (cohort, department, action, Paris day);
 * - `dashboard_count_compact()` folds each group's rows into one (one caller at a time);
 * - the tallies of the data already there are computed once here.
 * Appending only, the triggers never wait on each other; a sum over a group is exact in any snapshot.
 */
export class Migration20261202152221 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "dashboard_count" ("id" bigserial primary key, "kind" varchar(10) not null, "cohort_id" uuid not null, "department_id" uuid not null, "key" varchar(60) not null, "day" date not null, "n" int not null);`);
    this.addSql(`create index "dashboard_count_kind_cohort_id_department_id_key_day_index" on "dashboard_count" ("kind", "cohort_id", "department_id", "key", "day");`);

    this.addSql(`create function dashboard_count_volunteers_inserted() returns trigger language plpgsql as $$
      begin
        insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
        select 'status', cohort_id, department_id, status::text, ${PARIS_DAY('status_changed_at')}, count(*)::int
        from new_rows group by 2, 3, 4, 5;
        return null;
      end $$;`);
    this.addSql(`create function dashboard_count_volunteers_updated() returns trigger language plpgsql as $$
      begin
        insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
        select 'status', cohort_id, department_id, key, day, sum(n)::int from (
          select cohort_id, department_id, status::text as key, ${PARIS_DAY('status_changed_at')} as day, -1 as n from old_rows
          union all
          select cohort_id, department_id, status::text, ${PARIS_DAY('status_changed_at')}, 1 from new_rows
        ) moved group by 2, 3, 4, 5 having sum(n) <> 0;
        return null;
      end $$;`);
    this.addSql(`create function dashboard_count_volunteers_deleted() returns trigger language plpgsql as $$
      begin
        insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
        select 'status', cohort_id, department_id, status::text, ${PARIS_DAY('status_changed_at')}, -count(*)::int
        from old_rows group by 2, 3, 4, 5;
        return null;
      end $$;`);
    this.addSql(`create trigger dashboard_count_volunteers_inserted after insert on volunteer referencing new table as new_rows for each statement execute function dashboard_count_volunteers_inserted();`);
    this.addSql(`create trigger dashboard_count_volunteers_updated after update on volunteer referencing old table as old_rows new table as new_rows for each statement execute function dashboard_count_volunteers_updated();`);
    this.addSql(`create trigger dashboard_count_volunteers_deleted after delete on volunteer referencing old table as old_rows for each statement execute function dashboard_count_volunteers_deleted();`);

    this.addSql(`create function dashboard_count_decisions() returns trigger language plpgsql as $$
      begin
        insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
        select 'decision', v.cohort_id, e.department_id, e.action, ${PARIS_DAY('e.created_at')}, count(*)::int
        from new_rows e join volunteer v on v.id = e.record_id
        where e.record_type = 'Volunteer' and e.action in ${DECISIONS} and e.department_id is not null
        group by 2, 3, 4, 5;
        return null;
      end $$;`);
    this.addSql(`create trigger dashboard_count_decisions after insert on audit_event referencing new table as new_rows for each statement execute function dashboard_count_decisions();`);

    // Folds each group with several rows into one (dropping groups that sum to 0), in one statement:
    // a reader sees the rows before or after, with the same sums. Rows appended meanwhile by other
    // transactions are outside this snapshot and left for the next call. Returns the rows removed.
    this.addSql(`create function dashboard_count_compact() returns integer language plpgsql as $$
      declare removed integer;
      begin
        if not pg_try_advisory_xact_lock(hashtext('dashboard_count_compact')) then return 0; end if;
        with groups as (
          select kind, cohort_id, department_id, key, day from dashboard_count group by 1, 2, 3, 4, 5 having count(*) > 1
        ), gone as (
          delete from dashboard_count c using groups g
          where (c.kind, c.cohort_id, c.department_id, c.key, c.day) = (g.kind, g.cohort_id, g.department_id, g.key, g.day)
          returning c.kind, c.cohort_id, c.department_id, c.key, c.day, c.n
        ), folded as (
          insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
          select kind, cohort_id, department_id, key, day, sum(n)::int from gone group by 1, 2, 3, 4, 5 having sum(n) <> 0
          returning 1
        )
        select (select count(*) from gone) - (select count(*) from folded) into removed;
        return removed;
      end $$;`);

    this.addSql(`insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
      select 'status', cohort_id, department_id, status::text, ${PARIS_DAY('status_changed_at')}, count(*)::int from volunteer group by 2, 3, 4, 5;`);
    this.addSql(`insert into dashboard_count (kind, cohort_id, department_id, key, day, n)
      select 'decision', v.cohort_id, e.department_id, e.action, ${PARIS_DAY('e.created_at')}, count(*)::int
      from audit_event e join volunteer v on v.id = e.record_id
      where e.record_type = 'Volunteer' and e.action in ${DECISIONS} and e.department_id is not null group by 2, 3, 4, 5;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists dashboard_count_decisions on audit_event;`);
    this.addSql(`drop trigger if exists dashboard_count_volunteers_inserted on volunteer;`);
    this.addSql(`drop trigger if exists dashboard_count_volunteers_updated on volunteer;`);
    this.addSql(`drop trigger if exists dashboard_count_volunteers_deleted on volunteer;`);
    this.addSql(`drop function if exists dashboard_count_compact(), dashboard_count_decisions(), dashboard_count_volunteers_inserted(), dashboard_count_volunteers_updated(), dashboard_count_volunteers_deleted();`);
    this.addSql(`drop table if exists "dashboard_count" cascade;`);
  }
}
