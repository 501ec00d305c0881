import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { ALL_ROLES, PLACEMENT_MANAGERS, Role, STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, containsPattern, idsCondition, refCondition } from '../../common/filters';
import { assertUuid } from '../../common/validation';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Session } from './session.entity';
import { SessionFilter, SessionInput } from './session.inputs';
import { createSession, deleteSession, updateSession } from './session.service';
import { TransportLine } from '../transport-line/transport-line.entity';

/** The list's sort fields, default sort and filter: shared by `all…` and the exports. */
export const sessionListing = {
  sortable: { placesTotal: 'placesTotal', placesLeft: 'placesLeft', center: 'center.name', cohort: 'cohort.startDate', createdAt: 'createdAt' },
  defaultSort: { field: 'createdAt', order: 'DESC' } as { field: string; order: 'ASC' | 'DESC' },
  where: (f: SessionFilter): FilterQuery<Session> => {
    const pattern = containsPattern(f.q);
    return allOf(
      idsCondition(f.ids),
      pattern ? { center: { $or: [{ name: { $ilike: pattern } }, { city: { $ilike: pattern } }] } } : undefined,
      refCondition('cohort', f.cohortId, 'cohortId'),
      refCondition('center', f.centerId, 'centerId'),
      refCondition('headCenter', f.headCenterId, 'headCenterId'),
      f.departmentId ? { center: { department: assertUuid(f.departmentId, 'departmentId') } } : undefined,
      f.regionId ? { center: { department: { region: assertUuid(f.regionId, 'regionId') } } } : undefined,
      f.hasPlacesLeft === true ? { placesLeft: { $gt: 0 } } : f.hasPlacesLeft === false ? { placesLeft: 0 } : undefined,
    );
  },
};

@Resolver(() => Session)
export class SessionResolver extends createReadResolver({
  entity: Session,
  typeName: 'Session',
  filterType: SessionFilter,
  roles: ALL_ROLES,
  label: 'Cette session',
  ...sessionListing,
  prefetch: followSelected({ cohort: Cohort, center: CohesionCenter }),
}) {
  @FieldResolver(() => ID)
  cohortId(@Root() session: Row<Session>): string {
    return session.cohort.id;
  }

  @FieldResolver(() => Cohort)
  cohort(@Root() session: Row<Session>, @Ctx() ctx: RequestContext): MaybePromise<Cohort | null> {
    return ctx.loaders.follow(Cohort, session.cohort);
  }

  @FieldResolver(() => ID)
  centerId(@Root() session: Row<Session>): string {
    return session.center.id;
  }

  /** A visible session's centre is visible, even when the centre itself is outside the user's scope. */
  @FieldResolver(() => CohesionCenter)
  center(@Root() session: Row<Session>, @Ctx() ctx: RequestContext): MaybePromise<CohesionCenter | null> {
    return ctx.loaders.follow(CohesionCenter, session.center);
  }

  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @FieldResolver(() => ID, { nullable: true })
  headCenterId(@Root() session: Row<Session>): string | null {
    return session.headCenter?.id ?? null;
  }

  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @FieldResolver(() => User, { nullable: true, description: 'Chef de centre' })
  headCenter(@Root() session: Row<Session>, @Ctx() ctx: RequestContext): MaybePromise<User | null> {
    return ctx.loaders.follow(User, session.headCenter);
  }

  /** The volunteers of this session that the user may see (a referent: only those of its departments). */
  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @FieldResolver(() => [Volunteer])
  volunteers(@Root() session: Row<Session>, @Ctx() ctx: RequestContext): Promise<Volunteer[]> {
    return ctx.loaders.children(Volunteer, 'session', session.id, { lastName: 'asc' });
  }

  /** The session's transport lines (in scope through the session). */
  @FieldResolver(() => [TransportLine], { description: 'Lignes de transport vers cette session' })
  transportLines(@Root() session: Row<Session>, @Ctx() ctx: RequestContext): Promise<TransportLine[]> {
    return ctx.loaders.children(TransportLine, 'session', session.id, { code: 'asc' });
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => Session, { description: 'Créer une session : un séjour dans un centre de sa région' })
  createSession(@Arg('input', () => SessionInput) input: SessionInput, @Ctx() ctx: RequestContext): Promise<Session> {
    return createSession(ctx, input);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => Session, { description: 'Modifier une session (places jamais en dessous des places prises)' })
  updateSession(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SessionInput) input: SessionInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Session> {
    return updateSession(ctx, id, input, version);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Supprimer une session sans volontaire affecté (administration)' })
  deleteSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteSession(ctx, id);
  }
}
