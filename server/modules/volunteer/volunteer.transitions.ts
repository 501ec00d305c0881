import { Role } from '../../kernel/roles';
import { VolunteerStatus as S, VolunteerTransition as T } from './volunteer.enums';

export const REVIEWERS: readonly Role[] = [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT];
const ADMIN_ONLY: readonly Role[] = [Role.ADMIN];

/**
 * The review state machine of DOMAIN.md: from which statuses each action leads where, and for
 * whom. Windows and goals are checked when the action is attempted, not here.
 */
export const TRANSITIONS: ReadonlyArray<{ action: T; from: S; to: S; roles: readonly Role[] }> = [
  { action: T.VALIDATE, from: S.WAITING_VALIDATION, to: S.VALIDATED, roles: REVIEWERS },
  { action: T.VALIDATE, from: S.WAITING_LIST, to: S.VALIDATED, roles: REVIEWERS },
  { action: T.VALIDATE, from: S.WITHDRAWN, to: S.VALIDATED, roles: ADMIN_ONLY },
  { action: T.REFUSE, from: S.WAITING_VALIDATION, to: S.REFUSED, roles: REVIEWERS },
  { action: T.WAITING_LIST, from: S.WAITING_VALIDATION, to: S.WAITING_LIST, roles: REVIEWERS },
  { action: T.WAITING_LIST, from: S.WITHDRAWN, to: S.WAITING_LIST, roles: ADMIN_ONLY },
  { action: T.REQUEST_CORRECTION, from: S.WAITING_VALIDATION, to: S.WAITING_CORRECTION, roles: REVIEWERS },
  { action: T.WITHDRAW, from: S.VALIDATED, to: S.WITHDRAWN, roles: REVIEWERS },
  { action: T.WITHDRAW, from: S.WAITING_LIST, to: S.WITHDRAWN, roles: REVIEWERS },
];

/** Whether the role may ever take this action (from some status). */
export function roleMayTake(action: T, role: Role): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.roles.includes(role));
}

export function findTransition(action: T, from: S) {
  return TRANSITIONS.find((t) => t.action === action && t.from === from);
}

export function allowedTransitions(status: S, role: Role): T[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === status && t.roles.includes(role)).map((t) => t.action))];
}
