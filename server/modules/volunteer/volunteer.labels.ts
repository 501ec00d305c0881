import { Gender, Phase1Status, RefusalReason, VolunteerStatus, VolunteerTransition } from './volunteer.enums';

/** French labels used in server messages (the console has its own, in admin/src/i18n). */
export const STATUS_LABELS: Record<VolunteerStatus, string> = {
  IN_PROGRESS: 'En cours d’inscription',
  WAITING_VALIDATION: 'En attente de validation',
  WAITING_CORRECTION: 'En attente de correction',
  VALIDATED: 'Validé',
  REFUSED: 'Refusé',
  WAITING_LIST: 'Liste complémentaire',
  WITHDRAWN: 'Désisté',
  ABANDONED: 'Abandonné',
  NOT_AUTHORIZED: 'Non autorisé',
  NOT_ELIGIBLE: 'Non éligible',
};

export const PHASE1_LABELS: Record<Phase1Status, string> = {
  WAITING_ASSIGNMENT: 'En attente d’affectation',
  ASSIGNED: 'Affecté',
  DONE: 'Séjour effectué',
  NOT_DONE: 'Séjour non effectué',
  EXEMPTED: 'Dispensé',
};

export const GENDER_LABELS: Record<Gender, string> = { FEMALE: 'Fille', MALE: 'Garçon' };

export const ACTION_LABELS: Record<VolunteerTransition, string> = {
  VALIDATE: 'valider',
  REFUSE: 'refuser',
  WAITING_LIST: 'placer sur liste complémentaire',
  REQUEST_CORRECTION: 'demander une correction pour',
  WITHDRAW: 'désister',
};

export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  NOT_FRENCH: 'Nationalité non française',
  TOO_YOUNG: 'Trop jeune pour ce séjour',
  TOO_OLD: 'Trop âgé pour ce séjour',
  OTHER: 'Autre motif',
};

/** Fields of a file a correction can be requested on, with their French names. */
export const CORRECTABLE_FIELDS: Record<string, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  birthDate: 'Date de naissance',
  gender: 'Sexe',
  email: 'E-mail',
  phone: 'Téléphone',
  address: 'Adresse',
  zip: 'Code postal',
  city: 'Ville',
  schoolSituation: 'Situation scolaire',
  grade: 'Classe',
  schoolName: 'Établissement scolaire',
  guardian1: 'Représentant légal 1',
  guardian2: 'Représentant légal 2',
  specialNeedsDetails: 'Besoins particuliers',
  identityDocument: 'Pièce d’identité',
  parentalConsent: 'Consentement parental',
  medicalCertificate: 'Fiche sanitaire',
};
