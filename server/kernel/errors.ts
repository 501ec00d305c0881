import { GraphQLError } from 'graphql';

/** The error codes of API-CONTRACT.md. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'GOAL_REACHED'
  | 'SESSION_FULL'
  | 'LINE_FULL'
  | 'WINDOW_CLOSED'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'SECOND_FACTOR_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the user: a French message and a contract code. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 'Vous n’êtes pas connecté ou votre session a expiré : reconnectez-vous.');
export const forbidden = () =>
  new AppError('FORBIDDEN', 'Votre rôle ne permet pas cette action. Contactez votre référent si vous pensez en avoir besoin.');
/** The same answer for a record that does not exist and for one outside the caller's scope. */
export const notFound = (label = 'Cet élément') =>
  new AppError('NOT_FOUND', `${label} est introuvable : il n’existe pas ou ne fait pas partie de votre périmètre.`);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
/** A stale `version`: someone else saved the record meanwhile. */
export const conflict = (subject = 'Ce dossier') =>
  new AppError('CONFLICT', `${subject} a été modifié par quelqu’un d’autre entre-temps : rechargez la page puis recommencez.`);
