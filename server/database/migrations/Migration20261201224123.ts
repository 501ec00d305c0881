import { Migration } from '@mikro-orm/migrations';

export class Migration20261201224123 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "simulation_status" as enum ('RUNNING', 'READY', 'FAILED', 'APPLIED');`);
    this.addSql(`create table "assignment_simulation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "region_id" uuid not null, "department_ids" uuid[] not null, "created_by_id" uuid not null, "status" "simulation_status" not null default 'RUNNING', "progress" int not null default 0, "candidates" int not null default 0, "placed" int not null default 0, "unplaced" int not null default 0, "applied" int not null default 0, "skipped" int not null default 0, "error" text null, "report" jsonb null, "applied_at" timestamptz null, "version" int not null default 1, constraint "assignment_simulation_pkey" primary key ("id"));`);
    this.addSql(`create index "assignment_simulation_region_id_created_at_index" on "assignment_simulation" ("region_id", "created_at");`);

    this.addSql(`alter table "assignment_simulation" add constraint "assignment_simulation_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`);
    this.addSql(`alter table "assignment_simulation" add constraint "assignment_simulation_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "assignment_simulation" add constraint "assignment_simulation_created_by_id_foreign" foreign key ("created_by_id") references "staff_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assignment_simulation" cascade;`);

    this.addSql(`drop type "simulation_status";`);
  }

}
