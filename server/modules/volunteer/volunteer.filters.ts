import type { RequestContext } from '../../kernel/request-context';
import { badInput } from '../../kernel/errors';
import { allOf, containsPattern, idsCondition, refCondition } from '../../common/filters';
import { calendarDate } from '../../common/inputs';
import { assertUuid } from '../../common/validation';
import { nowMs } from '../../kernel/clock';
import { parisMidnight } from '../../common/dates';
import { ScopedQuery } from '../../scope/scoped-query';
import { CorrectionRequest, CorrectionRequestStatus } from '../correction-request/correction-request.entity';
import { VolunteerStatus } from './volunteer.enums';
import type { VolunteerFilter } from './volunteer.inputs';

/** Volunteers with an open correction request, as a (scoped) subquery that narrows the outer list. */
function pendingCorrectionsOf(ctx: RequestContext) {
  return ScopedQuery.of(ctx.em, CorrectionRequest, {
    status: { $in: [CorrectionRequestStatus.PENDING, CorrectionRequestStatus.SENT, CorrectionRequestStatus.REMINDED] },
  }).subquery('volunteer');
}

const DAY_MS = 86_400_000;


/** The list's sorts, shared by `allVolunteers` and the CSV export (same order on screen and in the file). */
export const VOLUNTEER_SORTS = {
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
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
};

/** VolunteerFilter → ORM condition, shared by the list and its count. */
export function volunteerWhere(f: VolunteerFilter, ctx: RequestContext) {
  const pattern = containsPattern(f.q?.toLowerCase());
  if (f.waitingForMoreThanDays !== undefined && f.waitingForMoreThanDays !== null && f.waitingForMoreThanDays < 0) {
    throw badInput('« En attente depuis plus de N jours » : le nombre de jours doit être positif ou nul.', 'waitingForMoreThanDays');
  }
  return allOf(
    idsCondition(f.ids),
    // searchText is a lower-cased generated column with a trigram index.
    pattern ? { searchText: { $like: pattern } } : undefined,
    f.status ? { status: f.status } : undefined,
    f.status_in ? { status: { $in: f.status_in } } : undefined,
    refCondition('cohort', f.cohortId, 'cohortId'),
    refCondition('department', f.departmentId, 'departmentId'),
    refCondition('session', f.sessionId, 'sessionId'),
    refCondition('meetingPoint', f.meetingPointId, 'meetingPointId'),
    f.regionId ? { department: { region: assertUuid(f.regionId, 'regionId') } } : undefined,
    f.phase1Status ? { phase1Status: f.phase1Status } : undefined,
    f.waitingForMoreThanDays ? { statusChangedAt: { $lt: new Date(nowMs() - f.waitingForMoreThanDays * DAY_MS) } } : undefined,
    // « Waiting »: without a status of its own, the filter means files waiting for validation
    // (a file validated 10 days ago is not waiting).
    f.waitingForMoreThanDays && !f.status && !f.status_in?.length ? { status: VolunteerStatus.WAITING_VALIDATION } : undefined,
    f.statusChangedBeforeDay ? { statusChangedAt: { $lt: parisMidnight(calendarDate(f.statusChangedBeforeDay, 'statusChangedBeforeDay', 'Le jour du dernier changement de statut')) } } : undefined,
    f.hasPendingCorrections === true || f.hasPendingCorrections === false
      ? { id: { [f.hasPendingCorrections ? '$in' : '$nin']: pendingCorrectionsOf(ctx) } }
      : undefined,
    f.createdAt_gte ? { createdAt: { $gte: f.createdAt_gte } } : undefined,
    f.createdAt_lte ? { createdAt: { $lte: f.createdAt_lte } } : undefined,
  );
}

