import type { CurrentUser } from '../../kernel/current-user';
import { AppError } from '../../kernel/errors';
import { Role } from '../../kernel/roles';
import { type Cohort, CohortStatus } from './cohort.entity';

/**
 * An archived cohort is read-only for everyone but national staff: its files, sessions, lines,
 * placements and goals. One check, called by every write on a cohort's records.
 */
export function assertCohortWritable(user: Pick<CurrentUser, 'role'>, cohort: Cohort): void {
  if (cohort.status === CohortStatus.ARCHIVED && user.role !== Role.ADMIN) {
    throw new AppError('WINDOW_CLOSED', `Le séjour « ${cohort.name} » est archivé : ses dossiers ne peuvent plus être modifiés que par l’administration nationale.`);
  }
}

/** The cohort's window for regional managers to create and edit its sessions and transport lines. */
export function assertSessionEditingOpen(user: Pick<CurrentUser, 'role'>, cohort: Cohort): void {
  assertCohortWritable(user, cohort);
  if (user.role !== Role.ADMIN && !cohort.sessionEditingOpenForRegion) {
    throw new AppError('WINDOW_CLOSED', `La modification des sessions du séjour « ${cohort.name} » est fermée aux référents régionaux : demandez à l’administration nationale.`);
  }
}

/** The cohort's window for regional managers to assign its volunteers by hand (or by simulation). */
export function assertManualAssignmentOpen(user: Pick<CurrentUser, 'role'>, cohort: Cohort): void {
  assertCohortWritable(user, cohort);
  if (user.role !== Role.ADMIN && !cohort.manualAssignmentOpenForRegion) {
    throw new AppError('WINDOW_CLOSED', `L’affectation manuelle du séjour « ${cohort.name} » n’est pas ouverte aux référents régionaux : demandez à l’administration nationale.`);
  }
}
