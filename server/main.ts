import 'reflect-metadata';
import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App } from './app';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './database/database';
import { ormConfig } from './database/mikro-orm.config';
import { seedDemo } from './database/seeds/demo.seed';
import { Jobs } from './jobs/jobs';
import { createMailer } from './jobs/mailer';

/** Process entry: configuration, database (embedded or DATABASE_URL), migrations, demo data, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const started = Date.now();
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
    await running.jobs?.stop().catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (!running.server) return resolve();
      running.server.close(() => resolve());
      // Browsers keep idle connections open; do not wait for them.
      running.server.closeIdleConnections();
    });
    await running.app?.stop().catch(() => undefined);
    await orm.close(true).catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const applied = await orm.getMigrator().up();
  if (applied.length) logger.info(`${applied.length} migration(s) appliquée(s).`);

  if (config.env !== 'production') {
    const [{ count }] = await orm.em.getConnection().execute<[{ count: string }]>('select count(*) as count from staff_user');
    if (Number(count) === 0) {
      logger.info(`Base vide : chargement des données de démonstration (${config.seedVolunteers} volontaires)…`);
      await seedDemo(orm, { volunteers: config.seedVolunteers, log: (m: string) => logger.info(m) });
    }
  }

  running.jobs = await Jobs.start(db.url, orm, createMailer(config.smtpUrl), logger, {
    retryDelaySeconds: config.emailRetryDelaySeconds,
    retryLimit: config.emailRetryLimit,
    pollingIntervalSeconds: 2,
    work: config.runJobs,
  });
  running.app = await createApp(orm, config, logger, running.jobs);
  running.server = running.app.app.listen(config.port, () => {
    logger.info(`Back-office SNU prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : http://localhost:${config.port}/ (API : /graphql)`);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration invalide : ${error.message}`);
  else console.error(error);
  process.exit(1);
});
