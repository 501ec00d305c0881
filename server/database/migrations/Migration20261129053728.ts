import { Migration } from '@mikro-orm/migrations';

export class Migration20261129053728 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "volunteer_department_id_status_created_at_index";`);

    this.addSql(`create index "volunteer_department_id_status_created_at_id_index" on "volunteer" ("department_id", "status", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "volunteer_department_id_status_created_at_id_index";`);

    this.addSql(`create index "volunteer_department_id_status_created_at_index" on "volunteer" ("department_id", "status", "created_at");`);
  }

}
