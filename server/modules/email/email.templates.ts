import type { Volunteer } from '../volunteer/volunteer.entity';

export type EmailTemplate =
  | 'VOLUNTEER_VALIDATED'
  | 'VOLUNTEER_REFUSED'
  | 'VOLUNTEER_WAITING_LIST'
  | 'VOLUNTEER_CORRECTION_REQUESTED'
  | 'VOLUNTEER_CORRECTION_REMINDER'
  | 'VOLUNTEER_WITHDRAWN'
  | 'VOLUNTEER_ASSIGNED'
  | 'VOLUNTEER_UNASSIGNED';

export interface TemplateData {
  cohortName: string;
  message?: string | null;
  reasonLabel?: string | null;
  corrections?: Array<{ fieldLabel: string; reasonLabel: string; message: string | null }>;
  /** The convocation's facts (assignment). */
  assignment?: {
    centerName: string;
    centerAddress: string;
    stayDates: string;
    meetingPoint: string | null;
    departure: string | null;
    lineCode: string | null;
  };
}

/** Whether the guardian receives a copy (decisions that need them: validation, refusal, corrections). */
export const GUARDIAN_COPY: ReadonlySet<EmailTemplate> = new Set(['VOLUNTEER_VALIDATED', 'VOLUNTEER_REFUSED', 'VOLUNTEER_CORRECTION_REQUESTED', 'VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED']);

const SIGNATURE = '\n\nL’équipe du Service National Universel\nCet e-mail est envoyé automatiquement, merci de ne pas y répondre.';

function corrections(data: TemplateData): string {
  return (data.corrections ?? []).map((c) => `- ${c.fieldLabel} (${c.reasonLabel})${c.message ? ` : ${c.message}` : ''}`).join('\n');
}

/** French subject and body of each e-mail. */
export function renderEmail(template: EmailTemplate, volunteer: Pick<Volunteer, 'firstName' | 'lastName'>, data: TemplateData): { subject: string; body: string } {
  const hello = `Bonjour ${volunteer.firstName} ${volunteer.lastName},\n\n`;
  switch (template) {
    case 'VOLUNTEER_VALIDATED':
      return {
        subject: `Votre inscription au SNU (${data.cohortName}) est validée`,
        body: `${hello}Bonne nouvelle : votre inscription au séjour de cohésion « ${data.cohortName} » est validée. Vous recevrez prochainement votre affectation (centre et point de rassemblement).${SIGNATURE}`,
      };
    case 'VOLUNTEER_REFUSED':
      return {
        subject: `Votre inscription au SNU (${data.cohortName}) n’a pas pu être retenue`,
        body: `${hello}Après examen, votre inscription au séjour « ${data.cohortName} » n’a pas pu être retenue.\nMotif : ${data.reasonLabel ?? ''}\n${data.message ?? ''}${SIGNATURE}`,
      };
    case 'VOLUNTEER_WAITING_LIST':
      return {
        subject: `Votre inscription au SNU (${data.cohortName}) est sur liste complémentaire`,
        body: `${hello}Votre dossier est complet, mais toutes les places de votre département sont attribuées pour le séjour « ${data.cohortName} ». Il est inscrit sur liste complémentaire : nous vous écrirons dès qu’une place se libère.${SIGNATURE}`,
      };
    case 'VOLUNTEER_CORRECTION_REQUESTED':
      return {
        subject: `Votre dossier SNU (${data.cohortName}) est à corriger`,
        body: `${hello}Pour poursuivre l’examen de votre inscription, merci de corriger les éléments suivants dans votre espace :\n${corrections(data)}${data.message ? `\n\n${data.message}` : ''}${SIGNATURE}`,
      };
    case 'VOLUNTEER_CORRECTION_REMINDER':
      return {
        subject: `Rappel : votre dossier SNU (${data.cohortName}) est toujours à corriger`,
        body: `${hello}Nous attendons toujours la correction des éléments suivants de votre dossier :\n${corrections(data)}${SIGNATURE}`,
      };
    case 'VOLUNTEER_ASSIGNED': {
      const a = data.assignment!;
      const travel = a.meetingPoint
        ? `Point de rassemblement : ${a.meetingPoint}\nDépart : ${a.departure ?? 'l’horaire vous sera précisé'}${a.lineCode ? ` (ligne ${a.lineCode})` : ''}`
        : 'Vous rejoignez le centre par vos propres moyens.';
      return {
        subject: `Votre affectation au séjour SNU (${data.cohortName})`,
        body: `${hello}Vous êtes affecté(e) au séjour de cohésion « ${data.cohortName} », ${a.stayDates}.\nCentre : ${a.centerName}, ${a.centerAddress}\n${travel}\n\nVotre convocation est jointe à ce message : imprimez-la et apportez-la, signée par votre représentant légal, le jour du départ.${SIGNATURE}`,
      };
    }
    case 'VOLUNTEER_UNASSIGNED':
      return {
        subject: `Votre affectation au séjour SNU (${data.cohortName}) est annulée`,
        body: `${hello}Votre affectation au séjour « ${data.cohortName} » est annulée : votre convocation précédente n’est plus valable. Vous recevrez une nouvelle affectation dès que possible.${SIGNATURE}`,
      };
    case 'VOLUNTEER_WITHDRAWN':
      return {
        subject: `Votre désistement du séjour SNU (${data.cohortName})`,
        body: `${hello}Nous avons enregistré votre désistement du séjour « ${data.cohortName} ».\nMotif : ${data.reasonLabel ?? ''}${data.message ? `\n${data.message}` : ''}${SIGNATURE}`,
      };
  }
}

const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'administration nationale',
  REFERENT_REGION: 'référent régional',
  REFERENT_DEPARTMENT: 'référent départemental',
  HEAD_CENTER: 'chef de centre',
  VISITOR: 'observateur',
};

/** The invitation of a staff member: who invites, as what, where, and the single-use link. */
export function renderStaffInvitation(data: { firstName: string; lastName: string; role: string; territory: string; inviter: string; link: string; hours: number }): { subject: string; body: string } {
  return {
    subject: 'Votre accès au back-office du Service National Universel',
    body:
      `Bonjour ${data.firstName} ${data.lastName},\n\n` +
      `${data.inviter} vous invite à rejoindre le back-office du SNU en tant que ${ROLE_LABELS[data.role] ?? data.role}${data.territory ? ` (${data.territory})` : ''}.\n\n` +
      `Pour activer votre compte, choisissez votre mot de passe en suivant ce lien, valable ${data.hours} heures et une seule fois :\n${data.link}\n\n` +
      `Si vous n’attendiez pas cette invitation, ignorez cet e-mail : aucun compte ne sera activé.${SIGNATURE}`,
  };
}
