import { Migration } from '@mikro-orm/migrations';

export class Migration20261202062105 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "invitation" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_user_id_index" on "invitation" ("user_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "invitation" add constraint "invitation_user_id_foreign" foreign key ("user_id") references "staff_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "staff_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "staff_user" add column "version" int not null default 1;`);

    this.addSql(`alter table "email_message" add column "staff_user_id" uuid null;`);
    this.addSql(`alter table "email_message" alter column "volunteer_id" drop default;`);
    this.addSql(`alter table "email_message" alter column "volunteer_id" type uuid using ("volunteer_id"::text::uuid);`);
    this.addSql(`alter table "email_message" alter column "volunteer_id" drop not null;`);
    this.addSql(`alter table "email_message" add constraint "email_message_staff_user_id_foreign" foreign key ("staff_user_id") references "staff_user" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "email_message_staff_user_id_index" on "email_message" ("staff_user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invitation" cascade;`);

    this.addSql(`alter table "email_message" drop constraint "email_message_staff_user_id_foreign";`);

    this.addSql(`drop index "email_message_staff_user_id_index";`);
    this.addSql(`alter table "email_message" drop column "staff_user_id";`);

    this.addSql(`alter table "email_message" alter column "volunteer_id" drop default;`);
    this.addSql(`alter table "email_message" alter column "volunteer_id" type uuid using ("volunteer_id"::text::uuid);`);
    this.addSql(`alter table "email_message" alter column "volunteer_id" set not null;`);

    this.addSql(`alter table "staff_user" drop column "version";`);
  }

}
