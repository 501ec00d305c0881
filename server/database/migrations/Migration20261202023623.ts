import { Migration } from '@mikro-orm/migrations';

export class Migration20261202023623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`alter table "user_session" add column "last_seen_at" timestamptz not null default now();`);

    // Login counters (rate-limiter-flexible's PostgreSQL store, server/database/login-limits.ts): not an entity.
    this.addSql(`create table if not exists "login_throttle" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "login_attempt" ("id" bigserial primary key, "email" varchar(254) not null, "created_at" timestamptz(6) not null default now());`);
    this.addSql(`create index "login_attempt_email_created_at_index" on "login_attempt" ("email", "created_at");`);

    this.addSql(`alter table "user_session" drop column "last_seen_at";`);

    this.addSql(`drop table if exists "login_throttle";`);
  }

}
