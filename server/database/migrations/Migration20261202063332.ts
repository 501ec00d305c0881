import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063332 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "user_session" add column "parent_session_id" uuid null;`);
    this.addSql(`alter table "user_session" add constraint "user_session_parent_session_id_foreign" foreign key ("parent_session_id") references "user_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "user_session_parent_session_id_index" on "user_session" ("parent_session_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_session" drop constraint "user_session_parent_session_id_foreign";`);

    this.addSql(`drop index "user_session_parent_session_id_index";`);
    this.addSql(`alter table "user_session" drop column "parent_session_id";`);
  }

}
