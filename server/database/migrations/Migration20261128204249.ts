import { Migration } from '@mikro-orm/migrations';

export class Migration20261128204249 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "volunteer_department_id_cohort_id_status_index" on "volunteer" ("department_id", "cohort_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "volunteer_department_id_cohort_id_status_index";`);
  }

}
