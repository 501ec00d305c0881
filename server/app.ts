import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { buildRequestContext, type ContextServices } from './auth/context';
import type { AppConfig } from './config';
import { ReferenceData } from './database/reference-data';
import type { JobQueue, RequestContext } from './kernel/request-context';
import { Department } from './modules/department/department.entity';
import { Region } from './modules/region/region.entity';
import { healthRoute } from './http/health';
import { createErrorFormatter } from './graphql/format-error';
import { getSchema } from './graphql/schema';
import { jitExecution } from './graphql/jit-executor';
import { queryLimits } from './graphql/limits';
import { convocationRoute } from './http/convocation.route';
import { simulationExportRoute } from './http/simulation-export.route';
import { volunteerExportRoute } from './http/volunteer-export.route';

export interface App {
  app: Express;
  stop(): Promise<void>;
}

/** The HTTP application: `/graphql`, the built console at `/`, and `/healthz`. Used by main.ts and by the tests. */
export async function createApp(orm: MikroORM, config: AppConfig, logger: Logger, jobs: JobQueue | null = null): Promise<App> {
  const schema = await getSchema();
  const limits = queryLimits();
  const apollo = new ApolloServer<RequestContext>({
    // Query limits (depth, aliases, directives, cost, tokens) before execution and authentication.
    ...limits,
    ...(config.graphqlExecutor === 'jit' ? { gateway: jitExecution(schema) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger, config.env === 'development'),
    // Apollo's CSRF prevention stays on: only JSON POSTs (or flagged GETs) reach resolvers.
    csrfPrevention: true,
    // No HTTP caching of GraphQL answers here; the default cache-control plugin would otherwise
    // wrap every field resolver of every response (measured ≈ 10 % of a list page's CPU).
    plugins: [ApolloServerPluginCacheControlDisabled(), ...limits.plugins],
  });
  await apollo.start();
  const reference = new ReferenceData(orm, [Region, Department]);
  await reference.ready();
  const services: ContextServices = { config, logger, jobs, reference };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  app.get('/healthz', healthRoute(orm));

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req, res }) => buildRequestContext(orm, services, req, res) }),
  );

  // Downloads: the volunteer list as CSV, same filters, sort and scope as on screen.
  app.get('/exports/volunteers.csv', volunteerExportRoute(orm, services, schema));
  app.get('/exports/assignment-simulations/:id.xlsx', simulationExportRoute(orm, services));
  app.get('/volunteers/:id/convocation.pdf', convocationRoute(orm, services));

  const indexHtml = path.join(config.adminDir, 'index.html');
  if (config.adminDir && fs.existsSync(indexHtml)) {
    app.use(express.static(config.adminDir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
      // Hashed assets never change; index.html must always be fresh.
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    } }));
    // Client-side routes of the console (/#/… or /Volunteer/…) all serve the SPA.
    app.get(/^(?!\/graphql|\/exports\/|\/volunteers\/[^/]+\/convocation\.pdf).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('API SNU : /graphql. La console n’est pas construite (npm run build:admin).');
    });
  }

  return { app, stop: () => apollo.stop() };
}
