import type { MikroORM } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { runSimulation } from '../modules/assignment/assignment-simulation.job';
import { EmailMessage, EmailStatus } from '../modules/email/email-message.entity';
import { now, nowMs } from '../kernel/clock';
import type { JobQueue } from '../kernel/request-context';
import { unscoped } from '../scope/unscoped';
import { compactDashboardCounts } from '../database/dashboard-counts';
import type { Mailer, OutgoingEmail } from './mailer';
import { convocationDataOf } from '../modules/assignment/convocation.service';
import { renderConvocationPdf } from '../modules/assignment/convocation.pdf';
import { Volunteer } from '../modules/volunteer/volunteer.entity';
import type { EntityManager } from '@mikro-orm/postgresql';

export const EMAIL_QUEUE = 'email-send';
const SWEEP_QUEUE = 'email-sweep';
const DASHBOARD_COMPACT_QUEUE = 'dashboard-compact';
export const SIMULATION_QUEUE = 'assignment-simulate';
export const LOGIN_CODE_QUEUE = 'login-code-send';

export interface JobsOptions {
  /** Seconds between retries of a failed e-mail (doubled at each attempt). */
  retryDelaySeconds: number;
  retryLimit: number;
  pollingIntervalSeconds: number;
  /** Run the workers in this process (every instance may; pg-boss shares the work). */
  work: boolean;
}

/**
 * The PostgreSQL-backed job queue (pg-boss). E-mails are written to `email_message` by the
 * transaction that decides them; a job then delivers each one. A sweeper re-enqueues any
 * message still queued after two minutes (e.g. the process stopped between commit and enqueue).
 */
export class Jobs implements JobQueue {
  private stopping = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
  ) {}

  static async start(databaseUrl: string, orm: MikroORM, mailer: Mailer, logger: Logger, options: JobsOptions): Promise<Jobs> {
    // Maintenance and cron run where jobs are worked; an instance that only enqueues stays quiet.
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, application_name: 'snu-jobs', supervise: options.work, schedule: options.work });
    const jobs = new Jobs(boss, logger);
    // During shutdown the database goes away under the workers: those errors are expected.
    boss.on('error', (error: unknown) => {
      if (!jobs.stopping) logger.error({ err: error }, 'job queue error');
    });
    await boss.start();
    await boss.createQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: true });
    await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: 'singleton' });
    await boss.createQueue(DASHBOARD_COMPACT_QUEUE, { name: DASHBOARD_COMPACT_QUEUE, policy: 'singleton' });
    // A simulation is computed once: no retry (a failure is stored on the simulation itself).
    await boss.createQueue(SIMULATION_QUEUE, { name: SIMULATION_QUEUE, retryLimit: 0 });
    // A login code is worth sending for its 10 minutes only.
    await boss.createQueue(LOGIN_CODE_QUEUE, { name: LOGIN_CODE_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 60 });
    if (options.work) {
      await boss.work<{ emailId: string }>(EMAIL_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
        await deliverEmail(orm, mailer, job.data.emailId, options.retryLimit + 1, logger);
      });
      await boss.work<{ simulationId: string }>(SIMULATION_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
        await runSimulation({ em: orm.em, logger }, job.data.simulationId);
      });
      await boss.work<LoginCodeMessage>(LOGIN_CODE_QUEUE, { pollingIntervalSeconds: Math.min(options.pollingIntervalSeconds, 1) }, async ([job]) => {
        await mailer.send(loginCodeEmail(job.data));
      });
      // The dashboard's tallies grow by a few rows per write; folded every minute (figures unchanged).
      await boss.schedule(DASHBOARD_COMPACT_QUEUE, '* * * * *');
      await boss.work(DASHBOARD_COMPACT_QUEUE, async () => {
        const removed = await compactDashboardCounts(orm.em.fork());
        if (removed > 0) logger.debug({ removed }, 'dashboard tallies folded');
      });
      await boss.schedule(SWEEP_QUEUE, '* * * * *');
      await boss.work(SWEEP_QUEUE, async () => {
        const stale = await unscoped({ em: orm.em, logger }, 'e-mail sweeper', (em) =>
          em.find(EmailMessage, { status: EmailStatus.QUEUED, attempts: 0, createdAt: { $lt: new Date(nowMs() - 120_000) } }, { fields: ['id'], limit: 1000 }),
        );
        await jobs.emailsQueued(stale.map((m) => m.id));
      });
    }
    return jobs;
  }

  /** Called after the deciding transaction committed. A failure here is recovered by the sweeper. */
  async emailsQueued(ids: string[]): Promise<void> {
    try {
      if (ids.length === 0) return;
      // One statement for the whole batch (a bulk validation queues ≈ 2,500 e-mails); the queue's
      // retry policy applies as with `send`, and the singleton key still ignores duplicates.
      await this.boss.insert(ids.map((emailId) => ({ name: EMAIL_QUEUE, data: { emailId }, singletonKey: emailId })));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not enqueue e-mails; the sweeper will retry');
    }
  }

  async loginCodeQueued(message: LoginCodeMessage): Promise<void> {
    await this.boss.send(LOGIN_CODE_QUEUE, message);
  }

  async simulationQueued(id: string): Promise<void> {
    await this.boss.send(SIMULATION_QUEUE, { simulationId: id });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}

interface LoginCodeMessage {
  to: string;
  code: string;
  minutes: number;
}

/** The second factor's e-mail: the code, how long it lasts, what to do if the login was not yours. */
export function loginCodeEmail(message: LoginCodeMessage): OutgoingEmail {
  return {
    to: message.to,
    subject: `Votre code de connexion au back-office SNU : ${message.code}`,
    text: [
      'Bonjour,',
      '',
      `Votre code de connexion au back-office du Service National Universel est : ${message.code}`,
      '',
      `Il est valable ${message.minutes} minutes et ne peut servir qu’une fois.`,
      'Si vous n’êtes pas à l’origine de cette connexion, changez votre mot de passe et prévenez votre administrateur : quelqu’un connaît votre mot de passe.',
      '',
      'Le back-office SNU',
    ].join('\n'),
  };
}

/** Templates that describe a placement: a later one replaces an earlier convocation not yet sent. */
const PLACEMENT_TEMPLATES = ['VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED'];

/**
 * A convocation e-mail carries the convocation PDF, rendered at delivery from the volunteer's
 * placement (the same PDF as the volunteer page's download). Its text was written at assignment:
 * if the placement changed since (a later placement message to the same recipient, or no session
 * any more), the message is superseded and returns null: it is not sent, so the e-mail and its
 * PDF never disagree and a cancelled assignment sends no convocation.
 */
async function convocationAttachmentsOf(em: EntityManager, message: EmailMessage): Promise<OutgoingEmail['attachments'] | null> {
  if (message.template !== 'VOLUNTEER_ASSIGNED' || !message.volunteer) return undefined;
  const later = await em.count(EmailMessage, {
    volunteer: message.volunteer.id,
    recipientKind: message.recipientKind,
    template: { $in: PLACEMENT_TEMPLATES },
    createdAt: { $gt: message.createdAt },
  });
  const volunteer = later ? null : await em.findOne(Volunteer, { id: message.volunteer.id });
  const data = volunteer ? await convocationDataOf(em, volunteer) : null;
  if (!data) return null;
  return [{ filename: 'convocation-snu.pdf', content: await renderConvocationPdf(data), contentType: 'application/pdf' }];
}

/** Sends one message once; on failure records the error and throws so pg-boss retries it. */
export async function deliverEmail(orm: MikroORM, mailer: Mailer, emailId: string, maxAttempts: number, logger: Logger): Promise<void> {
  // A system job: no user is signed in.
  await unscoped({ em: orm.em, logger }, 'e-mail delivery', async (em) => {
    const message = await em.findOne(EmailMessage, { id: emailId });
    if (!message || message.status === EmailStatus.SENT) return;
    if (message.status === EmailStatus.CANCELLED) return;
    message.attempts += 1;
    try {
      const attachments = await convocationAttachmentsOf(em, message);
      if (attachments === null) {
        message.status = EmailStatus.CANCELLED;
        message.lastError = 'Non envoyé : l’affectation a changé depuis (un message plus récent la remplace).';
        await em.flush();
        return;
      }
      const { record } = await mailer.send({ to: message.recipient, subject: message.subject, text: message.body, attachments });
      message.status = EmailStatus.SENT;
      message.sentAt = now();
      message.transportRecord = record;
      message.lastError = null;
      await em.flush();
    } catch (error) {
      message.lastError = error instanceof Error ? error.message : String(error);
      if (message.attempts >= maxAttempts) message.status = EmailStatus.FAILED;
      await em.flush();
      logger.warn({ emailId, attempts: message.attempts }, 'e-mail delivery failed');
      throw error;
    }
  });
}
