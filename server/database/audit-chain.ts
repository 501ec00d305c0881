import type { EntityManager } from '@mikro-orm/postgresql';

/** The answer of a verification of the whole audit trail. */
export interface AuditChainReport {
  intact: boolean;
  /** Events checked. */
  checked: number;
  /** The first event whose hash, or rank, does not follow from the one before (null when intact). */
  firstBrokenId: string | null;
  firstBrokenSeq: string | null;
  /** The hash of the last event: written down elsewhere, it also proves later that nothing was cut off the end. */
  lastHash: string | null;
}

/** Ranges verified at once, each on its own pooled connection: links are independent of each other. */
const PARALLEL_RANGES = 4;

/**
 * Recomputes every link of the chain set by the insert trigger (migration 20261202055400): each
 * event's hash must be sha-256 of the previous event's stored hash, its rank and its content, and
 * ranks must follow 1, 2, 3… A link needs only its predecessor's stored hash, so the ranks are cut
 * into ranges checked in parallel (each range reads the event just before it).
 */
export async function verifyAuditChain(em: EntityManager): Promise<AuditChainReport> {
  const connection = em.getConnection();
  const [bounds] = await connection.execute<Array<{ checked: string; last_seq: string | null; last_hash: string | null }>>(
    `select (select count(*) from audit_event)::text as checked,
            (select e.seq::text from audit_event e order by e.seq desc limit 1) as last_seq,
            (select e.hash from audit_event e order by e.seq desc limit 1) as last_hash`,
  );
  const last = Number(bounds!.last_seq ?? 0);
  const size = Math.max(1, Math.ceil(last / PARALLEL_RANGES));
  const ranges = Array.from({ length: Math.ceil(last / size) }, (_, i) => [i * size + 1, Math.min(last, (i + 1) * size)] as const);
  const broken = await Promise.all(
    ranges.map(async ([from, to]) => {
      const [row] = await connection.execute<Array<{ id: string; seq: string }>>(
        `with chain as (
           select e.id, e.seq, e.hash,
                  lag(e.hash, 1, '') over w as previous_hash,
                  lag(e.seq, 1, 0::bigint) over w as previous_seq,
                  audit_event_payload(e.id, e.action, e.record_type, e.record_id, e.actor_id, e.impersonator_id, e.department_id, e.changes, e.created_at) as payload
           from audit_event e
           where e.seq between ? and ?
           window w as (order by e.seq)
         )
         select c.id::text as id, c.seq::text as seq from chain c
         where c.seq >= ? and (c.seq <> c.previous_seq + 1 or c.hash <> audit_chain_link(c.previous_hash, c.seq, c.payload))
         order by c.seq limit 1`,
        [from - 1, to, from],
      );
      return row ?? null;
    }),
  );
  // A rank not in 1..last (a row inserted with triggers off) breaks the count.
  const first = broken.find((b) => b !== null) ?? (Number(bounds!.checked) !== last ? { id: null, seq: String(last) } : null);
  return {
    intact: !first,
    checked: Number(bounds!.checked),
    firstBrokenId: first?.id ?? null,
    firstBrokenSeq: first?.seq ?? null,
    lastHash: bounds!.last_hash,
  };
}
