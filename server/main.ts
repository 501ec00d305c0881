import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp, listen, type App } from './app';
import { createLogger } from './common/logger';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { hasNoStaff, openDatabase, withStartupLock } from './database/database';
import { ormConfig } from './database/mikro-orm.config';
import { seedDemo } from './database/seeds/demo.seed';
import { Jobs } from './jobs/jobs';
import { createMailer } from './jobs/mailer';

/** Set by the primary on the HTTP worker processes it forks (WEB_CONCURRENCY > 1). */
const WORKER_FLAG = 'SNU_HTTP_WORKER';

function jobsOptions(config: AppConfig, work: boolean) {
  return { retryDelaySeconds: config.emailRetryDelaySeconds, retryLimit: config.emailRetryLimit, pollingIntervalSeconds: 2, work };
}

/**
 * Process entry: configuration, database (embedded or DATABASE_URL), migrations, demo data, job
 * workers, then HTTP — served here, or by WEB_CONCURRENCY worker processes sharing the port
 * (Node's cluster module). Workers hold nothing another process needs: sessions and jobs are in
 * PostgreSQL, so any worker answers any request.
 */
async function main(): Promise<void> {
  if (cluster.isWorker && process.env[WORKER_FLAG]) return httpWorker();
  const config = loadConfig();
  const logger = createLogger(config);
  const started = performance.now();
  const db = await openDatabase(config, (m) => logger.debug({ postgres: m }), { handlesSignals: true });
  if (db.embedded) logger.info(`PostgreSQL embarqué démarré (données dans ${config.dataDir}).`);
  const orm = await MikroORM.init(ormConfig(db.url, { logger, poolMax: Number(process.env.DB_POOL_MAX ?? 20) }));

  // Filled in as start-up progresses; shutdown stops whatever is running.
  const running: { server?: Server; app?: App; jobs?: Jobs } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} reçu : arrêt propre.`);
    running.app?.drain();
    await stopWorkers(signal);
    // Requests in flight finish first (they may queue e-mails), then the queue and the pool stop.
    if (running.server && running.app) await closeServer(running.server, running.app, config);
    await running.app?.stop().catch(() => undefined);
    await running.jobs?.stop().catch(() => undefined);
    await orm.close(true).catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Several instances may start together on one database: one at a time migrates, seeds and sets up the queue.
  running.jobs = await withStartupLock(db.url, async () => {
    const applied = await orm.getMigrator().up();
    if (applied.length) logger.info(`${applied.length} migration(s) appliquée(s).`);
    if (config.env !== 'production' && (await hasNoStaff(orm))) {
      logger.info(`Base vide : chargement des données de démonstration (${config.seedVolunteers} volontaires)…`);
      await seedDemo(orm, { volunteers: config.seedVolunteers, log: (m: string) => logger.info(m) });
    }
    return Jobs.start(db.url, orm, createMailer(config.smtpUrl), logger, jobsOptions(config, config.runJobs));
  });
  if (stopping) return;
  const ready = () => logger.info(`Back-office SNU prêt en ${((performance.now() - started) / 1000).toFixed(1)} s : http://localhost:${config.port}/ (API : /graphql)`);
  if (config.webConcurrency > 1) {
    startWorkers(config.webConcurrency, db.url, logger, () => stopping, ready);
    return;
  }
  running.app = await createApp(orm, config, logger, running.jobs);
  running.server = listen(running.app.app, config, undefined, ready);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops serving without losing a request. First `shutdownDelaySeconds` still listening with
 * /readyz at 503 (the load balancer stops sending here), then until no request has been in
 * flight for 300 ms (at most `drainTimeoutSeconds`): a busy process accepts the connections the
 * kernel queued only when it gets to them, and closing the socket would reset those. Only then
 * is the socket closed (net.Server's close: http.Server's would also cut connections whose
 * request has arrived but is not read yet) and the idle keep-alive connections ended; answers
 * sent while draining close their connection (app.ts). At the deadline, everything is cut.
 */
async function closeServer(server: Server, app: App, config: AppConfig): Promise<void> {
  const deadline = performance.now() + config.drainTimeoutSeconds * 1000;
  await sleep(config.shutdownDelaySeconds * 1000);
  let quiet = 0;
  while (quiet < 3 && performance.now() < deadline) {
    quiet = app.inFlight() === 0 ? quiet + 1 : 0;
    await sleep(100);
  }
  await new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - performance.now()));
    net.Server.prototype.close.call(server, () => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function startWorkers(count: number, databaseUrl: string, logger: ReturnType<typeof createLogger>, stopping: () => boolean, ready: () => void): void {
  let listening = 0;
  const fork = () => cluster.fork({ [WORKER_FLAG]: '1', DATABASE_URL: databaseUrl, RUN_JOBS: 'false' });
  cluster.on('listening', () => {
    listening += 1;
    if (listening === count) ready();
  });
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping()) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'processus HTTP arrêté : remplacé');
    fork();
  });
  for (let i = 0; i < count; i += 1) fork();
  logger.info(`${count} processus HTTP sur le port partagé.`);
}

/** Asks every HTTP worker to finish its requests and waits for them (no-op without workers). */
async function stopWorkers(signal: string): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
          setTimeout(() => worker.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

/** One HTTP worker: the API and the console, on the database the primary prepared. */
async function httpWorker(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const orm = await MikroORM.init(ormConfig(config.databaseUrl!, { logger, poolMax: Number(process.env.DB_POOL_MAX ?? 20) }));
  // Enqueues e-mails after commits; the primary's job workers deliver them.
  const jobs = await withStartupLock(config.databaseUrl!, () => Jobs.start(config.databaseUrl!, orm, createMailer(config.smtpUrl), logger, jobsOptions(config, false)));
  const app = await createApp(orm, config, logger, jobs);
  const server = listen(app.app, config);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.drain();
    await closeServer(server, app, config);
    await app.stop().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await orm.close(true).catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration invalide : ${error.message}`);
  else console.error(error);
  process.exit(1);
});
