import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { loggedError } from '../common/logger';
import { type RequestScope, runInRequest } from '../kernel/request-scope';

/** An id from the proxy in front is kept when it looks like one (so both logs join); otherwise a UUID. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

const SCOPE = Symbol('requestScope');
type ScopedResponse = ServerResponse & { [SCOPE]?: RequestScope };

/** Probes and static files are not worth a line each. */
function ignored(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url === '/healthz' || url === '/readyz' || url.startsWith('/assets/');
}

/**
 * One log line per request: id (also answered as `X-Request-Id`), method, path without its query
 * string (filters may hold names), status, duration, user id, GraphQL operation and error codes.
 * Nothing else of the request or response is logged: no headers (cookies), no bodies (personal
 * data, passwords, tokens).
 */
export function requestLogging(logger: Logger): RequestHandler[] {
  const http = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const forwarded = req.headers['x-request-id'];
      const id = typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    // The serializers below receive the raw objects (wrapped ones would get pino's serialized error).
    wrapSerializers: false,
    autoLogging: { ignore: ignored },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      // pino-http replaces the logger's own error serializer unless given it again.
      err: loggedError,
    },
    customProps: (_req, res) => {
      const scope = (res as ScopedResponse)[SCOPE];
      return scope ? { userId: scope.userId, operation: scope.operation, errorCodes: scope.errorCodes } : {};
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'requête',
    customErrorMessage: () => 'requête en échec',
  });
  const scoped: RequestHandler = (req, res, next) => {
    const scope: RequestScope = { id: String(req.id), log: req.log };
    (res as ScopedResponse)[SCOPE] = scope;
    runInRequest(scope, next);
  };
  return [http, scoped];
}
