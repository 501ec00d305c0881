import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { buildRequestContext, type ContextServices } from './auth/context';
import type { AppConfig } from './config';
import { ReferenceData } from './database/reference-data';
import type { JobQueue, RequestContext } from './kernel/request-context';
import { Department } from './modules/department/department.entity';
import { Region } from './modules/region/region.entity';
import { healthRoute, readinessRoute } from './http/health';
import { httpErrorHandler } from './http/errors';
import { requestLogging } from './http/request-log';
import { operationGuard } from './graphql/operation-guard';
import { createErrorFormatter } from './graphql/format-error';
import { getSchema } from './graphql/schema';
import { jitExecution } from './graphql/jit-executor';
import { queryLimits } from './graphql/limits';
import { convocationRoute } from './http/convocation.route';
import { sessionRoute } from './http/session.route';
import { simulationExportRoute } from './http/simulation-export.route';
import { exportRoute } from './http/export.route';

export interface App {
  app: Express;
  /** From now on `/readyz` answers 503, so load balancers stop sending requests here. */
  drain(): void;
  /** Requests received and not yet answered. */
  inFlight(): number;
  stop(): Promise<void>;
}

/** Bodies are JSON documents and id lists (a bulk decision of 1,000 files is ≈ 45 kB). */
export const BODY_LIMIT = '256kb';

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
    // Apollo would stop itself on SIGTERM, before the HTTP server drained (in-flight requests
    // answered 500): main.ts stops it after the last request instead.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, config.env === 'development'),
    // Apollo's CSRF prevention stays on: only JSON POSTs (or flagged GETs) reach resolvers.
    csrfPrevention: true,
    // No HTTP caching of GraphQL answers here; the default cache-control plugin would otherwise
    // wrap every field resolver of every response (measured ≈ 10 % of a list page's CPU).
    // No landing page (Apollo's, with its version) on GET /graphql: the API has no public UI.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), operationGuard(), ...limits.plugins],
  });
  await apollo.start();
  const reference = new ReferenceData(orm, [Region, Department]);
  await reference.ready();
  const services: ContextServices = { config, logger, jobs, reference };

  const production = config.env === 'production';
  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  // The client address (login throttling, logs) comes from this many proxies' X-Forwarded-For.
  app.set('trust proxy', config.trustProxyHops);
  // First, so every line (errors included) carries the request id.
  app.use(requestLogging(logger));
  // While shutting down, each answer closes its connection: the client's next request opens one elsewhere.
  let inFlight = 0;
  app.use((_req, res, next) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    if (draining) res.setHeader('Connection', 'close');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects its styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: production ? [] : null,
        },
      },
      // HTTPS is the proxy's job in production; locally the console is served over http.
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // API answers and downloads (a 50-row page is ≈ 20 kB of JSON, ≈ 3 kB compressed).
  app.use(compression());

  app.get('/healthz', healthRoute());
  app.get('/readyz', readinessRoute(orm, () => draining));

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req, res }) => buildRequestContext(orm, services, req, res) }),
  );

  // Downloads: the volunteer list as CSV, same filters, sort and scope as on screen.
  app.get('/exports/:file', exportRoute(orm, services, schema));
  app.get('/exports/assignment-simulations/:id.xlsx', simulationExportRoute(orm, services));
  app.get('/volunteers/:id/convocation.pdf', convocationRoute(orm, services));
  app.get('/session', sessionRoute(orm, services));

  const indexHtml = path.join(config.adminDir, 'index.html');
  if (config.adminDir && fs.existsSync(indexHtml)) {
    app.use(express.static(config.adminDir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
      // Hashed assets never change; index.html must always be fresh.
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    } }));
    // Client-side routes of the console (/#/… or /Volunteer/…) all serve the SPA.
    app.get(/^(?!\/graphql|\/session$|\/exports\/|\/volunteers\/[^/]+\/convocation\.pdf).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('API SNU : /graphql. La console n’est pas construite (npm run build:admin).');
    });
  }

  app.use(httpErrorHandler);

  return {
    app,
    drain: () => {
      draining = true;
    },
    inFlight: () => inFlight,
    stop: () => apollo.stop(),
  };
}

/**
 * Starts serving `app`. A client has `requestTimeoutSeconds` to send its whole request and at most
 * 10 s for its headers, checked every second: a body trickled at 1 byte/s is cut off (408) instead
 * of holding a connection. Answers (long exports) are not limited.
 */
export function listen(app: Express, config: Pick<AppConfig, 'port' | 'requestTimeoutSeconds'>, host?: string, onListening?: () => void): Server {
  const requestTimeout = config.requestTimeoutSeconds * 1000;
  const server = createServer({ requestTimeout, headersTimeout: Math.min(requestTimeout, 10_000), connectionsCheckingInterval: 1000 }, app);
  if (host) server.listen(config.port, host, onListening);
  else server.listen(config.port, onListening);
  return server;
}
