import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import type { MaybePromise, RequestContext, Row } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS, Role, STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from './transport-line.entity';
import { TransportLineFilter, TransportLineInput } from './transport-line.inputs';
import { createTransportLine, deleteTransportLine, updateTransportLine } from './transport-line.service';
import { TransportLineStop } from './transport-line-stop.entity';

@Resolver(() => TransportLine)
export class TransportLineResolver extends createReadResolver({
  entity: TransportLine,
  typeName: 'TransportLine',
  filterType: TransportLineFilter,
  // Lines carry no personal data: whoever may read the session may read its lines.
  roles: [...STAFF_WITH_PERSONAL_DATA, Role.VISITOR],
  sortable: { code: 'code', seatsTotal: 'seatsTotal', seatsLeft: 'seatsLeft', session: 'session.center.name', createdAt: 'createdAt' },
  defaultSort: { field: 'code', order: 'ASC' },
  label: 'Cette ligne',
  where: (f, ctx) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['code']),
      refCondition('session', f.sessionId, 'sessionId'),
      f.cohortId ? { session: { cohort: assertUuid(f.cohortId, 'cohortId') } } : undefined,
      f.regionId ? { session: { center: { department: { region: assertUuid(f.regionId, 'regionId') } } } } : undefined,
      // Lines that stop at the meeting point: a subquery on stops (scoped through the line).
      f.meetingPointId ? { id: { $in: ScopedQuery.of(ctx.em, TransportLineStop, { meetingPoint: assertUuid(f.meetingPointId, 'meetingPointId') }).subquery('line') } } : undefined,
      f.hasSeatsLeft === true ? { seatsLeft: { $gt: 0 } } : f.hasSeatsLeft === false ? { seatsLeft: 0 } : undefined,
    ),
  prefetch: followSelected({ session: Session }),
}) {
  @FieldResolver(() => ID)
  sessionId(@Root() line: Row<TransportLine>): string {
    return line.session.id;
  }

  /** A readable line's session is readable (the line is in scope through it). */
  @FieldResolver(() => Session)
  session(@Root() line: Row<TransportLine>, @Ctx() ctx: RequestContext): MaybePromise<Session | null> {
    return ctx.loaders.follow(Session, line.session);
  }

  @FieldResolver(() => [TransportLineStop], { description: 'Arrêts, dans l’ordre de passage' })
  stops(@Root() line: Row<TransportLine>, @Ctx() ctx: RequestContext): Promise<TransportLineStop[]> {
    return ctx.loaders.children(TransportLineStop, 'line', line.id, { position: 'asc' });
  }

  @FieldResolver(() => [ID], { description: 'Points de rassemblement desservis, dans l’ordre' })
  async meetingPointIds(@Root() line: Row<TransportLine>, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.children(TransportLineStop, 'line', line.id, { position: 'asc' })).map((s) => s.meetingPoint.id);
  }

  /** The meeting points a readable line serves stay readable (they may lie in another department of the route). */
  @FieldResolver(() => [MeetingPoint])
  async meetingPoints(@Root() line: Row<TransportLine>, @Ctx() ctx: RequestContext): Promise<MeetingPoint[]> {
    const stops = await ctx.loaders.children(TransportLineStop, 'line', line.id, { position: 'asc' });
    return (await ctx.loaders.followAll(MeetingPoint, stops.map((s) => s.meetingPoint))).filter((p): p is MeetingPoint => p !== null);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => TransportLine, { description: 'Créer une ligne de transport vers une session de sa région' })
  createTransportLine(@Arg('input', () => TransportLineInput) input: TransportLineInput, @Ctx() ctx: RequestContext): Promise<TransportLine> {
    return createTransportLine(ctx, input);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => TransportLine, { description: 'Modifier une ligne (places jamais en dessous des volontaires inscrits)' })
  updateTransportLine(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TransportLineInput) input: TransportLineInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TransportLine> {
    return updateTransportLine(ctx, id, input, version);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Supprimer une ligne sans volontaire inscrit (administration)' })
  deleteTransportLine(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteTransportLine(ctx, id);
  }
}
