import { registerEnumType } from 'type-graphql';

export enum VolunteerStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_VALIDATION = 'WAITING_VALIDATION',
  WAITING_CORRECTION = 'WAITING_CORRECTION',
  VALIDATED = 'VALIDATED',
  REFUSED = 'REFUSED',
  WAITING_LIST = 'WAITING_LIST',
  WITHDRAWN = 'WITHDRAWN',
  ABANDONED = 'ABANDONED',
  NOT_AUTHORIZED = 'NOT_AUTHORIZED',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
}
registerEnumType(VolunteerStatus, { name: 'VolunteerStatus', description: 'Statut du dossier d’inscription' });

export enum Phase1Status {
  WAITING_ASSIGNMENT = 'WAITING_ASSIGNMENT',
  ASSIGNED = 'ASSIGNED',
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
  EXEMPTED = 'EXEMPTED',
}
registerEnumType(Phase1Status, { name: 'Phase1Status', description: 'Statut du séjour de cohésion' });

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Gender, { name: 'Gender' });

export enum SchoolSituation {
  GENERAL_SCHOOL = 'GENERAL_SCHOOL',
  PROFESSIONAL_SCHOOL = 'PROFESSIONAL_SCHOOL',
  AGRICULTURAL_SCHOOL = 'AGRICULTURAL_SCHOOL',
  APPRENTICESHIP = 'APPRENTICESHIP',
  SPECIALIZED_SCHOOL = 'SPECIALIZED_SCHOOL',
  NOT_SCHOOLED = 'NOT_SCHOOLED',
  EMPLOYED = 'EMPLOYED',
}
registerEnumType(SchoolSituation, { name: 'SchoolSituation' });

export enum Grade {
  TROISIEME = 'TROISIEME',
  SECONDE = 'SECONDE',
  PREMIERE = 'PREMIERE',
  TERMINALE = 'TERMINALE',
  CAP_1 = 'CAP_1',
  CAP_2 = 'CAP_2',
  NONE = 'NONE',
}
registerEnumType(Grade, { name: 'Grade' });

/** The review actions a staff member can take on a file. */
export enum VolunteerTransition {
  VALIDATE = 'VALIDATE',
  REFUSE = 'REFUSE',
  WAITING_LIST = 'WAITING_LIST',
  REQUEST_CORRECTION = 'REQUEST_CORRECTION',
  WITHDRAW = 'WITHDRAW',
}

export enum RefusalReason {
  NOT_FRENCH = 'NOT_FRENCH',
  TOO_YOUNG = 'TOO_YOUNG',
  TOO_OLD = 'TOO_OLD',
  OTHER = 'OTHER',
}
registerEnumType(RefusalReason, { name: 'RefusalReason', description: 'Motif de refus' })
registerEnumType(VolunteerTransition, { name: 'VolunteerTransition' });
