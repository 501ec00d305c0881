import { Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context';
import { STAFF_WITH_PERSONAL_DATA } from '../../auth/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition } from '../../common/filters';
import { badInput } from '../../common/errors';
import { assertUuid } from '../../common/validation';
import { Cohort } from '../cohort/cohort.entity';
import { CorrectionRequest } from '../correction-request/correction-request.entity';
import { Note } from '../note/note.entity';
import { Department } from '../department/department.entity';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { VolunteerTransition } from './volunteer.enums';
import { Volunteer } from './volunteer.entity';
import { VolunteerFilter } from './volunteer.inputs';
import { allowedTransitions } from './volunteer.transitions';

const DAY_MS = 86_400_000;

export function volunteerWhere(f: VolunteerFilter) {
  const text = f.q?.trim().toLowerCase();
  if (f.waitingForMoreThanDays !== undefined && f.waitingForMoreThanDays !== null && f.waitingForMoreThanDays < 0) {
    throw badInput('waitingForMoreThanDays doit être positif.', 'waitingForMoreThanDays');
  }
  return allOf(
    idsCondition(f.ids),
    // searchText is a lower-cased generated column with a trigram index.
    text ? { searchText: { $like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : undefined,
    f.status ? { status: f.status } : undefined,
    f.status_in ? { status: { $in: f.status_in } } : undefined,
    refCondition('cohort', f.cohortId, 'cohortId'),
    refCondition('department', f.departmentId, 'departmentId'),
    refCondition('session', f.sessionId, 'sessionId'),
    refCondition('meetingPoint', f.meetingPointId, 'meetingPointId'),
    f.regionId ? { department: { region: assertUuid(f.regionId, 'regionId') } } : undefined,
    f.phase1Status ? { phase1Status: f.phase1Status } : undefined,
    f.waitingForMoreThanDays ? { statusChangedAt: { $lt: new Date(Date.now() - f.waitingForMoreThanDays * DAY_MS) } } : undefined,
    f.createdAt_gte ? { createdAt: { $gte: f.createdAt_gte } } : undefined,
    f.createdAt_lte ? { createdAt: { $lte: f.createdAt_lte } } : undefined,
  );
}

@Resolver(() => Volunteer)
export class VolunteerResolver extends createReadResolver({
  entity: Volunteer,
  typeName: 'Volunteer',
  filterType: VolunteerFilter,
  roles: STAFF_WITH_PERSONAL_DATA,
  sortable: {
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
    statusChangedAt: 'statusChangedAt',
    lastName: 'lastName',
    firstName: 'firstName',
    email: 'email',
    birthDate: 'birthDate',
    status: 'status',
    phase1Status: 'phase1Status',
    department: 'department.code',
    cohort: 'cohort.startDate',
  },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  label: 'Ce volontaire',
  where: volunteerWhere,
}) {
  @Authorized()
  @FieldResolver(() => ID)
  departmentId(@Root() volunteer: Volunteer): string {
    return volunteer.department.id;
  }

  @Authorized()
  @FieldResolver(() => Department, { description: 'Département de résidence' })
  department(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Department | null> {
    return ctx.loaders.follow(Department, volunteer.department);
  }

  @Authorized()
  @FieldResolver(() => ID)
  cohortId(@Root() volunteer: Volunteer): string {
    return volunteer.cohort.id;
  }

  @Authorized()
  @FieldResolver(() => Cohort)
  cohort(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Cohort | null> {
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
  session(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Session | null> {
    return ctx.loaders.follow(Session, volunteer.session);
  }

  @Authorized()
  @FieldResolver(() => ID, { nullable: true })
  meetingPointId(@Root() volunteer: Volunteer): string | null {
    return volunteer.meetingPoint?.id ?? null;
  }

  @Authorized()
  @FieldResolver(() => MeetingPoint, { nullable: true })
  meetingPoint(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<MeetingPoint | null> {
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
