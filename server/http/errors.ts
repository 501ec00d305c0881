import type { ErrorRequestHandler } from 'express';
import { INTERNAL_MESSAGE } from '../graphql/format-error';
import { currentRequest } from '../kernel/request-scope';

/** What body-parser and Express report, in French; anything else is an internal error. */
function known(error: { type?: string; status?: number }): { status: number; message: string } | null {
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, message: 'La requête est trop volumineuse : envoyez moins d’éléments à la fois.' };
    case 'entity.parse.failed':
      return { status: 400, message: 'Le corps de la requête n’est pas du JSON valide.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: 'Encodage de la requête non pris en charge : envoyez du JSON en UTF-8.' };
    case 'request.aborted':
      return { status: 400, message: 'La requête a été interrompue avant la fin de son envoi.' };
    default:
      return error.status && error.status >= 400 && error.status < 500 ? { status: error.status, message: 'Requête invalide.' } : null;
  }
}

/**
 * The last Express middleware: errors raised before GraphQL or a route could answer (a body too
 * large or not JSON, a cut connection) get the API's error shape with a French message; an
 * unexpected one is logged with the request id, which the answer carries too.
 */
export const httpErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const request = currentRequest();
  const answer = known(error);
  if (!answer) {
    request?.log.error({ err: error }, 'unexpected error');
    res.status(500).json({ errors: [{ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: request?.id } }] });
    return;
  }
  res.status(answer.status).json({ errors: [{ message: answer.message, extensions: { code: 'BAD_USER_INPUT' } }] });
};
