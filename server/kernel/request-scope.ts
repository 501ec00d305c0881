import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/**
 * What is known of the HTTP request being served, wherever the code runs during it (resolvers,
 * the error formatter, download routes): its id and its logger (bound to that id), and what the
 * request log line reports at the end (user, GraphQL operation, error codes).
 */
export interface RequestScope {
  readonly id: string;
  readonly log: Logger;
  userId?: string;
  operation?: string;
  errorCodes?: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) within the request `scope`. */
export function runInRequest<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request being served, or undefined outside one (jobs, start-up). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** What the request log line should say about the GraphQL operation served. */
export function noteOperation(operation: string | undefined, errorCodes: readonly string[]): void {
  const scope = storage.getStore();
  if (!scope) return;
  if (operation) scope.operation = operation;
  if (errorCodes.length) scope.errorCodes = [...new Set([...(scope.errorCodes ?? []), ...errorCodes])];
}
