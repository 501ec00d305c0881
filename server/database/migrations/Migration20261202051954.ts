import { Migration } from '@mikro-orm/migrations';

export class Migration20261202051954 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "cohort" add column "session_editing_open_for_region" boolean not null default true, add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cohort" drop column "session_editing_open_for_region", drop column "version";`);
  }

}
