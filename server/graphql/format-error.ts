import { OptimisticLockError, NotFoundError as OrmNotFoundError } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, type ErrorCode } from '../kernel/errors';
import { currentRequest } from '../kernel/request-scope';
import { ScopeNotSetError } from '../scope/rules';
import { frenchTokenLimitMessage, TOO_COMPLEX_PREFIX } from './limits';

const CONTRACT_CODES = new Set<string>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INVALID_TRANSITION',
  'GOAL_REACHED', 'SESSION_FULL', 'LINE_FULL', 'WINDOW_CLOSED', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'SECOND_FACTOR_REQUIRED', 'INTERNAL_SERVER_ERROR',
]);

/** graphql-js speaks English; the console shows these messages to French users. */
export function frenchValidationMessage(message: string): string {
  let m: RegExpMatchArray | null;
  if ((m = message.match(/Value "(.*)" does not exist in "(\w+)" enum/))) return `La valeur « ${m[1]} » n’existe pas pour ${m[2]}.`;
  if ((m = message.match(/Cannot query field "(\w+)" on type "(\w+)"/))) return `Le champ « ${m[1]} » n’existe pas sur le type ${m[2]}.`;
  if ((m = message.match(/Unknown argument "(\w+)" on field "([\w.]+)"/))) return `L’argument « ${m[1]} » n’existe pas pour ${m[2]}.`;
  if ((m = message.match(/Field "(\w+)" is not defined by type "(\w+)"/))) return `Le champ « ${m[1]} » n’existe pas dans ${m[2]}.`;
  if ((m = message.match(/Int cannot represent non-integer value: (.*)/))) return `Un nombre entier est attendu (reçu ${m[1]}).`;
  if ((m = message.match(/Int cannot represent non 32-bit signed integer value: (.*)/))) return `Nombre trop grand (reçu ${m[1]}).`;
  if (/Cross-Site Request Forgery/.test(message)) return 'Requête refusée (protection contre la falsification de requête) : envoyez le document en POST avec Content-Type: application/json.';
  if (/GET query missing/.test(message)) return 'Requête GraphQL absente : envoyez le document en POST avec Content-Type: application/json.';
  if (/Syntax Error/.test(message)) return `Requête GraphQL mal formée : ${message}`;
  if ((m = message.match(/argument "(\w+)" of type "([^"]+)" is required/))) return `L’argument « ${m[1]} » (${m[2]}) est obligatoire.`;
  return `Requête invalide : ${message}`;
}

/** What the user reads for any unexpected error (details stay in the logs). */
export const INTERNAL_MESSAGE = 'Une erreur interne est survenue. Réessayez ; si le problème persiste, contactez l’équipe technique.';

/**
 * Every error leaves with a contract code and a French message. Unknown errors are logged here
 * and masked: no stack trace, SQL or internal detail reaches the client outside development.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      // `http` (a status for Apollo) is not part of the answer.
      const { http: _http, ...extensions } = original.extensions;
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof OptimisticLockError) {
      return { ...base, message: 'Ce dossier a été modifié par quelqu’un d’autre entre-temps : rechargez la page puis recommencez.', extensions: { code: 'CONFLICT' satisfies ErrorCode } };
    }
    if (original instanceof OrmNotFoundError) {
      return { ...base, message: 'Élément introuvable : il n’existe pas ou ne fait pas partie de votre périmètre.', extensions: { code: 'NOT_FOUND' satisfies ErrorCode } };
    }
    const code = String(formatted.extensions?.code ?? '');
    // Query limits (graphql/limits.ts): Apollo reports them as validation or parse failures.
    const tooLong = frenchTokenLimitMessage(formatted.message);
    if (tooLong || formatted.message.startsWith(TOO_COMPLEX_PREFIX)) {
      return { message: tooLong ?? formatted.message, locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode } };
    }
    if (['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED'].includes(code)) {
      // No « Did you mean … »: the schema's names are not offered to whoever probes it.
      return { message: frenchValidationMessage(formatted.message.replace(/\s*Did you mean .*$/, '')), locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
    }
    if (CONTRACT_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...base, extensions: { code } };
    }
    const request = currentRequest();
    const log = request?.log ?? logger;
    if (original instanceof ScopeNotSetError) log.error({ err: original }, 'scope filter not set: request refused');
    else log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      ...base,
      message: development ? `${INTERNAL_MESSAGE} (${formatted.message})` : INTERNAL_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode, ...(request ? { requestId: request.id } : {}) },
    };
  };
}
