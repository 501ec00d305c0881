import type { FilterQuery } from '@mikro-orm/core';
import { Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { verifyAuditChain } from '../../database/audit-chain';
import { AuditVerification } from './audit-verification.types';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { User } from '../user/user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilter } from './audit-event.inputs';

/** The list's sort fields, default sort and filter: shared by `all…` and the exports. */
export const auditEventListing = {
  sortable: { createdAt: 'createdAt', seq: 'seq', action: 'action', recordType: 'recordType' },
  defaultSort: { field: 'createdAt', order: 'DESC' } as { field: string; order: 'ASC' | 'DESC' },
  where: (f: AuditEventFilter): FilterQuery<AuditEvent> =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['action']),
      f.recordType ? { recordType: f.recordType } : undefined,
      f.recordId ? { recordId: assertUuid(f.recordId, 'recordId') } : undefined,
      refCondition('actor', f.actorId, 'actorId'),
      f.action ? { action: f.action } : undefined,
      f.createdAt_gte ? { createdAt: { $gte: f.createdAt_gte } } : undefined,
      f.createdAt_lte ? { createdAt: { $lte: f.createdAt_lte } } : undefined,
    ),
};

@Resolver(() => AuditEvent)
export class AuditEventResolver extends createReadResolver({
  entity: AuditEvent,
  typeName: 'AuditEvent',
  filterType: AuditEventFilter,
  roles: [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT],
  label: 'Cet événement',
  ...auditEventListing,
  prefetch: followSelected({ actor: User, impersonator: User }),
}) {
  @FieldResolver(() => ID, { nullable: true })
  actorId(@Root() event: Row<AuditEvent>): string | null {
    return event.actor?.id ?? null;
  }

  /** Who did it: shown even when the actor's own account is outside the reader's scope. */
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: Row<AuditEvent>, @Ctx() ctx: RequestContext): MaybePromise<User | null> {
    return ctx.loaders.follow(User, event.actor);
  }

  @FieldResolver(() => User, { nullable: true, description: 'L’administrateur qui agissait à la place de l’acteur' })
  impersonator(@Root() event: Row<AuditEvent>, @Ctx() ctx: RequestContext): MaybePromise<User | null> {
    return ctx.loaders.follow(User, event.impersonator);
  }

  /** National staff only: the whole trail, not a scoped view of it. */
  @Authorized(Role.ADMIN)
  @Query(() => AuditVerification, { description: 'Vérifier que l’historique n’a pas été altéré (administration nationale)' })
  async verifyAuditTrail(@Ctx() ctx: RequestContext): Promise<AuditVerification> {
    const report = await verifyAuditChain(ctx.em);
    const message = report.intact
      ? `Historique intact : ${report.checked.toLocaleString('fr-FR')} événements vérifiés.`
      : `Historique altéré à partir de l’événement de rang ${report.firstBrokenSeq} : il ne découle pas de celui qui le précède.`;
    return { ...report, message };
  }
}
