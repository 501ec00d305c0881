import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { coerceInputValue, GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import type { ContextServices } from '../auth/context';
import { downloadRoute } from './download.route';
import { badInput } from '../kernel/errors';
import { frenchValidationMessage } from '../graphql/format-error';
import { assertMayExportVolunteers, exportVolunteersCsv } from '../modules/volunteer/volunteer-export.service';
import type { VolunteerFilter } from '../modules/volunteer/volunteer.inputs';
import { now } from '../kernel/clock';

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
 * download, with the session cookie, the list's filters, sort and scope.
 */
export function volunteerExportRoute(orm: MikroORM, services: ContextServices, schema: GraphQLSchema): RequestHandler {
  return downloadRoute(orm, services, 'export CSV des volontaires', async (ctx, req) => {
    assertMayExportVolunteers(ctx);
    const filter = readFilter(schema, req.query.filter);
    const sort = { sortField: sortParam(req.query.sortField), sortOrder: sortParam(req.query.sortOrder) };
    return {
      contentType: 'text/csv; charset=utf-8',
      fileName: `volontaires-${now().toISOString().slice(0, 10)}.csv`,
      write: (out) => exportVolunteersCsv(ctx, filter, sort, out),
    };
  });
}
