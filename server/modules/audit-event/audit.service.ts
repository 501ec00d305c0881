import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrentUser } from '../../kernel/current-user';
import { AuditEvent, type AuditChanges } from './audit-event.entity';

export interface AuditInput {
  action: string;
  recordType: string;
  recordId: string;
  /** The record's department, so the event is scoped like the record. */
  departmentId?: string | null;
  changes?: AuditChanges;
}

/**
 * Adds an audit event to the unit of work: it is written by the same flush, in the same
 * transaction, as the change it describes.
 */
export function recordAudit(em: EntityManager, actor: Pick<CurrentUser, 'id' | 'impersonatorId'> | null, input: AuditInput): AuditEvent {
  const event = em.create(AuditEvent, {
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId,
    actor: actor ? actor.id : null,
    impersonator: actor?.impersonatorId ?? null,
    department: input.departmentId ?? null,
    changes: input.changes ?? {},
  });
  em.persist(event);
  return event;
}

/** `recordAudit` for the generic record writes (common/record-writes.ts): one event per change. */
export function auditWriter(recordType: string) {
  return (em: EntityManager, actor: Pick<CurrentUser, 'id' | 'impersonatorId'>, change: { action: string; recordId: string; departmentId: string | null; changes: AuditChanges }): void => {
    recordAudit(em, actor, { ...change, recordType });
  };
}
