import { Migration } from '@mikro-orm/migrations';

export class Migration20261202024447 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_challenge" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "attempts" int not null default 0, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "login_challenge_pkey" primary key ("id"));`);
    this.addSql(`create index "login_challenge_user_id_index" on "login_challenge" ("user_id");`);

    this.addSql(`alter table "login_challenge" add constraint "login_challenge_user_id_foreign" foreign key ("user_id") references "staff_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_challenge" cascade;`);
  }

}
