import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail becomes append-only and chained, inside PostgreSQL:
 * - `audit_event_payload(…columns)`: the canonical text of an event's content;
 * - `audit_chain_link(previous, seq, payload)`: sha-256 of the previous hash, the rank and the payload;
 * - a BEFORE INSERT trigger takes a transaction-level advisory lock (one writer of the chain at a
 *   time, across every server instance, until commit), reads the last event and sets `seq` and
 *   `hash`, overriding whatever the insert said;
 * - BEFORE UPDATE / DELETE / TRUNCATE triggers refuse, for every role (a grant could be changed;
 *   a trigger fires for the owner too).
 * Events already there are chained in their order of creation first.
 */
export class Migration20261202055400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "seq" bigint not null default 0, add column "hash" text not null default '';`);
    // Columns, not the row: a whole-row argument is not inlined and costs ~7 µs per event to build.
    this.addSql(`create function audit_event_payload(id uuid, action text, record_type text, record_id uuid, actor_id uuid, impersonator_id uuid, department_id uuid, changes jsonb, created_at timestamptz)
      returns text language sql immutable as $$
      select concat_ws('|', id, action, record_type, record_id, coalesce(actor_id::text, ''), coalesce(impersonator_id::text, ''),
        coalesce(department_id::text, ''), changes::text, (extract(epoch from created_at) * 1000000)::bigint)
    $$;`);
    this.addSql(`create function audit_chain_link(previous text, seq bigint, payload text) returns text language sql immutable as $$
      select encode(sha256(convert_to(previous || '|' || seq || '|' || payload, 'UTF8')), 'hex')
    $$;`);
    this.addSql(`do $$
      declare r audit_event; s bigint := 0; h text := '';
      begin
        for r in select * from audit_event order by created_at, id loop
          s := s + 1;
          h := audit_chain_link(h, s, audit_event_payload(r.id, r.action, r.record_type, r.record_id, r.actor_id, r.impersonator_id, r.department_id, r.changes, r.created_at));
          update audit_event set seq = s, hash = h where id = r.id;
        end loop;
      end $$;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_seq_unique" unique ("seq");`);
    this.addSql(`create function audit_event_chain() returns trigger language plpgsql as $$
      declare last_seq bigint; last_hash text;
      begin
        -- Under a snapshot older than the lock, the last event read could be stale and fork the chain.
        if current_setting('transaction_isolation') <> 'read committed' then
          raise exception 'audit_event: insert only under READ COMMITTED (here %)', current_setting('transaction_isolation');
        end if;
        perform pg_advisory_xact_lock(hashtext('audit_event_chain'));
        select e.seq, e.hash into last_seq, last_hash from audit_event e order by e.seq desc limit 1;
        new.seq := coalesce(last_seq, 0) + 1;
        new.hash := audit_chain_link(coalesce(last_hash, ''), new.seq,
          audit_event_payload(new.id, new.action, new.record_type, new.record_id, new.actor_id, new.impersonator_id, new.department_id, new.changes, new.created_at));
        return new;
      end $$;`);
    this.addSql(`create function audit_event_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();`);
    this.addSql(`create trigger audit_event_append_only before update or delete on audit_event for each row execute function audit_event_refuse_change();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger audit_event_no_truncate on audit_event;`);
    this.addSql(`drop trigger audit_event_append_only on audit_event;`);
    this.addSql(`drop trigger audit_event_chain on audit_event;`);
    this.addSql(`drop function audit_event_refuse_change();`);
    this.addSql(`drop function audit_event_chain();`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_seq_unique";`);
    this.addSql(`drop function audit_chain_link(text, bigint, text);`);
    this.addSql(`drop function audit_event_payload(uuid, text, text, uuid, uuid, uuid, uuid, jsonb, timestamptz);`);
    this.addSql(`alter table "audit_event" drop column "seq", drop column "hash";`);
  }
}
