import { Role } from '../../auth/roles';
import { VolunteerStatus as S, VolunteerTransition as T } from './volunteer.enums';

const REVIEWERS: readonly Role[] = [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT];

/**
 * The review state machine of DOMAIN.md: which actions a role may take from a status.
 * Windows and goals are checked when the action is attempted, not here.
 */
const RULES: ReadonlyArray<{ from: readonly S[]; action: T; roles: readonly Role[] }> = [
  { from: [S.WAITING_VALIDATION, S.WAITING_LIST], action: T.VALIDATE, roles: REVIEWERS },
  { from: [S.WAITING_VALIDATION], action: T.REFUSE, roles: REVIEWERS },
  { from: [S.WAITING_VALIDATION], action: T.WAITING_LIST, roles: REVIEWERS },
  { from: [S.WAITING_VALIDATION], action: T.REQUEST_CORRECTION, roles: REVIEWERS },
  { from: [S.VALIDATED, S.WAITING_LIST], action: T.WITHDRAW, roles: REVIEWERS },
  { from: [S.WITHDRAWN], action: T.REACTIVATE, roles: [Role.ADMIN] },
];

export function allowedTransitions(status: S, role: Role): T[] {
  return RULES.filter((rule) => rule.from.includes(status) && rule.roles.includes(role)).map((rule) => rule.action);
}
