import { LockMode } from '@mikro-orm/core';
import { inTransaction } from '../../common/transaction';
import { assertUuid } from '../../common/validation';
import { now, todayInParis } from '../../kernel/clock';
import { AppError, conflict } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { findInScope } from '../../scope/write-guard';
import { recordAudit } from '../audit-event/audit.service';
import { Cohort } from '../cohort/cohort.entity';
import { assertCohortWritable } from '../cohort/cohort.rules';
import { Phase1Status } from '../volunteer/volunteer.enums';
import { Volunteer } from '../volunteer/volunteer.entity';

/** Who records the stay: the head of the volunteer's session (its scope), and national staff. */
export const STAY_RECORDERS = [Role.HEAD_CENTER, Role.ADMIN];

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
const DAY = 86_400_000;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) - DAY).toISOString().slice(0, 10);

async function onPlacedVolunteer(ctx: RequestContext, id: string, version: number | null | undefined, change: (v: Volunteer, cohort: Cohort) => { action: string }): Promise<Volunteer> {
  const user = requireRole(ctx, STAY_RECORDERS);
  return inTransaction(ctx, async (tx) => {
    // A head of centre reaches only the volunteers of the sessions it heads.
    const volunteer = await findInScope(tx, Volunteer, assertUuid(id), { label: 'Ce volontaire', lockMode: LockMode.PESSIMISTIC_WRITE });
    if (version !== undefined && version !== null && version !== volunteer.version) throw conflict();
    if (!volunteer.session) throw new AppError('INVALID_TRANSITION', 'Ce volontaire n’est affecté à aucune session.', { phase1Status: volunteer.phase1Status });
    const cohort = await tx.findOneOrFail(Cohort, { id: volunteer.cohort.id });
    assertCohortWritable(user, cohort);
    const before = { phase1Status: volunteer.phase1Status, arrivedAt: volunteer.arrivedAt?.toISOString() ?? null };
    const { action } = change(volunteer, cohort);
    const after = { phase1Status: volunteer.phase1Status, arrivedAt: volunteer.arrivedAt?.toISOString() ?? null };
    const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v).map(([k, v]) => [k, { old: before[k as keyof typeof before], new: v }]));
    recordAudit(tx, user, { action, recordType: 'Volunteer', recordId: volunteer.id, departmentId: volunteer.department.id, changes });
    await tx.flush();
    return volunteer;
  });
}

/** The head of centre records the volunteer's arrival: from the day before the stay starts. */
export function recordArrival(ctx: RequestContext, id: string, version: number | null | undefined): Promise<Volunteer> {
  return onPlacedVolunteer(ctx, id, version, (volunteer, cohort) => {
    if (volunteer.phase1Status !== Phase1Status.ASSIGNED) throw new AppError('INVALID_TRANSITION', 'L’arrivée ne se relève que pour un volontaire affecté dont le séjour n’est pas clos.', { phase1Status: volunteer.phase1Status });
    if (volunteer.arrivedAt) throw new AppError('INVALID_TRANSITION', 'L’arrivée de ce volontaire est déjà enregistrée.', { phase1Status: volunteer.phase1Status });
    if (todayInParis() < dayBefore(cohort.startDate)) {
      throw new AppError('WINDOW_CLOSED', `Le séjour commence le ${frenchDate(cohort.startDate)} : l’arrivée se relève à partir de la veille.`);
    }
    volunteer.arrivedAt = now();
    return { action: 'VOLUNTEER_ARRIVED' };
  });
}

/**
 * The end of the stay: completed (DONE, for a volunteer who arrived, from the stay's last day) or
 * not completed (NOT_DONE: left early or never came, from the stay's first day).
 */
export function recordStayEnd(ctx: RequestContext, id: string, completed: boolean, version: number | null | undefined): Promise<Volunteer> {
  return onPlacedVolunteer(ctx, id, version, (volunteer, cohort) => {
    if (volunteer.phase1Status !== Phase1Status.ASSIGNED) {
      throw new AppError('INVALID_TRANSITION', 'La fin du séjour est déjà enregistrée pour ce volontaire, ou il n’est pas affecté.', { phase1Status: volunteer.phase1Status });
    }
    const today = todayInParis();
    if (completed) {
      if (!volunteer.arrivedAt) throw new AppError('INVALID_TRANSITION', 'Ce volontaire n’a pas été relevé comme arrivé : son séjour ne peut pas être déclaré accompli.', { phase1Status: volunteer.phase1Status });
      if (today < cohort.endDate) throw new AppError('WINDOW_CLOSED', `Le séjour se termine le ${frenchDate(cohort.endDate)} : il ne peut être déclaré accompli qu’à partir de ce jour.`);
      volunteer.phase1Status = Phase1Status.DONE;
      return { action: 'VOLUNTEER_STAY_DONE' };
    }
    if (today < cohort.startDate) throw new AppError('WINDOW_CLOSED', `Le séjour commence le ${frenchDate(cohort.startDate)} : un séjour non accompli se déclare à partir de ce jour.`);
    volunteer.phase1Status = Phase1Status.NOT_DONE;
    return { action: 'VOLUNTEER_STAY_NOT_DONE' };
  });
}
