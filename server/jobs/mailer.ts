import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** Sends one e-mail; returns what the transport produced, kept with the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ record: string }>;
}

export const MAIL_FROM = 'Service National Universel <ne-pas-repondre@snu.gouv.fr>';

/**
 * SMTP when SMTP_URL is set; otherwise nodemailer's JSON transport, which builds the full
 * message without sending it — recorded in the database, readable in the console.
 */
export function createMailer(smtpUrl: string | undefined): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      send: async (email) => {
        const info = await transport.sendMail({ from: MAIL_FROM, ...email });
        return { record: JSON.stringify({ messageId: info.messageId, response: info.response }) };
      },
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    send: async (email) => {
      const info = await transport.sendMail({ from: MAIL_FROM, ...email });
      // The record keeps the message, not its attachments (a convocation PDF is personal data
      // that can be rendered again): each is reduced to its name, type and size.
      const built = JSON.parse(String(info.message)) as { attachments?: Array<{ filename?: string; contentType?: string; content?: string }> };
      if (built.attachments) {
        built.attachments = built.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: Buffer.from(a.content ?? '', 'base64').length }));
      }
      return { record: JSON.stringify(built) };
    },
  };
}
