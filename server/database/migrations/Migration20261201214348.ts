import { Migration } from '@mikro-orm/migrations';

export class Migration20261201214348 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "transport_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(40) not null, "session_id" uuid not null, "seats_total" int not null, "seats_left" int not null, "version" int not null default 1, constraint "transport_line_pkey" primary key ("id"), constraint transport_line_seats_check check (seats_left >= 0 and seats_left <= seats_total));`);
    this.addSql(`create index "transport_line_session_id_index" on "transport_line" ("session_id");`);
    this.addSql(`alter table "transport_line" add constraint "transport_line_session_id_code_unique" unique ("session_id", "code");`);

    this.addSql(`create table "transport_line_stop" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "line_id" uuid not null, "meeting_point_id" uuid not null, "position" int not null, "departure_at" timestamptz null, constraint "transport_line_stop_pkey" primary key ("id"));`);
    this.addSql(`create index "transport_line_stop_meeting_point_id_index" on "transport_line_stop" ("meeting_point_id");`);
    this.addSql(`alter table "transport_line_stop" add constraint "transport_line_stop_line_id_meeting_point_id_unique" unique ("line_id", "meeting_point_id");`);
    this.addSql(`alter table "transport_line_stop" add constraint "transport_line_stop_line_id_position_unique" unique ("line_id", "position");`);

    this.addSql(`alter table "transport_line" add constraint "transport_line_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "transport_line_stop" add constraint "transport_line_stop_line_id_foreign" foreign key ("line_id") references "transport_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "transport_line_stop" add constraint "transport_line_stop_meeting_point_id_foreign" foreign key ("meeting_point_id") references "meeting_point" ("id") on update cascade;`);

    this.addSql(`alter table "meeting_point" add column "version" int not null default 1;`);

    this.addSql(`alter table "cohesion_center" add column "version" int not null default 1;`);

    this.addSql(`alter table "session" add constraint session_places_check check(places_left >= 0 and places_left <= places_total);`);

    this.addSql(`alter table "volunteer" add column "transport_line_id" uuid null;`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_transport_line_id_foreign" foreign key ("transport_line_id") references "transport_line" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "volunteer_transport_line_id_index" on "volunteer" ("transport_line_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "transport_line_stop" drop constraint "transport_line_stop_line_id_foreign";`);

    this.addSql(`alter table "volunteer" drop constraint "volunteer_transport_line_id_foreign";`);

    this.addSql(`drop table if exists "transport_line" cascade;`);

    this.addSql(`drop table if exists "transport_line_stop" cascade;`);

    this.addSql(`alter table "cohesion_center" drop column "version";`);

    this.addSql(`alter table "meeting_point" drop column "version";`);

    this.addSql(`alter table "session" drop constraint session_places_check;`);

    this.addSql(`drop index "volunteer_transport_line_id_index";`);
    this.addSql(`alter table "volunteer" drop column "transport_line_id";`);
  }

}
