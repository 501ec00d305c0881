import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every setting, read from the environment once, validated and typed. */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  /** When absent, `main.ts` starts an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** Session lifetime, in hours. */
  sessionTtlHours: number;
  /** A session unused for this many minutes ends. */
  sessionIdleMinutes: number;
  /** `email`: after the password, a 6-digit code by e-mail (unless the browser is trusted); `off`: the password alone. */
  loginSecondFactor: 'email' | 'off';
  /** Whether the session cookie carries the `Secure` flag (HTTPS only). */
  secureCookies: boolean;
  /** Serve the built console from this directory (empty: API only). */
  adminDir: string;
  logLevel: string;
  /** Introspection and detailed errors are for development only. */
  introspection: boolean;
  /** HTTP worker processes (Node's cluster module); 1 serves from the main process. */
  webConcurrency: number;
  /** `jit` (graphql-jit, compiled once per document) or `graphql-js` (the reference interpreter). */
  graphqlExecutor: 'jit' | 'graphql-js';
  seedVolunteers: number;
  /** SMTP server for e-mails; when absent, messages are recorded in the database only. */
  smtpUrl: string | undefined;
  /** The console's address as users reach it, for links in e-mails (invitations). */
  publicUrl: string;
  /** Run the job workers (e-mail delivery) in this process. */
  runJobs: boolean;
  emailRetryDelaySeconds: number;
  emailRetryLimit: number;
  /** Proxies in front whose `X-Forwarded-For` is believed (Express's `trust proxy` hop count); 0: the socket's address. */
  trustProxyHops: number;
  /** Seconds a client has to send a whole request (headers: at most 10). */
  requestTimeoutSeconds: number;
  /** After SIGTERM: seconds still listening with /readyz at 503 (for the load balancer), then at most `drainTimeoutSeconds` for requests in flight. */
  shutdownDelaySeconds: number;
  drainTimeoutSeconds: number;
}

export class ConfigError extends Error {}

const root = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} doit être un entier positif (reçu « ${value} »).`);
  return n;
}

/** Outside production: a secret kept beside the local data, so sessions survive a restart. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, secret, { mode: 0o600 });
    } catch {
      // Read-only disk: a per-process secret still works, sessions just end at restart.
    }
    return secret;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (!sessionSecret) {
    if (nodeEnv === 'production') {
      throw new ConfigError('SESSION_SECRET est obligatoire quand NODE_ENV=production.');
    }
    sessionSecret = localSessionSecret(path.resolve(root, env.DATA_DIR ?? '.data'));
  } else if (nodeEnv === 'production' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET doit faire au moins 32 caractères en production.');
  }
  return {
    env: nodeEnv,
    port: intFrom('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(root, env.DATA_DIR ?? '.data'),
    sessionSecret,
    sessionTtlHours: intFrom('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: Math.max(1, intFrom('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 60)),
    loginSecondFactor: secondFactorFrom(env.LOGIN_SECOND_FACTOR, nodeEnv),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : nodeEnv === 'production',
    adminDir: env.ADMIN_DIR ?? path.join(root, 'dist', 'admin'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : nodeEnv !== 'production',
    graphqlExecutor: executorFrom(env.GRAPHQL_EXECUTOR),
    webConcurrency: Math.max(1, env.WEB_CONCURRENCY === 'auto' ? os.availableParallelism() : intFrom('WEB_CONCURRENCY', env.WEB_CONCURRENCY, 1)),
    seedVolunteers: intFrom('SEED_VOLUNTEERS', env.SEED_VOLUNTEERS, 5000),
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${intFrom('PORT', env.PORT, 4000)}`).replace(/\/+$/, ''),
    runJobs: env.RUN_JOBS ? env.RUN_JOBS === 'true' : true,
    emailRetryDelaySeconds: intFrom('EMAIL_RETRY_DELAY_SECONDS', env.EMAIL_RETRY_DELAY_SECONDS, 30),
    emailRetryLimit: intFrom('EMAIL_RETRY_LIMIT', env.EMAIL_RETRY_LIMIT, 5),
    trustProxyHops: intFrom('TRUST_PROXY_HOPS', env.TRUST_PROXY_HOPS, 1),
    requestTimeoutSeconds: Math.max(1, intFrom('REQUEST_TIMEOUT_SECONDS', env.REQUEST_TIMEOUT_SECONDS, 30)),
    shutdownDelaySeconds: intFrom('SHUTDOWN_DELAY_SECONDS', env.SHUTDOWN_DELAY_SECONDS, nodeEnv === 'production' ? 2 : 0),
    drainTimeoutSeconds: intFrom('DRAIN_TIMEOUT_SECONDS', env.DRAIN_TIMEOUT_SECONDS, 15),
  };
}

function secondFactorFrom(value: string | undefined, nodeEnv: AppConfig['env']): AppConfig['loginSecondFactor'] {
  if (value === undefined || value === '') return nodeEnv === 'production' ? 'email' : 'off';
  if (value === 'email' || value === 'off') return value;
  throw new ConfigError(`LOGIN_SECOND_FACTOR doit valoir « email » ou « off » (reçu « ${value} »).`);
}

function executorFrom(value: string | undefined): AppConfig['graphqlExecutor'] {
  if (value === undefined || value === '' || value === 'jit') return 'jit';
  if (value === 'graphql-js') return 'graphql-js';
  throw new ConfigError(`GRAPHQL_EXECUTOR doit valoir « jit » ou « graphql-js » (reçu « ${value} »).`);
}

export const projectRoot = root;
