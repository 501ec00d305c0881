import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { coerceInputValue, GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import type { ContextServices } from '../auth/context';
import { downloadRoute } from './download.route';
import { badInput, notFound } from '../kernel/errors';
import { firstTextProblem } from '../common/validation';
import { frenchValidationMessage } from '../graphql/format-error';
import { assertMayExport, EXPORTABLES, runExport } from '../modules/exports/exports.service';
import { EXPORT_TYPES, type ExportFormat } from '../common/table-export';
import { now } from '../kernel/clock';

/** `filter` as the GraphQL list receives it: JSON, checked and coerced by the schema's own filter type (an unknown field is refused). */
function readFilter(schema: GraphQLSchema, typeName: string, text: unknown): Record<string, unknown> {
  if (text === undefined || text === '') return {};
  if (typeof text !== 'string') throw badInput('Le paramètre filter doit apparaître une seule fois.', 'filter');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput('Le paramètre filter doit être un objet JSON, par exemple {"status":"VALIDATED"}.', 'filter');
  }
  const problem = firstTextProblem(value);
  if (problem) throw badInput(problem, 'filter');
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`${typeName} is missing from the schema`);
  return coerceInputValue(value, type, (path, _invalid, error) => {
    throw badInput(`Filtre invalide${path.length ? ` (${path.join('.')})` : ''} : ${frenchValidationMessage(error.message)}`, 'filter');
  }) as Record<string, unknown>;
}

function sortParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `GET /exports/<list>.<csv|xlsx>?filter={…}&sortField=…&sortOrder=…` (volunteers,
 * cohesion-centers, sessions, audit-events): the list as a download, with the session cookie and
 * exactly the list's filters, sort and scope; each export is written to the audit trail.
 */
export function exportRoute(orm: MikroORM, services: ContextServices, schema: GraphQLSchema): RequestHandler {
  return downloadRoute(orm, services, 'export', async (ctx, req) => {
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(String(req.params.file ?? ''));
    const exportable = match ? EXPORTABLES[match[1]!] : undefined;
    if (!match || !exportable) throw notFound('Cet export');
    assertMayExport(ctx, exportable);
    const format = match[2] as ExportFormat;
    const filter = readFilter(schema, exportable.filterType, req.query.filter);
    const sort = { sortField: sortParam(req.query.sortField), sortOrder: sortParam(req.query.sortOrder) };
    return {
      contentType: EXPORT_TYPES[format],
      fileName: `${exportable.fileName}-${now().toISOString().slice(0, 10)}.${format}`,
      write: (out) => runExport(ctx, match[1]!, exportable, format, filter, sort, out),
    };
  });
}
