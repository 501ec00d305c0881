import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  REFERENT_REGION = 'REFERENT_REGION',
  REFERENT_DEPARTMENT = 'REFERENT_DEPARTMENT',
  HEAD_CENTER = 'HEAD_CENTER',
  VISITOR = 'VISITOR',
}
registerEnumType(Role, { name: 'Role', description: 'Rôle d’un membre du personnel' });

export const ALL_ROLES = Object.values(Role);
/** Roles that may read volunteers' personal data (within their scope). */
export const STAFF_WITH_PERSONAL_DATA = [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT, Role.HEAD_CENTER];
/** Roles that administer a territory (centres, sessions, meeting points, goals). */
export const TERRITORY_MANAGERS = [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT];
/** Roles that manage placement: centres, sessions, meeting points, lines, assignment (admins everywhere, regional managers in their region). */
export const PLACEMENT_MANAGERS = [Role.ADMIN, Role.REFERENT_REGION];
