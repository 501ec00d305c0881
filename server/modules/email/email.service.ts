import type { EntityManager } from '@mikro-orm/postgresql';
import type { Volunteer } from '../volunteer/volunteer.entity';
import type { User } from '../user/user.entity';
import { EmailMessage } from './email-message.entity';
import { GUARDIAN_COPY, renderEmail, type EmailTemplate, type TemplateData } from './email.templates';

/**
 * Adds the e-mails of a decision to the unit of work (the outbox): they commit or roll back
 * with the decision. Delivery happens later, in the job queue, so a failing mail server never
 * undoes a decision.
 */
export function queueVolunteerEmail(em: EntityManager, volunteer: Volunteer, template: EmailTemplate, data: TemplateData): EmailMessage[] {
  const { subject, body } = renderEmail(template, volunteer, data);
  const recipients: Array<{ to: string; kind: string }> = [{ to: volunteer.email, kind: 'VOLUNTEER' }];
  if (GUARDIAN_COPY.has(template)) {
    for (const guardian of [volunteer.guardian1, volunteer.guardian2]) {
      if (guardian?.email) recipients.push({ to: guardian.email, kind: 'GUARDIAN' });
    }
  }
  return recipients.map(({ to, kind }) => {
    const message = em.create(EmailMessage, {
      volunteer,
      recipient: to,
      recipientKind: kind,
      template,
      subject,
      body,
    });
    em.persist(message);
    return message;
  });
}

/** An e-mail to a staff member (an invitation), in the same outbox: it commits with the change that causes it. */
export function queueStaffEmail(em: EntityManager, user: User, template: string, content: { subject: string; body: string }): EmailMessage {
  const message = em.create(EmailMessage, { volunteer: null, staffUser: user, recipient: user.email, recipientKind: 'STAFF', template, subject: content.subject, body: content.body });
  em.persist(message);
  return message;
}
