import { Migration } from '@mikro-orm/migrations';

export class Migration20261128195309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "cohort_status" as enum ('PUBLISHED', 'ARCHIVED');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'HEAD_CENTER', 'VISITOR');`);
    this.addSql(`create type "user_status" as enum ('INVITED', 'ACTIVE', 'DISABLED');`);
    this.addSql(`create type "gender" as enum ('FEMALE', 'MALE');`);
    this.addSql(`create type "school_situation" as enum ('GENERAL_SCHOOL', 'PROFESSIONAL_SCHOOL', 'AGRICULTURAL_SCHOOL', 'APPRENTICESHIP', 'SPECIALIZED_SCHOOL', 'NOT_SCHOOLED', 'EMPLOYED');`);
    this.addSql(`create type "grade" as enum ('TROISIEME', 'SECONDE', 'PREMIERE', 'TERMINALE', 'CAP_1', 'CAP_2', 'NONE');`);
    this.addSql(`create type "volunteer_status" as enum ('IN_PROGRESS', 'WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'REFUSED', 'WAITING_LIST', 'WITHDRAWN', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE');`);
    this.addSql(`create type "refusal_reason" as enum ('NOT_FRENCH', 'TOO_YOUNG', 'TOO_OLD', 'OTHER');`);
    this.addSql(`create type "phase1_status" as enum ('WAITING_ASSIGNMENT', 'ASSIGNED', 'DONE', 'NOT_DONE', 'EXEMPTED');`);
    this.addSql(`create type "email_status" as enum ('QUEUED', 'SENT', 'FAILED');`);
    this.addSql(`create type "correction_reason" as enum ('MISSING', 'INCORRECT', 'UNREADABLE', 'OTHER');`);
    this.addSql(`create type "correction_request_status" as enum ('PENDING', 'SENT', 'REMINDED', 'CORRECTED', 'CANCELED');`);
    this.addSql(`create table "cohort" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(100) not null, "start_date" date not null, "end_date" date not null, "registration_start_date" date not null, "registration_end_date" date not null, "instruction_end_date" date not null, "status" "cohort_status" not null default 'PUBLISHED', "manual_assignment_open_for_region" boolean not null default false, constraint "cohort_pkey" primary key ("id"));`);
    this.addSql(`alter table "cohort" add constraint "cohort_name_unique" unique ("name");`);

    this.addSql(`create table "login_attempt" ("id" bigserial primary key, "email" varchar(254) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "login_attempt_email_created_at_index" on "login_attempt" ("email", "created_at");`);

    this.addSql(`create table "region" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(3) not null, "name" varchar(100) not null, constraint "region_pkey" primary key ("id"));`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);

    this.addSql(`create table "department" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(3) not null, "name" varchar(100) not null, "region_id" uuid not null, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);
    this.addSql(`create index "department_region_id_index" on "department" ("region_id");`);

    this.addSql(`create table "meeting_point" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "address" varchar(300) not null, "zip" varchar(10) not null, "city" varchar(100) not null, "department_id" uuid not null, constraint "meeting_point_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_point_department_id_index" on "meeting_point" ("department_id");`);

    this.addSql(`create table "inscription_goal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "department_id" uuid null, "region_id" uuid null, "max" int not null, constraint "inscription_goal_pkey" primary key ("id"));`);
    this.addSql(`create index "inscription_goal_department_id_index" on "inscription_goal" ("department_id");`);
    this.addSql(`create index "inscription_goal_region_id_index" on "inscription_goal" ("region_id");`);
    this.addSql(`alter table "inscription_goal" add constraint "inscription_goal_cohort_id_region_id_unique" unique ("cohort_id", "region_id");`);
    this.addSql(`alter table "inscription_goal" add constraint "inscription_goal_cohort_id_department_id_unique" unique ("cohort_id", "department_id");`);

    this.addSql(`create table "cohesion_center" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "address" varchar(300) not null, "zip" varchar(10) not null, "city" varchar(100) not null, "department_id" uuid not null, "capacity" int not null, "accessible_reduced_mobility" boolean not null default false, constraint "cohesion_center_pkey" primary key ("id"));`);
    this.addSql(`create index "cohesion_center_department_id_index" on "cohesion_center" ("department_id");`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" varchar(254) not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "role" "role" not null, "region_id" uuid null, "department_ids" uuid[] not null default '{}', "status" "user_status" not null default 'INVITED', "password_hash" varchar(255) null, "last_login_at" timestamptz null, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "cohort_id" uuid not null, "center_id" uuid not null, "places_total" int not null, "places_left" int not null, "head_center_id" uuid null, "version" int not null default 1, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_cohort_id_index" on "session" ("cohort_id");`);
    this.addSql(`create index "session_center_id_index" on "session" ("center_id");`);
    this.addSql(`create index "session_head_center_id_index" on "session" ("head_center_id");`);
    this.addSql(`alter table "session" add constraint "session_cohort_id_center_id_unique" unique ("cohort_id", "center_id");`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "action" varchar(60) not null, "record_type" varchar(40) not null, "record_id" uuid not null, "actor_id" uuid null, "impersonator_id" uuid null, "department_id" uuid null, "changes" jsonb not null default '{}', "created_at" timestamptz not null default now(), constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_department_id_index" on "audit_event" ("department_id");`);
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(`create index "audit_event_actor_id_created_at_index" on "audit_event" ("actor_id", "created_at");`);
    this.addSql(`create index "audit_event_record_type_record_id_created_at_index" on "audit_event" ("record_type", "record_id", "created_at");`);

    this.addSql(`create table "user_session" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "impersonator_id" uuid null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "user_session_pkey" primary key ("id"));`);
    this.addSql(`alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`create index "user_session_expires_at_index" on "user_session" ("expires_at");`);

    this.addSql(`create table "volunteer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "first_name" varchar(100) not null, "last_name" varchar(100) not null, "birth_date" date not null, "gender" "gender" not null, "email" varchar(254) not null, "phone" varchar(30) null, "search_text" text generated always as (lower(("first_name" || ' ' || "last_name" || ' ' || "email"))) stored not null, "address" varchar(300) not null, "zip" varchar(10) not null, "city" varchar(100) not null, "department_id" uuid not null, "priority_neighbourhood" boolean not null default false, "school_situation" "school_situation" not null, "grade" "grade" null, "school_name" varchar(200) null, "guardian1_first_name" varchar(100) null, "guardian1_last_name" varchar(100) null, "guardian1_relationship" varchar(30) null, "guardian1_email" varchar(254) null, "guardian1_phone" varchar(30) null, "guardian1_consent" boolean null, "guardian2_first_name" varchar(100) null, "guardian2_last_name" varchar(100) null, "guardian2_relationship" varchar(30) null, "guardian2_email" varchar(254) null, "guardian2_phone" varchar(30) null, "guardian2_consent" boolean null, "disability" boolean not null default false, "pps_beneficiary" boolean not null default false, "pai_beneficiary" boolean not null default false, "reduced_mobility" boolean not null default false, "allergies" boolean not null default false, "special_needs_details" text null, "cohort_id" uuid not null, "status" "volunteer_status" not null default 'IN_PROGRESS', "status_changed_at" timestamptz not null default now(), "refusal_reason" "refusal_reason" null, "refusal_message" text null, "withdrawal_reason" varchar(200) null, "withdrawal_message" text null, "phase1_status" "phase1_status" null, "session_id" uuid null, "meeting_point_id" uuid null, "version" int not null default 1, constraint "volunteer_pkey" primary key ("id"));`);
    this.addSql(`create index "volunteer_meeting_point_id_index" on "volunteer" ("meeting_point_id");`);
    this.addSql(`create index "volunteer_search_text_trgm" on "volunteer" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "volunteer_session_id_index" on "volunteer" ("session_id");`);
    this.addSql(`create index "volunteer_cohort_id_status_index" on "volunteer" ("cohort_id", "status");`);
    this.addSql(`create index "volunteer_department_id_status_created_at_index" on "volunteer" ("department_id", "status", "created_at");`);

    this.addSql(`create table "note" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "volunteer_id" uuid not null, "author_id" uuid not null, "content" text not null, constraint "note_pkey" primary key ("id"));`);
    this.addSql(`create index "note_volunteer_id_index" on "note" ("volunteer_id");`);

    this.addSql(`create table "email_message" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "volunteer_id" uuid not null, "recipient" varchar(254) not null, "recipient_kind" varchar(20) not null, "template" varchar(60) not null, "subject" varchar(300) not null, "body" text not null, "status" "email_status" not null default 'QUEUED', "attempts" int not null default 0, "last_error" text null, "sent_at" timestamptz null, "transport_record" text null, constraint "email_message_pkey" primary key ("id"));`);
    this.addSql(`create index "email_message_volunteer_id_index" on "email_message" ("volunteer_id");`);
    this.addSql(`create index "email_message_status_created_at_index" on "email_message" ("status", "created_at");`);

    this.addSql(`create table "correction_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "volunteer_id" uuid not null, "field" varchar(60) not null, "reason" "correction_reason" not null, "message" text null, "status" "correction_request_status" not null default 'PENDING', "requested_by_id" uuid null, "sent_at" timestamptz null, "reminded_at" timestamptz null, "corrected_at" timestamptz null, "canceled_at" timestamptz null, constraint "correction_request_pkey" primary key ("id"));`);
    this.addSql(`create index "correction_request_volunteer_id_index" on "correction_request" ("volunteer_id");`);

    this.addSql(`alter table "department" add constraint "department_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);

    this.addSql(`alter table "meeting_point" add constraint "meeting_point_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);

    this.addSql(`alter table "inscription_goal" add constraint "inscription_goal_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`);
    this.addSql(`alter table "inscription_goal" add constraint "inscription_goal_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inscription_goal" add constraint "inscription_goal_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "cohesion_center" add constraint "cohesion_center_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);

    this.addSql(`alter table "staff_user" add constraint "staff_user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`);
    this.addSql(`alter table "session" add constraint "session_center_id_foreign" foreign key ("center_id") references "cohesion_center" ("id") on update cascade;`);
    this.addSql(`alter table "session" add constraint "session_head_center_id_foreign" foreign key ("head_center_id") references "staff_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "staff_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_impersonator_id_foreign" foreign key ("impersonator_id") references "staff_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "staff_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_session" add constraint "user_session_impersonator_id_foreign" foreign key ("impersonator_id") references "staff_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "volunteer" add constraint "volunteer_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_meeting_point_id_foreign" foreign key ("meeting_point_id") references "meeting_point" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "note" add constraint "note_volunteer_id_foreign" foreign key ("volunteer_id") references "volunteer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "note" add constraint "note_author_id_foreign" foreign key ("author_id") references "staff_user" ("id") on update cascade;`);

    this.addSql(`alter table "email_message" add constraint "email_message_volunteer_id_foreign" foreign key ("volunteer_id") references "volunteer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "correction_request" add constraint "correction_request_volunteer_id_foreign" foreign key ("volunteer_id") references "volunteer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "correction_request" add constraint "correction_request_requested_by_id_foreign" foreign key ("requested_by_id") references "staff_user" ("id") on update cascade on delete set null;`);
  }

}
