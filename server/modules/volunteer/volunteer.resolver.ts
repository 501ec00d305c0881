import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context';
import type { MaybePromise } from '../../common/loaders';
import { STAFF_WITH_PERSONAL_DATA } from '../../auth/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { CorrectionRequest } from '../correction-request/correction-request.entity';
import { Note } from '../note/note.entity';
import { Department } from '../department/department.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
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
  /** Dashboards: every figure of a screen in one statement per grouping. */
  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @Query(() => [VolunteerCount], { description: 'Nombre de volontaires par statut, département et/ou séjour, dans le périmètre (un seul comptage groupé)' })
  volunteerCounts(
    @Arg('groupBy', () => [VolunteerCountDimension]) groupBy: VolunteerCountDimension[],
    @Arg('filter', () => VolunteerFilter, { nullable: true }) filter: VolunteerFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<VolunteerCount[]> {
    return countVolunteers(ctx, filter ?? {}, groupBy);
  }

  @Authorized()
  @FieldResolver(() => ID)
  departmentId(@Root() volunteer: Volunteer): string {
    return volunteer.department.id;
  }

  @Authorized()
  @FieldResolver(() => Department, { description: 'Département de résidence' })
  department(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): MaybePromise<Department | null> {
    return ctx.loaders.follow(Department, volunteer.department);
  }

  @Authorized()
  @FieldResolver(() => ID)
  cohortId(@Root() volunteer: Volunteer): string {
    return volunteer.cohort.id;
  }

  @Authorized()
  @FieldResolver(() => Cohort)
  cohort(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): MaybePromise<Cohort | null> {
    return ctx.loaders.follow(Cohort, volunteer.cohort);
  }

  @Authorized()
  @FieldResolver(() => ID, { nullable: true })
  sessionId(@Root() volunteer: Volunteer): string | null {
    return volunteer.session?.id ?? null;
  }

  /** Where a visible volunteer is placed stays visible, even in a centre outside the user's scope. */
  @Authorized()
  @FieldResolver(() => Session, { nullable: true })
  session(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): MaybePromise<Session | null> {
    return ctx.loaders.follow(Session, volunteer.session);
  }

  @Authorized()
  @FieldResolver(() => ID, { nullable: true })
  meetingPointId(@Root() volunteer: Volunteer): string | null {
    return volunteer.meetingPoint?.id ?? null;
  }

  @Authorized()
  @FieldResolver(() => MeetingPoint, { nullable: true })
  meetingPoint(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): MaybePromise<MeetingPoint | null> {
    return ctx.loaders.follow(MeetingPoint, volunteer.meetingPoint);
  }

  @Authorized()
  @FieldResolver(() => [VolunteerTransition], { description: 'Actions que l’utilisateur peut faire maintenant sur ce dossier' })
  allowedTransitions(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): VolunteerTransition[] {
    return ctx.user ? allowedTransitions(volunteer.status, ctx.user.role) : [];
  }

  @Authorized()
  @FieldResolver(() => [CorrectionRequest], { description: 'Demandes de correction, les plus récentes d’abord' })
  correctionRequests(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<CorrectionRequest[]> {
    return ctx.loaders.children(CorrectionRequest, 'volunteer', volunteer.id, { createdAt: 'desc' });
  }

  @Authorized()
  @FieldResolver(() => [Note], { description: 'Notes internes, les plus récentes d’abord' })
  notes(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Note[]> {
    return ctx.loaders.children(Note, 'volunteer', volunteer.id, { createdAt: 'desc' });
  }
}
