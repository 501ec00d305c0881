import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, RequestHandler, Response } from 'express';
import { coerceInputValue, GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { buildRequestContext, type ContextServices } from '../auth/context';
import { AppError, badInput } from '../kernel/errors';
import { frenchValidationMessage, INTERNAL_MESSAGE } from '../graphql/format-error';
import { assertMayExportVolunteers, exportVolunteersCsv } from '../modules/volunteer/volunteer-export.service';
import type { VolunteerFilter } from '../modules/volunteer/volunteer.inputs';
import { now } from '../kernel/clock';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/** `filter` as the GraphQL list receives it: JSON, checked and coerced by the schema's own VolunteerFilter type. */
function readFilter(schema: GraphQLSchema, text: unknown): VolunteerFilter {
  if (text === undefined || text === '') return {};
  if (typeof text !== 'string') throw badInput('Le paramètre filter doit apparaître une seule fois.', 'filter');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput('Le paramètre filter doit être un objet JSON, par exemple {"status":"VALIDATED"}.', 'filter');
  }
  const type = schema.getType('VolunteerFilter');
  if (!(type instanceof GraphQLInputObjectType)) throw new Error('VolunteerFilter is missing from the schema');
  return coerceInputValue(value, type, (path, _invalid, error) => {
    throw badInput(`Filtre invalide${path.length ? ` (${path.join('.')})` : ''} : ${frenchValidationMessage(error.message)}`, 'filter');
  }) as VolunteerFilter;
}

function sortParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `GET /exports/volunteers.csv?filter={…}&sortField=…&sortOrder=…`: the volunteer list as a CSV
 * download, with the session cookie, the list's filters, sort and scope. Errors before the first
 * byte answer JSON `{ errors: [{ message, extensions: { code } }] }` with 400/401/403, like the API.
 */
export function volunteerExportRoute(orm: MikroORM, services: ContextServices, schema: GraphQLSchema): RequestHandler {
  const { logger } = services;
  return async (req: Request, res: Response) => {
    try {
      const ctx = await buildRequestContext(orm, services, req, res);
      assertMayExportVolunteers(ctx);
      const filter = readFilter(schema, req.query.filter);
      const sort = { sortField: sortParam(req.query.sortField), sortOrder: sortParam(req.query.sortOrder) };
      const day = now().toISOString().slice(0, 10);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="volontaires-${day}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      const started = Date.now();
      const rows = await exportVolunteersCsv(ctx, filter, sort, res);
      logger.info({ userId: ctx.user?.id, impersonatorId: ctx.user?.impersonatorId, filter, rows, ms: Date.now() - started }, 'export CSV des volontaires');
    } catch (error) {
      if (res.headersSent) {
        // The file is already on its way: cut it, so that it cannot pass for a complete one.
        logger.error({ err: error }, 'export CSV interrompu');
        res.destroy();
        return;
      }
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Disposition');
      const known = error instanceof AppError ? error : null;
      if (!known) logger.error({ err: error }, 'export CSV : erreur inattendue');
      const code = String(known?.extensions.code ?? 'INTERNAL_SERVER_ERROR');
      const message = known?.message ?? INTERNAL_MESSAGE;
      res.status(STATUS_OF[code] ?? 500).json({ errors: [{ message, extensions: { code } }] });
    }
  };
}
