import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { Role, STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { CorrectionRequest } from '../correction-request/correction-request.entity';
import { Note } from '../note/note.entity';
import { Department } from '../department/department.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from '../transport-line/transport-line.entity';
import { VolunteerTransition } from './volunteer.enums';
import { Volunteer } from './volunteer.entity';
import { VolunteerFilter } from './volunteer.inputs';
import { VOLUNTEER_SORTS, volunteerWhere } from './volunteer.filters';
import { allowedTransitions } from './volunteer.transitions';
import { countVolunteers } from './volunteer-counts.service';
import { VolunteerCount, VolunteerCountDimension } from './volunteer-counts.types';

@Resolver(() => Volunteer)
export class VolunteerResolver extends createReadResolver({
  entity: Volunteer,
  typeName: 'Volunteer',
  filterType: VolunteerFilter,
  roles: STAFF_WITH_PERSONAL_DATA,
  ...VOLUNTEER_SORTS,
  label: 'Ce volontaire',
  where: volunteerWhere,
  prefetch: followSelected({ cohort: Cohort, meetingPoint: MeetingPoint, session: [Session, { center: CohesionCenter, cohort: Cohort }] }),
}) {
  /** Dashboards: every figure of a screen in one statement per grouping; visitors get their region's counts. */
  @Authorized([...STAFF_WITH_PERSONAL_DATA, Role.VISITOR])
  @Query(() => [VolunteerCount], { description: 'Nombre de volontaires par statut, département et/ou séjour, dans le périmètre (un seul comptage groupé). Les observateurs comptent ceux de leur région, sans filtre nominatif (q, ids, hasPendingCorrections).' })
  volunteerCounts(
    @Arg('groupBy', () => [VolunteerCountDimension]) groupBy: VolunteerCountDimension[],
    @Arg('filter', () => VolunteerFilter, { nullable: true }) filter: VolunteerFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<VolunteerCount[]> {
    return countVolunteers(ctx, filter ?? {}, groupBy);
  }

  @FieldResolver(() => ID)
  departmentId(@Root() volunteer: Row<Volunteer>): string {
    return volunteer.department.id;
  }

  @FieldResolver(() => Department, { description: 'Département de résidence' })
  department(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, volunteer.department);
  }

  @FieldResolver(() => ID)
  cohortId(@Root() volunteer: Row<Volunteer>): string {
    return volunteer.cohort.id;
  }

  @FieldResolver(() => Cohort)
  cohort(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): MaybePromise<Cohort | null> {
    return ctx.loaders.follow(Cohort, volunteer.cohort);
  }

  @FieldResolver(() => ID, { nullable: true })
  sessionId(@Root() volunteer: Row<Volunteer>): string | null {
    return volunteer.session?.id ?? null;
  }

  /** Where a visible volunteer is placed stays visible, even in a centre outside the user's scope. */
  @FieldResolver(() => Session, { nullable: true })
  session(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): MaybePromise<Session | null> {
    return ctx.loaders.follow(Session, volunteer.session);
  }

  @FieldResolver(() => ID, { nullable: true })
  meetingPointId(@Root() volunteer: Row<Volunteer>): string | null {
    return volunteer.meetingPoint?.id ?? null;
  }

  @FieldResolver(() => MeetingPoint, { nullable: true })
  meetingPoint(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): MaybePromise<MeetingPoint | null> {
    return ctx.loaders.follow(MeetingPoint, volunteer.meetingPoint);
  }

  @FieldResolver(() => ID, { nullable: true })
  transportLineId(@Root() volunteer: Row<Volunteer>): string | null {
    return volunteer.transportLine?.id ?? null;
  }

  /** The line a visible volunteer rides stays visible, like its session. */
  @FieldResolver(() => TransportLine, { nullable: true, description: 'Ligne de transport (avec le point de rassemblement)' })
  transportLine(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): MaybePromise<TransportLine | null> {
    return ctx.loaders.follow(TransportLine, volunteer.transportLine);
  }

  @FieldResolver(() => [VolunteerTransition], { description: 'Actions que l’utilisateur peut faire maintenant sur ce dossier' })
  allowedTransitions(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): VolunteerTransition[] {
    return ctx.user ? allowedTransitions(volunteer.status, ctx.user.role) : [];
  }

  @FieldResolver(() => [CorrectionRequest], { description: 'Demandes de correction, les plus récentes d’abord' })
  correctionRequests(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): Promise<CorrectionRequest[]> {
    return ctx.loaders.children(CorrectionRequest, 'volunteer', volunteer.id, { createdAt: 'desc' });
  }

  @FieldResolver(() => [Note], { description: 'Notes internes, les plus récentes d’abord' })
  notes(@Root() volunteer: Row<Volunteer>, @Ctx() ctx: RequestContext): Promise<Note[]> {
    return ctx.loaders.children(Note, 'volunteer', volunteer.id, { createdAt: 'desc' });
  }
}
