import type { EntityClass, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrentUser } from '../kernel/current-user';
import { forbidden } from '../kernel/errors';
import { requireRole } from '../kernel/permissions';
import type { RequestContext } from '../kernel/request-context';
import { Role } from '../kernel/roles';
import { findInScope } from '../scope/write-guard';
import { assertVersion, changesOf } from './inputs';
import { inTransaction } from './transaction';

/** What a write records in the audit trail, written by the same flush as the change. */
export interface RecordedChange {
  action: string;
  recordId: string;
  departmentId: string | null;
  changes: Record<string, { old: unknown; new: unknown }>;
}

export type AuditWriter = (tx: EntityManager, user: CurrentUser, change: RecordedChange) => void;

/**
 * The repetitive part of a territorial record's create / update / delete: the role, one
 * transaction, the record loaded through the scope (locked, version checked), the audit event with
 * old → new values, one flush. The resource's service supplies only what differs: validation,
 * territory checks (`assertInTerritory`) and how input becomes fields.
 */
export function recordWrites<T extends { id: string; version: number }>(options: {
  entity: EntityClass<T>;
  /** `CohesionCenter` → actions `COHESION_CENTER_CREATED`…, audit `recordType`. */
  recordType: string;
  /** French subject for messages: « Ce centre ». */
  label: string;
  roles: readonly Role[];
  /** The audited fields of a record, relations as ids. */
  snapshot: (record: T, tx: EntityManager) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The department that scopes the record's history. */
  departmentOf: (record: T, tx: EntityManager) => Promise<string | null> | string | null;
  audit: AuditWriter;
}) {
  const action = (verb: string) => `${options.recordType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_${verb}`;

  async function record(tx: EntityManager, user: CurrentUser, verb: string, item: T, before: Record<string, unknown>) {
    options.audit(tx, user, { action: action(verb), recordId: item.id, departmentId: await options.departmentOf(item, tx), changes: changesOf(before, await options.snapshot(item, tx)) });
  }

  return {
    async create(ctx: RequestContext, build: (tx: EntityManager, user: CurrentUser) => Promise<T>): Promise<T> {
      const user = requireRole(ctx, options.roles);
      return inTransaction(ctx, async (tx) => {
        const item = await build(tx, user);
        tx.persist(item);
        await record(tx, user, 'CREATED', item, {});
        await tx.flush();
        return item;
      });
    },

    async update(
      ctx: RequestContext,
      id: string,
      version: number | null | undefined,
      change: (tx: EntityManager, item: T, user: CurrentUser) => Promise<void>,
      lockMode?: LockMode,
      /** The audited action's verb: `ARCHIVED` for `COHORT_ARCHIVED`. */
      verb = 'UPDATED',
    ): Promise<T> {
      const user = requireRole(ctx, options.roles);
      return inTransaction(ctx, async (tx) => {
        const item = await findInScope(tx, options.entity, id, { label: options.label, lockMode });
        assertVersion(item, version, options.label);
        const before = await options.snapshot(item, tx);
        await change(tx, item, user);
        await record(tx, user, verb, item, before);
        await tx.flush();
        return item;
      });
    },

    /** Only national staff delete; `guard` refuses while something is attached. */
    async remove(ctx: RequestContext, id: string, guard: (tx: EntityManager, item: T) => Promise<void>, lockMode?: LockMode): Promise<boolean> {
      const user = requireRole(ctx, options.roles);
      if (user.role !== Role.ADMIN) throw forbidden();
      return inTransaction(ctx, async (tx) => {
        const item = await findInScope(tx, options.entity, id, { label: options.label, lockMode });
        await guard(tx, item);
        options.audit(tx, user, { action: action('DELETED'), recordId: item.id, departmentId: await options.departmentOf(item, tx), changes: Object.fromEntries(Object.entries(await options.snapshot(item, tx)).map(([key, old]) => [key, { old, new: null }])) });
        tx.remove(item);
        await tx.flush();
        return true;
      });
    },
  };
}
